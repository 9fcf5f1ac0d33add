import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { outboxFor } from '../../applications/applications.test-helper.ts';
import { auditActions, expectError, insertMission, missionScene, rowsOf } from './reporting.test-helper.ts';

let t: TestApp;
let cookies: Awaited<ReturnType<typeof missionScene>>;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  cookies = await missionScene(t);
});
afterAll(() => t.close());

const report = (overrides: Record<string, unknown> = {}) => ({
  activities: 'Trois ateliers avec les équipes pédagogiques.',
  deliverables: [{ title: 'Rapport de recommandations' }],
  results: 'Trois cursus révisés.',
  recommendations: 'Poursuivre avec un accompagnement en ligne.',
  submit: false,
  ...overrides,
});
const write = (cookie: string, missionId: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/missions/${missionId}/report`, cookie, payload });
const review = (cookie: string, missionId: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/missions/${missionId}/report/review`, cookie, payload });
const read = (cookie: string, missionId: string) =>
  t.request({ method: 'GET', url: `/api/missions/${missionId}/report`, cookie });
const stateOf = async (missionId: string) =>
  (await t.database.query<{ state: string }>('select state from missions where id = $1', [missionId]))[0]!.state;

describe('the expert’s report', () => {
  it('saves a draft the expert alone sees, then submits it: the mission moves to reporting and officers are told', async () => {
    const mission = await insertMission(t);
    const draft = await write(cookies.expert, mission.id, report());
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ report: { status: 'draft', submittedAt: null }, missionState: 'in_progress' });
    expect((await read(cookies.expert, mission.id)).json().report.status).toBe('draft');
    expect((await read(cookies.officer, mission.id)).json().report).toBeNull();
    expect((await read(cookies.focal, mission.id)).json().report).toBeNull();
    expect(await stateOf(mission.id)).toBe('in_progress');

    const submitted = await write(
      cookies.expert,
      mission.id,
      report({ submit: true, difficulties: 'Connexion lente.' }),
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({
      report: { status: 'submitted', difficulties: 'Connexion lente.', submittedAt: expect.any(String) },
      missionState: 'reporting',
    });
    expect(await stateOf(mission.id)).toBe('reporting');
    expect((await read(cookies.officer, mission.id)).json().report.status).toBe('submitted');
    expect((await read(cookies.focal, mission.id)).json().report.status).toBe('submitted');
    const mail = await outboxFor(t, 'officer@passerelle.example');
    expect(mail.filter((m) => m.template === 'mission_report_submitted')).toHaveLength(1);
    expect(mail.find((m) => m.template === 'mission_report_submitted')!.text_body).toContain(mission.reference);
    const notices = await t.database.query(
      "select n.kind from in_app_notifications n join users u on u.id = n.user_id where u.email = 'officer@passerelle.example' and n.kind = 'mission.report_submitted'",
    );
    expect(notices.length).toBeGreaterThan(0);
    expect(await auditActions(t, mission.id)).toEqual([
      'mission.report_saved',
      'mission.report_submitted',
      'mission.transitioned',
    ]);
  });

  it('is returned with a comment, edited and submitted again, then accepted; the expert is e-mailed each time', async () => {
    const mission = await insertMission(t, { state: 'reporting' });
    await write(cookies.expert, mission.id, report({ submit: true }));
    expectError(await write(cookies.expert, mission.id, report()), 409, 'report_locked');
    const noComment = await review(cookies.officer, mission.id, { decision: 'return' });
    expectError(noComment, 422, 'reason_required');
    expect(noComment.json().error.fields[0].path).toBe('comment');
    const returned = await review(cookies.officer, mission.id, {
      decision: 'return',
      comment: 'Ajoutez les résultats chiffrés.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().report).toMatchObject({
      status: 'returned',
      reviewComment: 'Ajoutez les résultats chiffrés.',
    });
    expectError(await review(cookies.officer, mission.id, { decision: 'accept' }), 409, 'report_not_submitted');
    const edited = await write(
      cookies.expert,
      mission.id,
      report({ results: 'Trois cursus révisés, 40 enseignants formés.' }),
    );
    expect(edited.json().report.status).toBe('returned');
    expect((await write(cookies.expert, mission.id, report({ submit: true }))).json().report.status).toBe('submitted');
    const accepted = await review(cookies.admin, mission.id, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().report.status).toBe('accepted');
    expectError(await write(cookies.expert, mission.id, report({ submit: true })), 409, 'report_locked');
    const mail = (await outboxFor(t, 'expert@passerelle.example')).map((m) => m.template);
    expect(mail.filter((m) => m === 'mission_report_returned')).toHaveLength(1);
    expect(mail.filter((m) => m === 'mission_report_accepted')).toHaveLength(1);
    expect(await stateOf(mission.id)).toBe('reporting');
  });

  it('refuses a report on a mission not yet in progress, settled, or by anyone but its expert, writing nothing', async () => {
    for (const state of ['planned', 'agreed', 'ready'] as const) {
      const mission = await insertMission(t, { state });
      expectError(await write(cookies.expert, mission.id, report({ submit: true })), 409, 'mission_not_started');
      expect(await rowsOf(t, 'mission_reports', mission.id)).toEqual([]);
      expect(await auditActions(t, mission.id)).toEqual([]);
      expect(await stateOf(mission.id)).toBe(state);
    }
    const closed = await insertMission(t, { state: 'closed' });
    expectError(await write(cookies.expert, closed.id, report()), 409, 'mission_settled');
    const mission = await insertMission(t);
    expectError(await write(cookies.officer, mission.id, report()), 403, 'forbidden');
    expectError(await write(cookies.focal, mission.id, report()), 403, 'forbidden');
    expectError(await write(cookies.donor, mission.id, report()), 404, 'not_found');
    expectError(await write(cookies.expert, mission.id, report({ activities: '' })), 400, 'validation_failed');
    expectError(await write(cookies.expert, mission.id, report({ surprise: true })), 400, 'validation_failed');
    expectError(await review(cookies.officer, mission.id, { decision: 'accept' }), 409, 'report_not_submitted');
    expectError(await review(cookies.me, mission.id, { decision: 'accept' }), 403, 'forbidden');
    expectError(await review(cookies.expert, mission.id, { decision: 'accept' }), 403, 'forbidden');
    for (const id of [closed.id, mission.id]) expect(await rowsOf(t, 'mission_reports', id)).toEqual([]);
    expect(await stateOf(mission.id)).toBe('in_progress');
  });
});
