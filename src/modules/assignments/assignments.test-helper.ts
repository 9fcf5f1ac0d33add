import type { TestApp } from '../../../test/helpers/app.ts';

/** An ISO date `days` from now. */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The ids the ToR tests need from the demo data. */
export async function demoIds(t: TestApp) {
  const [programme] = await t.database.query<{ id: string }>("select id from programmes where code = 'cd4d-ma'");
  const [own] = await t.database.query<{ institution_id: string }>(
    "select r.institution_id from role_assignments r join users u on u.id = r.user_id where u.email = 'focal.point@passerelle.example'",
  );
  const [other] = await t.database.query<{ id: string }>(
    "select id from institutions where name_fr = 'Ministère de la Santé'",
  );
  return { programmeId: programme!.id, institutionId: own!.institution_id, otherInstitutionId: other!.id };
}

/** A complete, valid ToR body (ready to submit). */
export function validBody(programmeId: string, overrides: Record<string, unknown> = {}) {
  return {
    programmeId,
    titleFr: 'Appui à la digitalisation des services aux étudiants',
    titleEn: 'Support to the digitalisation of student services',
    descriptionFr: 'Accompagner la direction des systèmes d’information dans la refonte du portail étudiant.',
    needStatement: 'Les inscriptions se font encore sur papier dans plusieurs universités.',
    objectives: ['Cartographier les processus', 'Proposer une feuille de route'],
    deliverables: ['Rapport de diagnostic', 'Feuille de route chiffrée'],
    skills: [{ label: 'Gestion de projet' }, { label: 'Une compétence inventée pour le test' }],
    sectors: ['11420'],
    occupation: '2511',
    languages: [{ language: 'fr', minLevel: 'C1' }],
    modality: 'hybrid',
    region: '04',
    city: 'Rabat',
    windowStartsOn: inDays(60),
    windowEndsOn: inDays(90),
    workingDays: 15,
    expertsNeeded: 1,
    applicationDeadline: inDays(30),
    sdgTargets: ['4.4', '16.a'],
    scoringCriteria: [{ id: 'experience', label: 'Expérience pertinente', weight: 60 }],
    ...overrides,
  };
}

/** Creates a ToR through the API and returns the response body. */
export async function createTor(t: TestApp, cookie: string, body: Record<string, unknown>) {
  const response = await t.request({ method: 'POST', url: '/api/assignments', cookie, payload: body });
  if (response.statusCode !== 201) throw new Error(`create: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; reference: string; version: number; state: string };
}

/** Asks for a move. */
export function move(t: TestApp, cookie: string, id: string, to: string, comment?: string) {
  return t.request({
    method: 'POST',
    url: `/api/assignments/${id}/transitions`,
    cookie,
    payload: comment === undefined ? { to } : { to, comment },
  });
}

/** The ToR's row as stored (state, version, updated_at), to prove that a refusal changed nothing. */
export async function stored(t: TestApp, id: string) {
  const [row] = await t.database.query<Record<string, unknown>>('select * from assignments where id = $1', [id]);
  return row!;
}
