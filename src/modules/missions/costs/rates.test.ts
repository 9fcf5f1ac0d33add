import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { signInDemo } from '../../experts/experts.test-helper.ts';
import { currencies } from '../../reference/data/currencies.ts';
import { auditOf, countRows, ensureDemoRates } from './costs.test-helper.ts';

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

const get = (cookie: string, url: string) => t.request({ method: 'GET', url, cookie });
const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload: Record<string, unknown>) =>
  t.request({ method, url, cookie, payload });

/** A valid rate for Senegal (paid in CFA francs, which have no minor unit). */
const senegal = (overrides: Record<string, unknown> = {}) => ({
  country: 'SN',
  city: 'Dakar',
  amount: '95000',
  currency: 'XOF',
  validFrom: '2024-01-01',
  validTo: '2024-12-31',
  ...overrides,
});

describe('the currencies reference list', () => {
  it('holds the active ISO 4217 codes with their minor units', () => {
    const byCode = new Map(currencies.map((row) => [row.code, row.minorUnits]));
    expect(byCode.size).toBe(currencies.length);
    expect(byCode.get('MAD')).toBe(2);
    expect(byCode.get('EUR')).toBe(2);
    expect(byCode.get('XOF')).toBe(0);
    expect(byCode.get('TND')).toBe(3);
    expect(byCode.get('XAU')).toBeNull();
    for (const row of currencies) expect(row.code).toMatch(/^[A-Z]{3}$/);
  });
});

describe('DSA rates', () => {
  it('lists the table for staff, sorted by country, city and newest period, paginated', async () => {
    const response = await get(me, '/api/dsa-rates?country=MA&pageSize=5');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.total).toBe(12);
    expect(body.items).toHaveLength(5);
    expect(body.items[0]).toMatchObject({ country: 'MA', city: null, validFrom: '2026-01-01', validTo: null });
    expect(body.items[1]).toMatchObject({ city: null, validFrom: '2013-01-01', validTo: '2025-12-31' });
    expect(body.items[2].city).toBe('Casablanca');
    const second = (await get(me, '/api/dsa-rates?country=MA&pageSize=5&page=3')).json();
    expect(second.items).toHaveLength(2);
    expect((await get(focal, '/api/dsa-rates')).statusCode).toBe(403);
    expect((await get(expert, '/api/dsa-rates')).statusCode).toBe(403);
  });

  it('gives the applicable rate for a place and day: the city’s, else the country-wide one', async () => {
    const rabat = (await get(me, '/api/dsa-rates?country=MA&city=Rabat&on=2026-03-02')).json();
    expect(rabat.items).toEqual([expect.objectContaining({ city: 'Rabat', amount: '2200.00', currency: 'MAD' })]);
    const before = (await get(me, '/api/dsa-rates?country=MA&city=rabat&on=2025-12-31')).json();
    expect(before.items[0]).toMatchObject({ city: 'Rabat', amount: '1950.00' });
    // Without accents or case: "Fes" is Fès, not the rest of the country.
    const fes = (await get(me, '/api/dsa-rates?country=MA&city=FES&on=2026-03-02')).json();
    expect(fes.items).toEqual([expect.objectContaining({ city: 'Fès', amount: '1900.00' })]);
    const ifrane = (await get(me, '/api/dsa-rates?country=MA&city=Ifrane&on=2026-03-02')).json();
    expect(ifrane.items).toEqual([expect.objectContaining({ city: null, amount: '1500.00' })]);
    const nowhere = (await get(me, '/api/dsa-rates?country=TN&city=Tunis&on=2026-03-02')).json();
    expect(nowhere).toMatchObject({ items: [], total: 0 });
    const onDay = (await get(me, '/api/dsa-rates?country=MA&on=2026-03-02')).json();
    expect(onDay.total).toBe(6);
  });

  it('adds and changes a rate, audited with before and after', async () => {
    const created = await send(officer, 'POST', '/api/dsa-rates', senegal());
    expect(created.statusCode, created.body).toBe(201);
    const rate = created.json();
    expect(rate).toMatchObject({ country: 'SN', city: 'Dakar', amount: '95000.00', currency: 'XOF' });
    const changed = await send(officer, 'PUT', `/api/dsa-rates/${rate.id}`, senegal({ amount: '98000' }));
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().amount).toBe('98000.00');
    expect((await auditOf(t, 'dsa_rate.created', rate.id)).length).toBe(1);
    const [update] = await auditOf(t, 'dsa_rate.updated', rate.id);
    expect(update!.changes).toEqual({ amount: { before: '95000.00', after: '98000.00' } });
    // The next period of the same place, right after it, does not overlap.
    const next = await send(officer, 'POST', '/api/dsa-rates', senegal({ validFrom: '2025-01-01', validTo: null }));
    expect(next.statusCode, next.body).toBe(201);
  });

  it('refuses bad input with its code and changes nothing', async () => {
    const before = await countRows(t, 'dsa_rates');
    const refusals: [Record<string, unknown>, number, string, string | undefined, string | undefined][] = [
      [senegal({ currency: 'XYZ', city: 'Thiès' }), 422, 'unknown_currency', 'currency', 'invalid_value'],
      [senegal({ currency: 'XAU', city: 'Thiès' }), 422, 'unknown_currency', 'currency', 'invalid_value'],
      [senegal({ country: 'QQ', city: 'Thiès' }), 400, 'validation_failed', 'country', 'invalid_value'],
      [senegal({ city: 'Thiès', validTo: '2023-12-31' }), 400, 'validation_failed', 'validTo', 'date_order'],
      [senegal({ city: 'Thiès', amount: '0' }), 400, 'validation_failed', 'amount', undefined],
      [senegal({ city: 'Thiès', amount: '-5' }), 400, 'validation_failed', 'amount', undefined],
      [senegal({ city: 'Thiès', amount: '950.50' }), 400, 'validation_failed', 'amount', 'invalid_value'],
      // Dakar already has 2024 and from 2025 on: any period touching them overlaps.
      [senegal({ validFrom: '2024-06-01', validTo: '2024-06-30' }), 409, 'dsa_rate_overlap', undefined, undefined],
      [senegal({ validFrom: '2030-01-01', validTo: null }), 409, 'dsa_rate_overlap', undefined, undefined],
      [
        senegal({ city: 'DAKAR', validFrom: '2023-06-01', validTo: '2024-01-01' }),
        409,
        'dsa_rate_overlap',
        undefined,
        undefined,
      ],
    ];
    refusals.push([
      { country: 'MA', city: 'Fes', amount: '2000', currency: 'MAD', validFrom: '2026-06-01', validTo: null },
      409,
      'dsa_rate_overlap',
      undefined,
      undefined,
    ]);
    for (const [body, status, code, path, fieldCode] of refusals) {
      const response = await send(officer, 'POST', '/api/dsa-rates', body);
      expect(response.statusCode, `${JSON.stringify(body)} ${response.body}`).toBe(status);
      const error = response.json().error;
      expect(error.code).toBe(code);
      if (path)
        expect(error.fields).toContainEqual(
          expect.objectContaining({ path, ...(fieldCode ? { code: fieldCode } : {}) }),
        );
    }
    // A change that would overlap the next period of the same place is refused too, and leaves the rate as it was.
    const [first] = (await get(me, '/api/dsa-rates?country=SN&city=Dakar')).json().items.slice(-1);
    const stretched = await send(officer, 'PUT', `/api/dsa-rates/${first.id}`, senegal({ validTo: '2025-03-31' }));
    expect(stretched.json().error.code).toBe('dsa_rate_overlap');
    expect((await get(me, '/api/dsa-rates?country=SN&city=Dakar')).json().items.slice(-1)[0]).toEqual(first);
    // The country-wide rate of the same country is another place: it may cover the same days.
    expect((await send(officer, 'POST', '/api/dsa-rates', senegal({ city: null }))).statusCode).toBe(201);
    expect(await countRows(t, 'dsa_rates')).toBe(before + 1);
    expect((await send(me, 'POST', '/api/dsa-rates', senegal({ city: 'Saint-Louis' }))).statusCode).toBe(403);
  });
});

describe('currency rates', () => {
  it('lists stored rates and the one applicable on a day', async () => {
    const all = (await get(me, '/api/currency-rates?currency=MAD')).json();
    expect(all.items.map((row: { validFrom: string }) => row.validFrom)).toEqual([
      '2026-01-01',
      '2020-01-01',
      '2013-01-01',
    ]);
    const onDay = (await get(me, '/api/currency-rates?on=2025-06-30&reportingCurrency=EUR')).json();
    expect(onDay.items).toEqual([
      expect.objectContaining({ currency: 'MAD', rate: '0.09350000', validFrom: '2020-01-01' }),
      expect.objectContaining({ currency: 'USD', rate: '0.89000000', validFrom: '2020-01-01' }),
    ]);
    expect((await get(focal, '/api/currency-rates')).statusCode).toBe(403);
  });

  it('stores a rate from a day on, audited', async () => {
    const created = await send(officer, 'POST', '/api/currency-rates', {
      currency: 'GBP',
      reportingCurrency: 'EUR',
      rate: '1.1725',
      validFrom: '2026-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ currency: 'GBP', rate: '1.17250000' });
    expect((await auditOf(t, 'currency_rate.created', created.json().id)).length).toBe(1);
  });

  it('refuses bad input with its code and changes nothing', async () => {
    const before = await countRows(t, 'currency_rates');
    const valid = { currency: 'TND', reportingCurrency: 'EUR', rate: '0.29', validFrom: '2026-01-01' };
    const refusals: [Record<string, unknown>, string, string | undefined][] = [
      [{ ...valid, currency: 'XYZ' }, 'unknown_currency', 'currency'],
      [{ ...valid, reportingCurrency: 'EUX' }, 'unknown_currency', 'reportingCurrency'],
      [{ ...valid, reportingCurrency: 'TND' }, 'validation_failed', 'reportingCurrency'],
      [{ ...valid, rate: '0' }, 'validation_failed', 'rate'],
      [{ ...valid, rate: '0.123456789' }, 'validation_failed', 'rate'],
      [{ ...valid, currency: 'MAD' }, 'currency_rate_exists', undefined],
    ];
    for (const [body, code, path] of refusals) {
      const response = await send(officer, 'POST', '/api/currency-rates', body);
      const error = response.json().error;
      expect(error?.code, response.body).toBe(code);
      if (path) expect(error.fields).toContainEqual(expect.objectContaining({ path }));
    }
    expect(await countRows(t, 'currency_rates')).toBe(before);
    expect((await send(me, 'POST', '/api/currency-rates', valid)).statusCode).toBe(403);
  });
});
