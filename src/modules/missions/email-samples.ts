import type { MissionTemplateParams } from './emails.ts';

const base = {
  name: 'Nadia Expert',
  reference: 'CD4D-2026-003-M1',
  title: 'Appui à la gestion hospitalière',
  host: 'CHU Ibn Rochd',
  startsOn: '2027-03-01',
  endsOn: '2027-03-12',
  link: 'https://passerelle.example/missions/7c1a',
};

/** Recognisable parameters of the missions e-mails, for the template tests (notifications/templates.test.ts). */
export const missionSamples: MissionTemplateParams = {
  mission_planned: base,
  mission_planned_host: { ...base, name: 'Farid Point Focal', expert: 'Nadia Expert' },
  mission_cancelled: { ...base, reason: 'Report demandé par l’institution' },
  mission_rescheduled: {
    ...base,
    previousStartsOn: '2027-02-15',
    previousEndsOn: '2027-02-26',
    reason: 'Visa en attente',
  },
  mission_rescheduled_host: {
    ...base,
    name: 'Farid Point Focal',
    expert: 'Nadia Expert',
    previousStartsOn: '2027-02-15',
    previousEndsOn: '2027-02-26',
    reason: 'Visa en attente',
  },
  mission_evaluation_due: { ...base, name: 'Farid Point Focal', expert: 'Nadia Expert' },
};
