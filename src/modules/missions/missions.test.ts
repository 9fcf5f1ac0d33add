import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { outboxFor } from '../applications/applications.test-helper.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';
import { createMission, day, selection } from './missions.test-helper.ts';

let t: TestApp;
let officer: string;
let me: string;
let focal: string;
let demoExpert: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  me = await signInDemo(t, 'me');
  focal = await signInDemo(t, 'focal.point');
  demoExpert = await signInDemo(t, 'expert');
});
afterAll(() => t.close());

const get = (cookie: string, url: string) => t.request({ method: 'GET', url, cookie });
const send = (method: 'POST' | 'PUT', cookie: string, url: string, payload: Record<string, unknown>) =>
  t.request({ method, url, cookie, payload });
const missionCount = async () =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from missions'))[0]!.n;

describe('making a mission from a selection', () => {
  it('plans it with the standard checklist, and tells the expert and the host what to do next', async () => {
    const { expert, applicationId } = await selection(t);
    const mission = await createMission(t, officer, applicationId);
    expect(mission).toMatchObject({ state: 'planned', version: 1, modality: 'hybrid', workingDays: 8 });
    expect(mission.reference).toMatch(/^TEST-.*-M1$/);

    const checklist = (await get(officer, `/api/missions/${mission.id}/checklist`)).json();
    expect(checklist.items.map((item: { key: string }) => item.key)).toEqual([
      'invitation',
      'visa',
      'travel',
      'insurance',
      'briefing',
    ]);
    expect(checklist.items.find((item: { key: string }) => item.key === 'briefing')).toMatchObject({
      mandatory: true,
      owner: 'programme',
      dueOn: day(67),
    });
    expect(checklist.complete).toBe(false);

    const toExpert = await outboxFor(t, expert.email);
    expect(toExpert.map((mail) => mail.template)).toContain('mission_planned');
    const toHost = await outboxFor(t, 'focal.point@passerelle.example');
    expect(toHost.map((mail) => mail.template)).toContain('mission_planned_host');
    const audit = await t.database.query<{ action: string }>(
      "select action from audit_events where entity_id = $1 and action = 'mission.created'",
      [mission.id],
    );
    expect(audit).toHaveLength(1);

    // The expert reads their own mission; the host's focal point reads it; another expert does not find it.
    expect((await get(expert.cookie, `/api/missions/${mission.id}`)).statusCode).toBe(200);
    expect((await get(focal, `/api/missions/${mission.id}`)).json().moves).toEqual([]);
    expect((await get(demoExpert, `/api/missions/${mission.id}`)).statusCode).toBe(404);
    const own = (await get(expert.cookie, '/api/missions')).json();
    expect(own.items.map((item: { id: string }) => item.id)).toEqual([mission.id]);
    expect((await get(me, `/api/missions/${mission.id}`)).json().moves).toEqual([]);
    expect((await get(officer, `/api/missions/${mission.id}`)).json().moves).toEqual(['cancelled']);
  });

  it('an online mission has only the briefing to prepare', async () => {
    const { applicationId } = await selection(t, { modality: 'online' });
    const mission = await createMission(t, officer, applicationId);
    const checklist = (await get(officer, `/api/missions/${mission.id}/checklist`)).json();
    expect(checklist.items.map((item: { key: string }) => item.key)).toEqual(['briefing']);
  });

  it('refuses bad dates, a second mission for the selection, overlaps and unselected applications; writes nothing', async () => {
    const { applicationId, callId } = await selection(t);
    const before = await missionCount();
    const base = { applicationId, startsOn: day(70), endsOn: day(79), workingDays: 8, hostContactName: 'S. Alaoui' };
    const cases: [Record<string, unknown>, string, { path: string; code: string }[] | undefined][] = [
      [{ startsOn: day(50) }, 'validation_failed', [{ path: 'startsOn', code: 'outside_window' }]],
      [{ endsOn: day(130) }, 'validation_failed', [{ path: 'endsOn', code: 'outside_window' }]],
      [{ startsOn: day(80), endsOn: day(75) }, 'validation_failed', [{ path: 'endsOn', code: 'date_order' }]],
      [{ workingDays: 11 }, 'validation_failed', [{ path: 'workingDays', code: 'out_of_range' }]],
    ];
    for (const [change, code, fields] of cases) {
      const response = await send('POST', officer, '/api/missions', { ...base, ...change });
      expect(response.json().error.code, JSON.stringify(change)).toBe(code);
      expect(response.json().error.fields).toMatchObject(fields!);
    }
    expect(await missionCount()).toBe(before);

    const first = await createMission(t, officer, applicationId);
    const again = await send('POST', officer, '/api/missions', base);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('mission_exists');

    // The same expert selected for another call: dates overlapping the first mission are refused.
    const expertId = (await get(officer, `/api/missions/${first.id}`)).json().expert.id;
    const other = await selection(t);
    await t.database.query('update applications set expert_id = $1 where id = $2', [expertId, other.applicationId]);
    const overlap = await send('POST', officer, '/api/missions', {
      ...base,
      applicationId: other.applicationId,
      startsOn: day(75),
      endsOn: day(84),
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({ code: 'mission_overlap', details: { reference: first.reference } });

    const notSelected = await selection(t);
    await t.database.query("update applications set status = 'shortlisted' where id = $1", [notSelected.applicationId]);
    const refused = await send('POST', officer, '/api/missions', { ...base, applicationId: notSelected.applicationId });
    expect(refused.json().error.code).toBe('application_not_selected');
    expect(await missionCount()).toBe(before + 1);
    expect(callId).toBeTruthy();

    const byExpert = await send('POST', demoExpert, '/api/missions', base);
    expect(byExpert.statusCode).toBe(403);
  });
});

describe('a mission’s life', () => {
  it('moves only along its path, becomes ready with its checklist, and is cancelled with a reason', async () => {
    const { expert, applicationId } = await selection(t);
    const mission = await createMission(t, officer, applicationId);
    const move = (to: string, version: number, reason?: string) =>
      send('POST', officer, `/api/missions/${mission.id}/transitions`, { to, version, reason });

    expect((await move('in_progress', 1)).json().error).toMatchObject({
      code: 'illegal_transition',
      details: { from: 'planned', to: 'in_progress' },
    });
    expect((await move('agreed', 1)).json().error.code).toBe('agreement_not_accepted');
    expect((await move('cancelled', 9, 'x')).json().error.code).toBe('version_conflict');

    // The expert's acceptance (its own endpoint) makes the mission agreed; here it is written directly.
    await t.database.query(
      "update missions set state = 'agreed', agreement_accepted_at = now(), version = 2 where id = $1",
      [mission.id],
    );
    expect((await move('ready', 2)).json().error.code).toBe('checklist_incomplete');

    const items = (await get(officer, `/api/missions/${mission.id}/checklist`)).json().items as {
      id: string;
      key: string;
    }[];
    const item = (key: string) => items.find((entry) => entry.key === key)!.id;
    const tick = (cookie: string, changes: Record<string, unknown>[]) =>
      send('PUT', cookie, `/api/missions/${mission.id}/checklist`, { items: changes });

    // Each owner ticks their own items; the expert cannot tick the programme's; the briefing is never "not applicable".
    const visa = await tick(expert.cookie, [{ id: item('visa'), notApplicable: true, note: 'Passeport néerlandais' }]);
    expect(visa.statusCode, visa.body).toBe(200);
    expect((await tick(expert.cookie, [{ id: item('travel'), done: true }])).statusCode).toBe(403);
    expect((await tick(expert.cookie, [{ id: item('visa'), dueOn: day(1) }])).statusCode).toBe(403);
    expect((await tick(officer, [{ id: item('briefing'), notApplicable: true }])).json().error.code).toBe(
      'checklist_item_mandatory',
    );
    const host = await tick(focal, [{ id: item('invitation'), done: true }]);
    expect(host.json().items.find((entry: { key: string }) => entry.key === 'invitation')).toMatchObject({
      doneBy: { name: expect.any(String) },
    });
    const done = await tick(officer, [
      { id: item('travel'), done: true },
      { id: item('insurance'), done: true },
      { id: item('briefing'), done: true },
    ]);
    expect(done.json()).toMatchObject({ complete: true, state: 'ready' });
    // Re-opening an item makes it agreed again; ticking it again makes it ready.
    expect((await tick(officer, [{ id: item('travel'), done: false }])).json().state).toBe('agreed');
    const ready = await tick(officer, [{ id: item('travel'), done: true }]);
    expect(ready.json().state).toBe('ready');

    const version = (await get(officer, `/api/missions/${mission.id}`)).json().version;
    expect((await move('in_progress', version)).json().state).toBe('in_progress');
    expect((await move('reporting', version + 1)).json().state).toBe('reporting');
    expect((await move('closed', version + 2)).json().error.code).toBe('report_not_accepted');
    expect((await move('cancelled', version + 2)).json().error.code).toBe('reason_required');
    const cancelled = await move('cancelled', version + 2, 'L’institution a reporté le projet');
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', cancelReason: 'L’institution a reporté le projet' });
    expect(cancelled.json().history.map((event: { to: string }) => event.to)).toEqual([
      'planned',
      'ready',
      'agreed',
      'ready',
      'in_progress',
      'reporting',
      'cancelled',
    ]);
    expect((await outboxFor(t, expert.email)).map((mail) => mail.template)).toContain('mission_cancelled');
    expect((await tick(officer, [{ id: item('travel'), done: false }])).json().error.code).toBe('mission_settled');
    const notices = await t.database.query<{ kind: string }>(
      'select kind from in_app_notifications where user_id = $1 order by created_at',
      [expert.id],
    );
    expect(notices.map((notice) => notice.kind)).toContain('mission.cancelled');
  });
});

describe('missions feed the matching engine', () => {
  it('an expert on a mission is kept off other calls whose window overlaps the mission’s own dates', async () => {
    const { expert, applicationId } = await selection(t);
    await createMission(t, officer, applicationId, { startsOn: day(70), endsOn: day(79) });
    const { callId } = await selection(t);
    const response = await get(officer, `/api/assignments/${callId}/candidates?limit=200`);
    expect(response.statusCode, response.body).toBe(200);
    // The mission's dates (not the wider window of the call it came from) are what the expert is busy with.
    const entry = response
      .json()
      .excluded.find((excluded: { expert: { id: string } }) => excluded.expert.id === expert.id);
    expect(entry.reasons).toContainEqual({ code: 'conflict.busy', startsOn: day(70), endsOn: day(79) });
  });
});
