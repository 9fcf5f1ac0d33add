import type { InstitutionTemplateParams } from './emails.ts';

/** Recognisable parameters of the institutions e-mails, for the template tests (notifications/templates.test.ts). */
export const institutionSamples: InstitutionTemplateParams = {
  need_proposed: {
    name: 'Omar Officer',
    institution: 'Université Hassan II',
    title: 'Tutorat en ligne des doctorants',
    proposer: 'Farid Point Focal',
    link: 'https://passerelle.example/institutions/5f1c/plan',
  },
};
