import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { demoDemandContext } from '../../../../test/helpers/assignments.ts';
import { createMission, selection } from '../missions.test-helper.ts';
import { dayFromToday, expectError, insertMission, missionScene } from '../reporting/reporting.test-helper.ts';

let t: TestApp;
let cookies: Awaited<ReturnType<typeof missionScene>>;
/** A programme of this file alone, so the demo's missions do not blur the figures. */
let programmeId: string;
/** The demo focal point's institution, and one they do not hold. */
let ownInstitution: string;
let otherInstitution: string;

const results = (cookie: string, query: Record<string, string> = {}) =>
  t.request({ method: 'GET', url: `/api/missions/results?${new URLSearchParams(query)}`, cookie });

const session = (missionId: string, attended: number | null, participants = 20) =>
  t.database.query(
    `insert into mission_sessions (mission_id, starts_at, duration_minutes, topic, participants_count, attended)
     values ($1, now() - interval '1 day', 90, 'Atelier', $2, $3)`,
    [missionId, participants, attended],
  );

const internship = async (body: Record<string, unknown>) => {
  const response = await t.request({
    method: 'POST',
    url: '/api/internships',
    cookie: cookies.officer,
    payload: {
      programmeId,
      partnerInstitution: 'Nationaal Archief',
      topic: 'Archivage électronique',
      traineeEmail: null,
      ...body,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
};

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  cookies = await missionScene(t);
  ownInstitution = (await demoDemandContext(t.database.db)).institutionId;
  const [other] = await t.database.query<{ id: string }>(
    `select id from institutions where id not in
       (select institution_id from role_assignments where institution_id is not null) order by id limit 1`,
  );
  otherInstitution = other!.id;
  const programme = await t.request({
    method: 'POST',
    url: '/api/programmes',
    cookie: cookies.officer,
    payload: {
      code: 'results-test',
      name: 'Results test',
      donor: 'Donor',
      countries: ['MA'],
      startsOn: '2024-01-01',
      status: 'running',
    },
  });
  expect(programme.statusCode, programme.body).toBe(201);
  programmeId = programme.json().id;

  // Missions: two closed (one at another institution, by another expert), one in progress, one cancelled, and one
  // planned through the API.
  const inProgramme = { programmeId };
  const elsewhere = { programmeId, institutionId: otherInstitution };
  const second = await selection(t, elsewhere);
  const third = await selection(t, elsewhere);
  const planned = await selection(t, inProgramme);
  await insertMission(t, {
    ...inProgramme,
    state: 'closed',
    modality: 'on_site',
    startsOn: '2025-03-03',
    endsOn: '2025-03-14',
    workingDays: 10,
  });
  const closedElsewhere = await insertMission(t, {
    ...elsewhere,
    assignmentId: second.callId,
    expertId: second.expert.id,
    state: 'closed',
    modality: 'hybrid',
    startsOn: '2025-06-02',
    endsOn: '2025-06-06',
    workingDays: 5,
  });
  const running = await insertMission(t, { ...inProgramme, modality: 'online' });
  const cancelled = await insertMission(t, {
    ...elsewhere,
    assignmentId: third.callId,
    expertId: third.expert.id,
    state: 'cancelled',
    startsOn: '2025-04-01',
    endsOn: '2025-04-04',
    workingDays: 4,
  });
  await createMission(t, cookies.officer, planned.applicationId);
  // Sessions: held when the host recorded the attendance; a cancelled mission's are not counted.
  await session(closedElsewhere.id, 12);
  await session(closedElsewhere.id, null);
  await session(running.id, 7);
  await session(cancelled.id, 30);

  // Internships and trainings: the same person twice (by e-mail address), one stay still ahead.
  const salma = { traineeEmail: 'salma.idrissi@example.ma', country: 'NL' };
  await internship({
    ...salma,
    institutionId: ownInstitution,
    kind: 'training',
    traineeName: 'Salma Idrissi',
    startsOn: '2025-09-07',
    endsOn: '2025-09-18',
  });
  await internship({
    ...salma,
    institutionId: otherInstitution,
    kind: 'internship',
    traineeName: 'S. IDRISSI',
    country: 'BE',
    startsOn: '2025-10-01',
    endsOn: '2025-10-10',
  });
  await internship({
    institutionId: ownInstitution,
    kind: 'training',
    traineeName: 'Youssef Amrani',
    country: 'FR',
    startsOn: dayFromToday(10),
    endsOn: dayFromToday(14),
  });
});
afterAll(() => t.close());

describe('the knowledge-transfer results', () => {
  it('add up the programme’s missions and internships in the database, for staff and donors alike', async () => {
    const response = await results(cookies.me, { programmeId });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      programmeId,
      from: null,
      to: null,
      asOf: dayFromToday(0),
      scope: 'all',
      missions: {
        byState: { planned: 1, agreed: 0, ready: 0, in_progress: 1, reporting: 0, closed: 2, cancelled: 1 },
        byModality: { on_site: 1, online: 1, hybrid: 2 },
        experts: 3,
        workingDays: 15,
        hostInstitutions: 2,
        sessions: { held: 2, participants: 19 },
      },
      internships: {
        byKind: { internship: 1, training: 2 },
        completed: 2,
        trainees: 2,
        daysAbroad: 27,
        countries: ['BE', 'FR', 'NL'],
      },
      knowledgeTransferActivities: 4,
    });
    for (const cookie of [cookies.officer, cookies.admin, cookies.donor]) {
      const same = await results(cookie, { programmeId });
      expect(same.statusCode, same.body).toBe(200);
      expect(same.json()).toEqual(body);
    }
  });

  it('filter on the start day, both ends included', async () => {
    const body = (await results(cookies.officer, { programmeId, from: '2025-06-02', to: '2025-09-07' })).json();
    expect(body).toMatchObject({
      from: '2025-06-02',
      to: '2025-09-07',
      missions: {
        byState: { planned: 0, in_progress: 0, closed: 1, cancelled: 0 },
        byModality: { on_site: 0, online: 0, hybrid: 1 },
        experts: 1,
        workingDays: 5,
        hostInstitutions: 1,
        sessions: { held: 1, participants: 12 },
      },
      internships: {
        byKind: { internship: 0, training: 1 },
        completed: 1,
        trainees: 1,
        daysAbroad: 12,
        countries: ['NL'],
      },
      knowledgeTransferActivities: 2,
    });
    const empty = (await results(cookies.officer, { programmeId, from: '2031-01-01' })).json();
    expect(empty.missions).toMatchObject({ experts: 0, workingDays: 0, sessions: { held: 0, participants: 0 } });
    expect(empty.internships).toMatchObject({ completed: 0, daysAbroad: 0, countries: [] });
    expect(empty.knowledgeTransferActivities).toBe(0);
  });

  it('give a focal point their institution’s figures only, and experts nothing', async () => {
    const response = await results(cookies.focal, { programmeId });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      scope: 'institutions',
      missions: {
        byState: { planned: 1, in_progress: 1, closed: 1, cancelled: 0 },
        experts: 2,
        workingDays: 10,
        hostInstitutions: 1,
        sessions: { held: 1, participants: 7 },
      },
      internships: {
        byKind: { internship: 0, training: 2 },
        completed: 1,
        trainees: 2,
        daysAbroad: 17,
        countries: ['FR', 'NL'],
      },
      knowledgeTransferActivities: 2,
    });
    // Without a programme: every programme, still their institution's only.
    const all = (await results(cookies.focal)).json();
    expect(all.scope).toBe('institutions');
    expect(all.missions.hostInstitutions).toBe(1);
    expectError(await results(cookies.expert, { programmeId }), 403, 'forbidden');
  });

  it('refuse a bad period or an unknown programme, and a donor another programme than their grants’', async () => {
    const reversed = await results(cookies.officer, { from: '2025-06-02', to: '2025-06-01' });
    expectError(reversed, 400, 'validation_failed');
    expect(reversed.json().error.fields).toContainEqual(expect.objectContaining({ path: 'to', code: 'date_order' }));
    const unknown = await results(cookies.officer, { programmeId: '00000000-0000-4000-8000-000000000000' });
    expectError(unknown, 400, 'validation_failed');
    expect(unknown.json().error.fields).toContainEqual(
      expect.objectContaining({ path: 'programmeId', code: 'not_found' }),
    );
    expectError(await results(cookies.officer, { from: 'yesterday' }), 400, 'validation_failed');

    // A donor whose grant names CD4D Maroc reads its figures and no other programme's.
    const { programmeId: cd4d } = await demoDemandContext(t.database.db);
    await t.database.query(
      `update role_assignments set programme_id = $1
       where role = 'donor' and user_id = (select id from users where email = 'donor@passerelle.example')`,
      [cd4d],
    );
    expectError(await results(cookies.donor, { programmeId }), 403, 'forbidden');
    const own = await results(cookies.donor, { programmeId: cd4d });
    expect(own.statusCode, own.body).toBe(200);
    const everything = (await results(cookies.donor)).json();
    expect(everything.missions).toEqual(own.json().missions);
  });

  it('are in the OpenAPI document with their schema', async () => {
    const document = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = document.paths['/api/missions/results'].get;
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual([
      'from',
      'programmeId',
      'to',
    ]);
    expect(Object.keys(operation.responses['200'].content['application/json'].schema.properties)).toContain(
      'knowledgeTransferActivities',
    );
  });
});
