import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { outboxFor } from '../applications/applications.test-helper.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';
import { auditOf, countRows, ensureDemoRates } from './costs/costs.test-helper.ts';
import { createMission, day, selection } from './missions.test-helper.ts';

let t: TestApp;
let officer: string;
let focal: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  focal = await signInDemo(t, 'focal.point');
  await ensureDemoRates(t);
});
afterAll(() => t.close());

const reschedule = (cookie: string, id: string, body: Record<string, unknown>) =>
  t.request({ method: 'PUT', url: `/api/missions/${id}/schedule`, cookie, payload: body });
const missionRow = async (id: string) =>
  (
    await t.database.query<{ state: string; starts_on: string; ends_on: string; version: number; agreed: boolean }>(
      `select state, starts_on::text, ends_on::text, version, agreement_accepted_at is not null as agreed
       from missions where id = $1`,
      [id],
    )
  )[0]!;

/** A mission 70–79 days ahead with a computed planned allowance, its agreement accepted by the expert. */
async function agreedMission() {
  const picked = await selection(t);
  const mission = await createMission(t, officer, picked.applicationId, { modality: 'on_site', city: 'Rabat' });
  const dsa = await t.request({
    method: 'POST',
    url: `/api/missions/${mission.id}/costs`,
    cookie: officer,
    payload: { category: 'dsa', kind: 'planned' },
  });
  expect(dsa.statusCode, dsa.body).toBe(201);
  const agreement = (
    await t.request({ method: 'GET', url: `/api/missions/${mission.id}/agreement`, cookie: picked.expert.cookie })
  ).json();
  const accepted = await t.request({
    method: 'POST',
    url: `/api/missions/${mission.id}/agreement/accept`,
    cookie: picked.expert.cookie,
    payload: { version: agreement.version, sha256: agreement.sha256 },
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return { mission, expert: picked.expert, dsaLine: dsa.json() as { id: string; nights: number; amount: string } };
}

describe('PUT /api/missions/{id}/schedule', () => {
  it('moves the dates, the planned allowance and open checklist items; the agreement is accepted again', async () => {
    const { mission, expert, dsaLine } = await agreedMission();
    const before = await missionRow(mission.id);
    expect(before).toMatchObject({ state: 'agreed', agreed: true });
    expect(dsaLine.nights).toBe(10);
    const dueBefore = await t.database.query<{ key: string; due_on: string }>(
      'select key, due_on::text from mission_checklist_items where mission_id = $1 order by key',
      [mission.id],
    );

    const response = await reschedule(officer, mission.id, {
      startsOn: day(75),
      endsOn: day(86),
      workingDays: 10,
      reason: 'Le visa arrive plus tard que prévu.',
      version: before.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ state: 'planned', startsOn: day(75), endsOn: day(86) });
    expect(await missionRow(mission.id)).toMatchObject({
      state: 'planned',
      starts_on: day(75),
      ends_on: day(86),
      version: before.version + 1,
      agreed: false,
    });

    // The allowance follows the dates: 12 nights now, audited with its cause.
    const [line] = await t.database.query<{ nights: number; amount: string }>(
      'select nights, amount::text from mission_costs where id = $1',
      [dsaLine.id],
    );
    expect(line!.nights).toBe(12);
    expect(Number(line!.amount)).toBeCloseTo((Number(dsaLine.amount) / 10) * 12, 2);
    const costAudit = await auditOf(t, 'mission.cost_changed', mission.id);
    expect(costAudit.at(-1)!.changes).toMatchObject({ cause: 'rescheduled', nights: { before: 10, after: 12 } });
    expect((await auditOf(t, 'mission.rescheduled', mission.id))[0]!.changes).toMatchObject({
      startsOn: { before: day(70), after: day(75) },
      agreementVoided: true,
      costsRepriced: 1,
    });

    // Open checklist items moved five days with the start.
    const dueAfter = await t.database.query<{ key: string; due_on: string }>(
      'select key, due_on::text from mission_checklist_items where mission_id = $1 order by key',
      [mission.id],
    );
    dueAfter.forEach((item, index) => {
      const shifted = new Date(`${dueBefore[index]!.due_on}T00:00:00Z`).getTime() + 5 * 86_400_000;
      expect(item.due_on).toBe(new Date(shifted).toISOString().slice(0, 10));
    });

    // The history says why; the expert and the host are told; the expert can accept the new agreement.
    const [event] = await t.database.query<{ from_state: string; to_state: string; reason: string }>(
      'select from_state, to_state, reason from mission_events where mission_id = $1 order by at desc limit 1',
      [mission.id],
    );
    expect(event).toEqual({ from_state: 'agreed', to_state: 'planned', reason: 'Le visa arrive plus tard que prévu.' });
    const mail = (await outboxFor(t, expert.email)).filter((m) => m.template === 'mission_rescheduled');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text_body).toContain(day(75));
    expect(mail[0]!.text_body).toContain('Le visa arrive plus tard que prévu.');
    expect(
      (await outboxFor(t, 'focal.point@passerelle.example')).some((m) => m.template === 'mission_rescheduled_host'),
    ).toBe(true);
    const agreement = await t.request({
      method: 'GET',
      url: `/api/missions/${mission.id}/agreement`,
      cookie: expert.cookie,
    });
    expect(agreement.json()).toMatchObject({ canAccept: true });
  });

  it('refuses stale versions, bad dates, overlaps, started missions, missing rates and other people, changing nothing', async () => {
    const { mission } = await agreedMission();
    const { version } = await missionRow(mission.id);
    const body = { startsOn: day(72), endsOn: day(80), workingDays: 6, reason: 'Calendrier de l’hôte', version };
    const expectRefused = async (response: Awaited<ReturnType<typeof reschedule>>, status: number, code: string) => {
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().error.code).toBe(code);
    };
    await expectRefused(
      await reschedule(officer, mission.id, { ...body, version: version - 1 }),
      409,
      'version_conflict',
    );
    const outside = await reschedule(officer, mission.id, { ...body, endsOn: day(130) });
    await expectRefused(outside, 400, 'validation_failed');
    expect(outside.json().error.fields).toEqual([expect.objectContaining({ path: 'endsOn', code: 'outside_window' })]);
    await expectRefused(await reschedule(officer, mission.id, { ...body, reason: ' ' }), 400, 'validation_failed');
    await expectRefused(await reschedule(focal, mission.id, body), 403, 'forbidden');

    // Another mission of the same expert on the new dates.
    const [other] = await t.database.query<{ id: string }>(
      `insert into missions (reference, programme_id, assignment_id, expert_id, institution_id, modality, state,
         starts_on, ends_on, working_days, host_contact_name)
       select reference || '-X', programme_id, assignment_id, expert_id, institution_id, modality, 'planned',
         $2::date, $3::date, 3, host_contact_name from missions where id = $1 returning id`,
      [mission.id, day(95), day(99)],
    );
    const overlap = await reschedule(officer, mission.id, { ...body, startsOn: day(90), endsOn: day(96) });
    await expectRefused(overlap, 409, 'mission_overlap');

    // No allowance rate for the new dates: a clear error, never a zero.
    await t.database.query(
      "update dsa_rates set valid_to = $1::date where country = 'MA' and (valid_to is null or valid_to >= $1::date)",
      [day(71)],
    );
    await expectRefused(await reschedule(officer, mission.id, body), 422, 'dsa_rate_missing');
    await t.database.query("update dsa_rates set valid_to = null where country = 'MA' and valid_to = $1::date", [
      day(71),
    ]);

    await t.database.query("update missions set state = 'in_progress' where id = $1", [other!.id]);
    await expectRefused(
      await reschedule(officer, other!.id, { ...body, version: 1, startsOn: day(96), endsOn: day(99), workingDays: 2 }),
      409,
      'mission_started',
    );

    expect(await missionRow(mission.id)).toMatchObject({
      state: 'agreed',
      starts_on: day(70),
      ends_on: day(79),
      version,
    });
    expect(await countRows(t, 'audit_events', "action = 'mission.rescheduled' and entity_id = $1", [mission.id])).toBe(
      0,
    );
  });
});
