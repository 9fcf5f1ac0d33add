import type { AssignmentTemplateParams } from './emails.ts';

const base = {
  name: 'Farid Point Focal',
  reference: 'CD4D-2026-007',
  title: 'Appui à la réforme des cursus',
  institution: 'Ministère de la Santé',
  link: 'https://passerelle.example/assignments/5f1c',
};

/** Recognisable parameters of the ToR e-mails, for the template tests (notifications/templates.test.ts). */
export const assignmentSamples: AssignmentTemplateParams = {
  assignment_submitted: { ...base, name: 'Omar Officer', comment: '' },
  assignment_returned: { ...base, comment: 'Précisez les livrables attendus.' },
  assignment_approved: { ...base, comment: '' },
  assignment_published: { ...base, comment: '' },
  assignment_cancelled: { ...base, comment: 'Le besoin est couvert par un autre bailleur.' },
};
