import type { ApplicationTemplateParams } from './emails.ts';

const call = { reference: 'CD4D-2026-014', title: 'Appui aux cursus de licence' };
const link = 'https://passerelle.example/my-applications';

/** Recognisable parameters of every applications template, for notifications/templates.test.ts. */
export const applicationSamples: ApplicationTemplateParams = {
  application_received: { name: 'Youssef Amrani', ...call, deadline: '2026-12-31', link },
  application_under_review: { name: 'Youssef Amrani', ...call, link },
  application_shortlisted: { name: 'Youssef Amrani', ...call, link },
  application_selected: { name: 'Youssef Amrani', ...call, link },
  application_not_selected: { name: 'Youssef Amrani', ...call, reason: 'Profil trop junior', link },
  application_withdrawn: { name: 'Youssef Amrani', ...call, link },
  application_withdrawn_staff: {
    name: 'Olivia Officer',
    expert: 'Youssef Amrani',
    ...call,
    link: 'https://passerelle.example/assignments/a1/applications',
  },
  shortlist_shared: {
    name: 'Fatima Focal',
    ...call,
    count: 3,
    link: 'https://passerelle.example/assignments/a1/shortlist',
  },
  host_selection_made: {
    name: 'Olivia Officer',
    expert: 'Youssef Amrani',
    institution: 'Ministère de l’Enseignement supérieur',
    ...call,
    link: 'https://passerelle.example/assignments/a1/applications',
  },
  call_digest: {
    name: 'Youssef Amrani',
    count: 2,
    calls: '• CD4D-2026-014 — Appui aux cursus (2026-12-31)\n• CD4D-2026-015 — Santé numérique (2027-01-15)',
    link: 'https://passerelle.example/calls',
  },
};
