import type { ReportingTemplateParams } from './emails.ts';

/** Recognisable parameters of the mission report e-mails, for the template tests (notifications/templates.test.ts). */
export const reportingSamples: ReportingTemplateParams = {
  mission_report_submitted: {
    name: 'Omar Officer',
    reference: 'CD4D-2026-001-M1',
    title: 'Appui à la réforme des cursus',
    expert: 'Nadia Bennani',
    link: 'https://passerelle.example/missions/5f1c',
  },
  mission_report_accepted: {
    name: 'Nadia Bennani',
    reference: 'CD4D-2026-001-M1',
    title: 'Appui à la réforme des cursus',
    link: 'https://passerelle.example/missions/5f1c',
  },
  mission_report_returned: {
    name: 'Nadia Bennani',
    reference: 'CD4D-2026-001-M1',
    title: 'Appui à la réforme des cursus',
    comment: 'Ajoutez les résultats chiffrés des ateliers.',
    link: 'https://passerelle.example/missions/5f1c',
  },
};
