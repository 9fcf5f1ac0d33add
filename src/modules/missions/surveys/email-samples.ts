import type { SurveyTemplateParams } from './emails.ts';

const base = {
  name: 'Salma Idrissi',
  reference: 'CD4D-2026-001-M1',
  title: 'Appui à la réforme des cursus',
  host: 'Université Hassan II',
  expert: 'Nadia Bennani',
  link: 'https://passerelle.example/survey/tok-survey',
};

/** Recognisable parameters of the survey e-mails, for the template tests (notifications/templates.test.ts). */
export const surveySamples: SurveyTemplateParams = {
  mission_survey_before: base,
  mission_survey_after: base,
  mission_survey_one_year: base,
  mission_survey_reminder: { ...base, sentOn: '2027-03-14' },
};
