import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTotpSecret } from '../../demo/load.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
let officer: string;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await t.login('officer@passerelle.example', undefined, demoTotpSecret);
  admin = await t.login('admin@passerelle.example', undefined, demoTotpSecret);
});
afterAll(() => t.close());

interface Pair {
  left: { firstName: string; lastName: string };
  right: { firstName: string; lastName: string };
  confidence: number;
  reasons: { code: string; keys?: { key: string; left: string; right: string }[] }[];
}

const label = (pair: Pair) =>
  [pair.left, pair.right]
    .map((person) => `${person.firstName} ${person.lastName}`)
    .sort()
    .join(' / ');

describe('GET /api/experts/duplicates', () => {
  it('lists the deliberate near-duplicates with their reasons, most likely first', async () => {
    const response = await t.request({ method: 'GET', url: '/api/experts/duplicates', cookie: officer });
    expect(response.statusCode, response.body).toBe(200);
    const { items, total } = response.json() as { items: Pair[]; total: number };
    const byLabel = new Map(items.map((pair) => [label(pair), pair]));
    expect(total).toBe(items.length);
    const amrani = byLabel.get('Mohamed El Amrani / Mohammed Elamrani')!;
    // Registered again with the same phone and birth date, under another spelling of the same name.
    expect(amrani.reasons.map((reason) => reason.code)).toEqual(['birth_date', 'name', 'phone']);
    expect(amrani.reasons[1]!.keys![0]).toEqual({
      key: 'mhmdmrn',
      left: expect.stringMatching(/amrani|العمراني/),
      right: expect.stringMatching(/amrani|العمراني/),
    });
    expect(amrani.confidence).toBeCloseTo(1 - 0.5 * 0.4 * 0.3, 3);
    const alaoui = byLabel.get('Fatima Zahra Alaoui / Fatimazahra Alaoui')!;
    expect(alaoui.reasons.map((reason) => reason.code)).toEqual(['birth_date', 'name']);
    const khattabi = byLabel.get('Abd al-Qadir Khattabi / Abdelkader El Khattabi')!;
    expect(khattabi.reasons.map((reason) => reason.code)).toEqual(['email', 'name']);
    expect(items[0]).toBe(amrani);
    // Nothing else in the demo roster looks like one person twice.
    expect(items).toHaveLength(3);
  });

  it('pages', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/experts/duplicates?pageSize=1&page=2',
      cookie: officer,
    });
    const body = response.json();
    expect(body.items).toHaveLength(1);
    expect(body.total).toBe(3);
  });

  it('refuses everyone but programme staff', async () => {
    for (const email of ['donor@passerelle.example', 'expert@passerelle.example', 'focal.point@passerelle.example']) {
      const response = await t.request({ method: 'GET', url: '/api/experts/duplicates', cookie: await t.login(email) });
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('saved searches', () => {
  it('saves, lists only one’s own, deletes only one’s own, and audits both changes', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/experts/saved-searches',
      cookie: officer,
      payload: { name: 'Santé aux Pays-Bas', query: { q: 'santé', residenceCountry: ['NL'], stale: 'false' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const saved = created.json();
    expect(saved.query).toEqual({ q: 'santé', residenceCountry: ['NL'], stale: 'false' });

    const mine = await t.request({ method: 'GET', url: '/api/experts/saved-searches', cookie: officer });
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([saved.id]);
    const theirs = await t.request({ method: 'GET', url: '/api/experts/saved-searches', cookie: admin });
    expect(theirs.json().items).toEqual([]);

    const url = `/api/experts/saved-searches/${saved.id}`;
    expect((await t.request({ method: 'DELETE', url, cookie: admin })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url, cookie: officer })).statusCode).toBe(200);
    expect((await t.request({ method: 'DELETE', url, cookie: officer })).statusCode).toBe(404);

    const events = await t.database.query<{ action: string; entity_id: string }>(
      `select action, entity_id from audit_events where entity_type = 'saved_search' order by at, action`,
    );
    expect(events).toEqual([
      { action: 'saved_search.created', entity_id: saved.id },
      { action: 'saved_search.deleted', entity_id: saved.id },
    ]);
  });

  it('validates the saved query as the search would', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/experts/saved-searches',
      cookie: officer,
      payload: { name: 'Bad', query: { sector: 'health', minLevel: 'C1' } },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['query.sector', 'query.minLevel']));
  });
});
