import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { todayInMorocco } from '../../assignments/dates.ts';
import { registerExpert, signInDemo } from '../../experts/experts.test-helper.ts';
import { auditOf, countRows, ensureDemoRates, insertMission } from './costs.test-helper.ts';

let t: TestApp;
let officer: string;
let me: string;
let focal: string;
let expert: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  me = await signInDemo(t, 'me');
  focal = await signInDemo(t, 'focal.point');
  expert = await signInDemo(t, 'expert');
  await ensureDemoRates(t);
});
afterAll(() => t.close());

const costsOf = (cookie: string, id: string) => t.request({ method: 'GET', url: `/api/missions/${id}/costs`, cookie });
const addCost = (id: string, payload: Record<string, unknown>, cookie = officer) =>
  t.request({ method: 'POST', url: `/api/missions/${id}/costs`, cookie, payload });
const changeCost = (id: string, costId: string, payload: Record<string, unknown>) =>
  t.request({ method: 'PUT', url: `/api/missions/${id}/costs/${costId}`, cookie: officer, payload });
const removeCost = (id: string, costId: string) =>
  t.request({ method: 'DELETE', url: `/api/missions/${id}/costs/${costId}`, cookie: officer });

describe('the allowance of a mission', () => {
  it('is computed from the rate table: the city’s rate on the start date × the calendar days', async () => {
    const mission = await insertMission(t);
    const response = await addCost(mission.id, { category: 'dsa', kind: 'planned' });
    expect(response.statusCode, response.body).toBe(201);
    const line = response.json();
    // Rabat from 2026: 2,200 MAD × 12 days (2 to 13 March) = 26,400 MAD; at 0.0925 EUR/MAD = 2,442 EUR.
    expect(line).toMatchObject({
      category: 'dsa',
      kind: 'planned',
      amount: '26400.00',
      currency: 'MAD',
      nights: 12,
      rate: '0.09250000',
      reportingAmount: '2442.00',
      reportingCurrency: 'EUR',
    });
    const [rabat] = (
      await t.request({ method: 'GET', url: '/api/dsa-rates?country=MA&city=Rabat&on=2026-03-02', cookie: me })
    ).json().items;
    expect(line.dsaRateId).toBe(rabat.id);
    const view = (await costsOf(officer, mission.id)).json();
    expect(view.dsa).toMatchObject({
      applicable: true,
      country: 'MA',
      city: 'Rabat',
      on: '2026-03-02',
      nights: 12,
      countryWide: false,
      amount: '26400.00',
      currency: 'MAD',
      problem: null,
      rate: { id: rabat.id, amount: '2200.00' },
    });
    expect(await auditOf(t, 'mission.cost_added', mission.id)).toHaveLength(1);
  });

  it('takes the country-wide rate where the city has none, and the rate of the start date', async () => {
    const ifrane = await insertMission(t, { city: 'Ifrane', startsOn: '2026-05-04', endsOn: '2026-05-08' });
    const line = (await addCost(ifrane.id, { category: 'dsa', kind: 'planned' })).json();
    expect(line).toMatchObject({ amount: '7500.00', currency: 'MAD', nights: 5, reportingAmount: '693.75' });
    expect((await costsOf(officer, ifrane.id)).json().dsa).toMatchObject({ countryWide: true, amount: '7500.00' });
    // Starting on 30 December 2025: the 2025 rate (1,950) and the 2025 exchange rate (0.0935), for 4 days.
    const newYear = await insertMission(t, { startsOn: '2025-12-30', endsOn: '2026-01-02' });
    const crossing = (await addCost(newYear.id, { category: 'dsa', kind: 'planned' })).json();
    expect(crossing).toMatchObject({ amount: '7800.00', nights: 4, rate: '0.09350000', reportingAmount: '729.30' });
    // Nights given by staff override the count.
    const shorter = (await addCost(newYear.id, { category: 'dsa', kind: 'planned', nights: 3 })).json();
    expect(shorter).toMatchObject({ amount: '5850.00', nights: 3 });
  });

  it('keeps its amount when the rate table changes later: the budget never silently changes', async () => {
    const post = (url: string, payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url, cookie: officer, payload });
    const place = { country: 'SN', city: 'Saint-Louis', currency: 'XOF', validFrom: '2013-01-01', validTo: null };
    const rate = (await post('/api/dsa-rates', { ...place, amount: '85000' })).json();
    await post('/api/currency-rates', {
      currency: 'XOF',
      reportingCurrency: 'EUR',
      rate: '0.00152449',
      validFrom: '2013-01-01',
    });
    const mission = await insertMission(t, {
      country: 'SN',
      city: 'Saint-Louis',
      startsOn: '2026-04-06',
      endsOn: '2026-04-08',
    });
    const line = (await addCost(mission.id, { category: 'dsa', kind: 'planned' })).json();
    // 85,000 XOF × 3 = 255,000 XOF; × 0.00152449 = 388.744950 → 388.74 EUR.
    expect(line).toMatchObject({ amount: '255000.00', currency: 'XOF', reportingAmount: '388.74' });
    const raised = await t.request({
      method: 'PUT',
      url: `/api/dsa-rates/${rate.id}`,
      cookie: officer,
      payload: { ...place, amount: '90000' },
    });
    expect(raised.statusCode, raised.body).toBe(200);
    const view = (await costsOf(officer, mission.id)).json();
    expect(view.lines).toEqual([
      expect.objectContaining({ id: line.id, amount: '255000.00', reportingAmount: '388.74' }),
    ]);
    expect(view.dsa).toMatchObject({ amount: '270000.00', rate: { id: rate.id, amount: '90000.00' } });
  });

  it('is refused with a clear error, never zero: online missions, places without a rate', async () => {
    const online = await insertMission(t, { modality: 'online', city: null });
    const notApplicable = await addCost(online.id, { category: 'dsa', kind: 'planned' });
    expect(notApplicable.statusCode).toBe(422);
    expect(notApplicable.json().error.code).toBe('dsa_not_applicable');
    expect((await costsOf(officer, online.id)).json().dsa).toMatchObject({
      applicable: false,
      problem: 'dsa_not_applicable',
    });
    const tunis = await insertMission(t, {
      country: 'TN',
      city: 'Tunis',
      startsOn: '2026-06-01',
      endsOn: '2026-06-05',
    });
    const missing = await addCost(tunis.id, { category: 'dsa', kind: 'planned' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({
      code: 'dsa_rate_missing',
      details: { country: 'TN', city: 'Tunis', startsOn: '2026-06-01', endsOn: '2026-06-05' },
    });
    const view = (await costsOf(officer, tunis.id)).json();
    expect(view.dsa).toMatchObject({ applicable: true, problem: 'dsa_rate_missing', rate: null, amount: null });
    expect(view.lines).toEqual([]);
    expect(await countRows(t, 'mission_costs', 'mission_id in ($1, $2)', [online.id, tunis.id])).toBe(0);
  });
});

describe('cost lines', () => {
  it('are kept in the currency paid and the reporting currency, planned against actual per category', async () => {
    const mission = await insertMission(t, { state: 'in_progress' });
    await addCost(mission.id, { category: 'dsa', kind: 'planned' });
    const flight = await addCost(mission.id, {
      category: 'travel',
      kind: 'planned',
      amount: '333.33',
      currency: 'USD',
      description: 'Vol Bruxelles–Rabat',
    });
    expect(flight.statusCode, flight.body).toBe(201);
    // 333.33 USD × 0.86 = 286.6638 → 286.66 EUR, rounded in integers.
    expect(flight.json()).toMatchObject({ rate: '0.86000000', reportingAmount: '286.66', nights: null });
    const paid = await addCost(mission.id, { category: 'travel', kind: 'actual', amount: '100.05', currency: 'MAD' });
    // An actual is converted at the day it is written (today in Morocco): 100.05 × 0.0925 = 9.254625 → 9.25.
    expect(todayInMorocco(new Date()) >= '2026-01-01').toBe(true);
    expect(paid.json()).toMatchObject({ rate: '0.09250000', reportingAmount: '9.25' });
    const insurance = await addCost(mission.id, {
      category: 'insurance',
      kind: 'actual',
      amount: '45',
      currency: 'EUR',
    });
    expect(insurance.json()).toMatchObject({ amount: '45.00', rate: '1.00000000', reportingAmount: '45.00' });
    const view = (await costsOf(officer, mission.id)).json();
    expect(view.reportingCurrency).toBe('EUR');
    expect(view.editable).toBe(true);
    expect(view.lines).toHaveLength(4);
    expect(view.totals).toEqual({
      dsa: { planned: '2442.00', actual: '0.00' },
      travel: { planned: '286.66', actual: '9.25' },
      insurance: { planned: '0.00', actual: '45.00' },
      visa: { planned: '0.00', actual: '0.00' },
      other: { planned: '0.00', actual: '0.00' },
    });
    expect(view.total).toEqual({ planned: '2728.66', actual: '54.25' });
  });

  it('change and disappear only through audited commands with their before and after', async () => {
    // In 2019: MAD at 0.09 EUR (the 2013 rate), Rabat at 1,950 MAD.
    const mission = await insertMission(t, { startsOn: '2019-06-03', endsOn: '2019-06-14' });
    const line = (
      await addCost(mission.id, { category: 'visa', kind: 'planned', amount: '600', currency: 'MAD' })
    ).json();
    const changed = await changeCost(mission.id, line.id, { amount: '750.50', description: 'Visa long séjour' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      amount: '750.50',
      reportingAmount: '67.55',
      description: 'Visa long séjour',
    });
    const [change] = await auditOf(t, 'mission.cost_changed', mission.id);
    expect(change!.changes).toMatchObject({
      costId: line.id,
      amount: { before: '600.00', after: '750.50' },
      reportingAmount: { before: '54.00', after: '67.55' },
      description: { before: null, after: 'Visa long séjour' },
    });
    // A computed DSA line given fewer nights follows its rate.
    const dsa = (await addCost(mission.id, { category: 'dsa', kind: 'planned' })).json();
    const fewer = (await changeCost(mission.id, dsa.id, { nights: 10 })).json();
    expect(fewer).toMatchObject({
      amount: '19500.00',
      nights: 10,
      dsaRateId: dsa.dsaRateId,
      reportingAmount: '1755.00',
    });
    // A new exchange rate for the start date does not move a line whose description alone changes.
    await t.request({
      method: 'POST',
      url: '/api/currency-rates',
      cookie: officer,
      payload: { currency: 'MAD', reportingCurrency: 'EUR', rate: '0.1', validFrom: '2019-06-01' },
    });
    const described = (await changeCost(mission.id, line.id, { description: 'Visa de travail' })).json();
    expect(described).toMatchObject({ amount: '750.50', rate: '0.09000000', reportingAmount: '67.55' });
    const removed = await removeCost(mission.id, line.id);
    expect(removed.statusCode, removed.body).toBe(200);
    const [removal] = await auditOf(t, 'mission.cost_removed', mission.id);
    expect(removal!.changes).toMatchObject({ costId: line.id, before: { amount: '750.50', category: 'visa' } });
    expect((await costsOf(officer, mission.id)).json().lines.map((row: { id: string }) => row.id)).toEqual([dsa.id]);
    expect((await removeCost(mission.id, line.id)).json().error.code).toBe('not_found');
  });

  it('refuses bad input with its code and changes nothing', async () => {
    const mission = await insertMission(t);
    const kept = (
      await addCost(mission.id, { category: 'other', kind: 'planned', amount: '100', currency: 'MAD' })
    ).json();
    const refusals: [Record<string, unknown>, number, string, string | undefined][] = [
      [{ category: 'travel', kind: 'planned', amount: '10', currency: 'XYZ' }, 422, 'unknown_currency', 'currency'],
      [{ category: 'travel', kind: 'planned', amount: '10', currency: 'GBP' }, 422, 'currency_rate_missing', undefined],
      [{ category: 'travel', kind: 'planned', amount: '10' }, 400, 'validation_failed', 'currency'],
      [{ category: 'travel', kind: 'planned', currency: 'MAD' }, 400, 'validation_failed', 'amount'],
      [{ category: 'travel', kind: 'planned', amount: '0', currency: 'MAD' }, 400, 'validation_failed', 'amount'],
      [{ category: 'travel', kind: 'planned', amount: 12.5, currency: 'MAD' }, 400, 'validation_failed', 'amount'],
      [{ category: 'travel', kind: 'planned', amount: '1500.50', currency: 'XOF' }, 400, 'validation_failed', 'amount'],
      [{ category: 'lodging', kind: 'planned', amount: '10', currency: 'MAD' }, 400, 'validation_failed', 'category'],
      [{ category: 'dsa', kind: 'planned', currency: 'EUR' }, 400, 'validation_failed', 'currency'],
    ];
    for (const [body, status, code, path] of refusals) {
      const response = await addCost(mission.id, body);
      expect(response.statusCode, `${JSON.stringify(body)} ${response.body}`).toBe(status);
      const error = response.json().error;
      expect(error.code).toBe(code);
      if (path) expect(error.fields).toContainEqual(expect.objectContaining({ path }));
    }
    const missingRate = await addCost(mission.id, {
      category: 'travel',
      kind: 'planned',
      amount: '10',
      currency: 'GBP',
    });
    expect(missingRate.json().error.details).toEqual({ currency: 'GBP', reportingCurrency: 'EUR', on: '2026-03-02' });
    const badChange = await changeCost(mission.id, kept.id, { currency: 'XYZ' });
    expect(badChange.json().error.code).toBe('unknown_currency');
    expect((await changeCost(mission.id, kept.id, { nights: 3 })).json().error.code).toBe('validation_failed');
    const view = (await costsOf(officer, mission.id)).json();
    expect(view.lines).toEqual([expect.objectContaining({ id: kept.id, amount: '100.00', currency: 'MAD' })]);
    expect(await auditOf(t, 'mission.cost_changed', mission.id)).toEqual([]);
  });

  it('of a closed or cancelled mission are read-only', async () => {
    const open = await insertMission(t);
    const line = (await addCost(open.id, { category: 'other', kind: 'actual', amount: '20', currency: 'EUR' })).json();
    await t.database.query(`update missions set state = 'closed' where id = $1`, [open.id]);
    const cancelled = await insertMission(t, { state: 'cancelled', cancelReason: 'Report du projet' });
    for (const response of [
      await addCost(open.id, { category: 'other', kind: 'actual', amount: '5', currency: 'EUR' }),
      await changeCost(open.id, line.id, { amount: '25' }),
      await removeCost(open.id, line.id),
      await addCost(cancelled.id, { category: 'dsa', kind: 'planned' }),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('mission_settled');
    }
    const view = (await costsOf(officer, open.id)).json();
    expect(view).toMatchObject({ editable: false, total: { actual: '20.00' } });
    expect(view.lines).toEqual([expect.objectContaining({ id: line.id, amount: '20.00' })]);
  });

  it('are read by staff and the mission’s expert, written by organisers only', async () => {
    const mission = await insertMission(t);
    expect((await costsOf(me, mission.id)).statusCode).toBe(200);
    expect((await costsOf(expert, mission.id)).statusCode).toBe(200);
    // The host sees the mission but not its costs; another expert does not even see it.
    expect((await costsOf(focal, mission.id)).statusCode).toBe(403);
    const stranger = await registerExpert(t, 'Karim Tazi', 'karim.costs@example.org');
    expect((await costsOf(stranger.cookie, mission.id)).statusCode).toBe(404);
    const refused = await addCost(mission.id, { category: 'other', kind: 'planned', amount: '5', currency: 'EUR' }, me);
    expect(refused.statusCode).toBe(403);
    expect(await countRows(t, 'mission_costs', 'mission_id = $1', [mission.id])).toBe(0);
    const unknown = await costsOf(officer, '00000000-0000-4000-8000-000000000000');
    expect(unknown.json().error.code).toBe('not_found');
  });
});
