import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { auditActions, expectError, insertMission, missionScene, rowsOf } from './reporting.test-helper.ts';

let t: TestApp;
let cookies: Awaited<ReturnType<typeof missionScene>>;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  cookies = await missionScene(t);
});
afterAll(() => t.close());

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const session = (overrides: Record<string, unknown> = {}) => ({
  startsAt: hoursFromNow(-48),
  durationMinutes: 90,
  topic: 'Atelier sur la refonte des cursus',
  participantsCount: 12,
  ...overrides,
});
const plan = (cookie: string, missionId: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/missions/${missionId}/sessions`, cookie, payload });
const attend = (cookie: string, missionId: string, sessionId: string, attended: number) =>
  t.request({
    method: 'PUT',
    url: `/api/missions/${missionId}/sessions/${sessionId}/attendance`,
    cookie,
    payload: { attended },
  });

describe('mission sessions', () => {
  it('lets staff, the expert and the host plan sessions of a hybrid mission, listed earliest first, audited', async () => {
    const mission = await insertMission(t);
    const byFocal = await plan(cookies.focal, mission.id, session({ startsAt: hoursFromNow(24) }));
    expect(byFocal.statusCode, byFocal.body).toBe(201);
    expect(byFocal.json()).toMatchObject({ durationMinutes: 90, participantsCount: 12, attended: null });
    expect((await plan(cookies.expert, mission.id, session())).statusCode).toBe(201);
    expect((await plan(cookies.officer, mission.id, session({ startsAt: hoursFromNow(48) }))).statusCode).toBe(201);
    const list = await t.request({ method: 'GET', url: `/api/missions/${mission.id}/sessions`, cookie: cookies.me });
    expect(list.statusCode).toBe(200);
    const starts = list.json().items.map((item: { startsAt: string }) => item.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(starts).toHaveLength(3);
    expect(await auditActions(t, mission.id)).toEqual([
      'mission.session_planned',
      'mission.session_planned',
      'mission.session_planned',
    ]);
  });

  it('refuses each bad session with its code and stores nothing', async () => {
    const onSite = await insertMission(t, { modality: 'on_site' });
    expectError(await plan(cookies.officer, onSite.id, session()), 409, 'sessions_not_applicable');
    const closed = await insertMission(t, { modality: 'online', state: 'closed' });
    expectError(await plan(cookies.officer, closed.id, session()), 409, 'mission_settled');
    const cancelled = await insertMission(t, { modality: 'online', state: 'cancelled' });
    expectError(await plan(cookies.officer, cancelled.id, session()), 409, 'mission_settled');
    const online = await insertMission(t, { modality: 'online' });
    const outside = await plan(cookies.officer, online.id, session({ startsAt: hoursFromNow(24 * 30) }));
    expectError(outside, 400, 'validation_failed');
    expect(outside.json().error.fields).toEqual([expect.objectContaining({ path: 'startsAt', code: 'out_of_range' })]);
    expectError(await plan(cookies.officer, online.id, session({ durationMinutes: 10 })), 400, 'validation_failed');
    expectError(await plan(cookies.officer, online.id, session({ durationMinutes: 601 })), 400, 'validation_failed');
    expectError(await plan(cookies.officer, online.id, session({ participantsCount: 0 })), 400, 'validation_failed');
    expectError(await plan(cookies.officer, online.id, session({ topic: ' ' })), 400, 'validation_failed');
    expectError(await plan(cookies.me, online.id, session()), 403, 'forbidden');
    expectError(await plan(cookies.donor, online.id, session()), 404, 'not_found');
    for (const mission of [onSite, closed, cancelled, online]) {
      expect(await rowsOf(t, 'mission_sessions', mission.id)).toEqual([]);
      expect(await auditActions(t, mission.id)).toEqual([]);
    }
  });

  it('records attendance once the session started, by the host or staff; a later record corrects it', async () => {
    const mission = await insertMission(t, { modality: 'online' });
    const past = (await plan(cookies.expert, mission.id, session())).json();
    const future = (await plan(cookies.expert, mission.id, session({ startsAt: hoursFromNow(24) }))).json();
    expectError(await attend(cookies.focal, mission.id, future.id, 10), 409, 'session_not_started');
    expectError(await attend(cookies.expert, mission.id, past.id, 10), 403, 'forbidden');
    expectError(await attend(cookies.me, mission.id, past.id, 10), 403, 'forbidden');
    expectError(await attend(cookies.focal, mission.id, mission.id, 10), 404, 'not_found');
    expectError(await attend(cookies.focal, mission.id, past.id, -1), 400, 'validation_failed');
    const other = await insertMission(t, { modality: 'online' });
    expectError(await attend(cookies.focal, other.id, past.id, 10), 404, 'not_found');
    const recorded = await attend(cookies.focal, mission.id, past.id, 11);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ attended: 11, attendanceRecordedAt: expect.any(String) });
    expect((await attend(cookies.officer, mission.id, past.id, 9)).json().attended).toBe(9);
    const rows = await rowsOf(t, 'mission_sessions', mission.id);
    expect(rows.map((row) => row.attended).sort()).toEqual([9, null]);
    expect((await auditActions(t, mission.id)).filter((a) => a === 'mission.attendance_recorded')).toHaveLength(2);
  });

  it('does not record attendance on a closed mission', async () => {
    const mission = await insertMission(t, { modality: 'online' });
    const past = (await plan(cookies.expert, mission.id, session())).json();
    await t.database.query("update missions set state = 'closed' where id = $1", [mission.id]);
    expectError(await attend(cookies.focal, mission.id, past.id, 10), 409, 'mission_settled');
    expect((await rowsOf(t, 'mission_sessions', mission.id))[0]!.attended).toBeNull();
  });
});
