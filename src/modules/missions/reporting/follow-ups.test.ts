import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { outboxFor } from '../../applications/applications.test-helper.ts';
import { auditActions, dayFromToday, expectError, insertMission, missionScene } from './reporting.test-helper.ts';

let t: TestApp;
let cookies: Awaited<ReturnType<typeof missionScene>>;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  cookies = await missionScene(t);
});
afterAll(() => t.close());

const followUp = (cookie: string, missionId: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/missions/${missionId}/follow-ups`, cookie, payload });
const dates = (from: number, to: number, workingDays = to - from + 1) => ({
  startsOn: dayFromToday(from),
  endsOn: dayFromToday(to),
  workingDays,
});
const followUpsOf = (missionId: string) =>
  t.database.query<Record<string, unknown>>('select * from missions where follow_up_of = $1 order by reference', [
    missionId,
  ]);

describe('follow-ups of a closed mission', () => {
  it('plans a virtual session (online) and a repeat mission, numbered, linked, with their checklists', async () => {
    const closed = await insertMission(t, {
      state: 'closed',
      startsOn: dayFromToday(-60),
      endsOn: dayFromToday(-50),
      closedAt: new Date(Date.now() - 30 * 86_400_000),
    });
    const virtual = await followUp(cookies.officer, closed.id, {
      kind: 'virtual_session',
      ...dates(700, 700),
      reason: 'L’institution souhaite un point d’étape.',
    });
    expect(virtual.statusCode, virtual.body).toBe(201);
    expect(virtual.json()).toMatchObject({
      reference: `${closed.reference}-F1`,
      state: 'planned',
      modality: 'online',
      followUpOf: closed.id,
      followUpKind: 'virtual_session',
      workingDays: 1,
    });
    const repeat = await followUp(cookies.admin, closed.id, { kind: 'repeat_mission', ...dates(720, 731, 10) });
    expect(repeat.statusCode, repeat.body).toBe(201);
    expect(repeat.json()).toMatchObject({ reference: `${closed.reference}-F2`, modality: 'hybrid' });
    const rows = await followUpsOf(closed.id);
    expect(rows.map((row) => [row.expert_id, row.assignment_id, row.institution_id, row.programme_id])).toEqual([
      [closed.expertId, closed.assignmentId, closed.institutionId, closed.programmeId],
      [closed.expertId, closed.assignmentId, closed.institutionId, closed.programmeId],
    ]);
    expect(rows.every((row) => row.application_id === null)).toBe(true);
    const checklist = await t.database.query<{ key: string }>(
      'select key from mission_checklist_items where mission_id = $1 order by position',
      [virtual.json().id],
    );
    expect(checklist.map((item) => item.key)).toEqual(['briefing']);
    const travel = await t.database.query('select key from mission_checklist_items where mission_id = $1', [
      repeat.json().id,
    ]);
    expect(travel).toHaveLength(5);
    const events = await t.database.query<{ reason: string | null; to_state: string }>(
      'select reason, to_state from mission_events where mission_id = $1',
      [virtual.json().id],
    );
    expect(events).toEqual([{ reason: 'L’institution souhaite un point d’étape.', to_state: 'planned' }]);
    expect(await auditActions(t, virtual.json().id)).toEqual(['mission.follow_up_requested']);
    const mail = await outboxFor(t, 'expert@passerelle.example');
    expect(mail.some((m) => m.template === 'mission_planned' && m.subject.includes(`${closed.reference}-F1`))).toBe(
      true,
    );
  });

  it('refuses a follow-up of a mission not closed, overlapping dates, bad dates or other callers, creating nothing', async () => {
    for (const state of ['planned', 'in_progress', 'reporting', 'cancelled'] as const) {
      const open = await insertMission(t, { state });
      expectError(
        await followUp(cookies.officer, open.id, { kind: 'virtual_session', ...dates(800, 800) }),
        409,
        'mission_not_closed',
      );
      expect(await followUpsOf(open.id)).toEqual([]);
    }
    const closed = await insertMission(t, { state: 'closed', startsOn: dayFromToday(-90), endsOn: dayFromToday(-80) });
    const busy = await insertMission(t, { state: 'planned', startsOn: dayFromToday(900), endsOn: dayFromToday(910) });
    const overlap = await followUp(cookies.officer, closed.id, { kind: 'repeat_mission', ...dates(905, 912, 5) });
    expectError(overlap, 409, 'mission_overlap');
    expect(overlap.json().error.details.reference).toBe(busy.reference);
    const bad: [Record<string, unknown>, string][] = [
      [{ kind: 'repeat_mission', ...dates(-3, 2) }, 'in_the_past'],
      [
        { kind: 'repeat_mission', startsOn: dayFromToday(950), endsOn: dayFromToday(940), workingDays: 2 },
        'date_order',
      ],
      [{ kind: 'repeat_mission', ...dates(950, 952, 4) }, 'out_of_range'],
    ];
    for (const [payload, code] of bad) {
      const refused = await followUp(cookies.officer, closed.id, payload);
      expectError(refused, 400, 'validation_failed');
      expect(refused.json().error.fields.map((field: { code: string }) => field.code)).toContain(code);
    }
    expectError(
      await followUp(cookies.officer, closed.id, { kind: 'coffee', ...dates(960, 960) }),
      400,
      'validation_failed',
    );
    for (const cookie of [cookies.me, cookies.focal, cookies.expert]) {
      expectError(await followUp(cookie, closed.id, { kind: 'virtual_session', ...dates(960, 960) }), 403, 'forbidden');
    }
    expectError(
      await followUp(cookies.donor, closed.id, { kind: 'virtual_session', ...dates(960, 960) }),
      404,
      'not_found',
    );
    expect(await followUpsOf(closed.id)).toEqual([]);
    expect(await auditActions(t, closed.id)).toEqual([]);
  });
});
