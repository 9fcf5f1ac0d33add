import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTotpSecret } from '../../demo/load.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import type { RosterPage } from './search/schemas.ts';

let t: TestApp;
let staff: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  staff = await t.login('officer@passerelle.example', undefined, demoTotpSecret);
});
afterAll(() => t.close());

async function search(query: Record<string, string | string[]>, cookie = staff): Promise<RosterPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value].flat()) params.append(key, v);
  const response = await t.request({ method: 'GET', url: `/api/experts?${params}`, cookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const names = (page: RosterPage) => page.items.map((item) => `${item.firstName} ${item.lastName}`);

describe('GET /api/experts: names across spellings and scripts', () => {
  it('finds Mohamed and Mohammed when searching Muhammad, and says it matched on the name', async () => {
    const page = await search({ q: 'Muhammad' });
    expect(names(page)).toEqual(expect.arrayContaining(['Mohamed El Amrani', 'Mohammed Elamrani']));
    for (const item of page.items) expect(item.matchedOn).toContain('name');
  });

  it('finds El Amrani and Elamrani from the Arabic script العمراني', async () => {
    const page = await search({ q: 'العمراني' });
    expect(names(page).sort()).toEqual(['Brahim El Amrani', 'Mohamed El Amrani', 'Mohammed Elamrani']);
  });

  it('finds Fatima Zahra from Fatimazahra, and the glued spelling from Fatima Zahra', async () => {
    expect(names(await search({ q: 'Fatimazahra' }))).toEqual(
      expect.arrayContaining(['Fatima Zahra Alaoui', 'Fatimazahra Alaoui']),
    );
    expect(names(await search({ q: 'Fatima-Zahra Alaoui' }))).toEqual(
      expect.arrayContaining(['Fatima Zahra Alaoui', 'Fatimazahra Alaoui']),
    );
  });

  it('finds Abdelkader from Abd al-Qadir and from عبد القادر', async () => {
    for (const q of ['Abd al-Qadir', 'عبد القادر', 'Abdel Kader']) {
      expect(names(await search({ q }))).toContain('Abdelkader El Khattabi');
    }
  });

  it('absorbs typos: Amrany (vowel) through the name keys, Mohaned (consonant) through trigram similarity', async () => {
    expect(names(await search({ q: 'Amrany' }))).toContain('Mohamed El Amrani');
    expect(names(await search({ q: 'Mohaned El Amrani' }))).toContain('Mohamed El Amrani');
  });

  it('ranks the exact person first for a full name', async () => {
    const page = await search({ q: 'Youssef Ouazzani' });
    expect(names(page)[0]).toBe('Youssef Ouazzani');
  });
});

describe('GET /api/experts: full text in four languages', () => {
  it('stems French: hôpital finds "gestion des hôpitaux", accents or not', async () => {
    for (const q of ['hôpital', 'hopitaux']) {
      const page = await search({ q });
      expect(page.total).toBeGreaterThan(0);
      for (const item of page.items) expect(item.matchedOn).toContain('text');
    }
  });

  it('does not stem hospitalière to hôpital: French snowball keeps the two words apart', async () => {
    // "gestion hospitalière" finds the headlines and skills that say it (and the concept's label in every
    // language), not a summary that only says "gestion des hôpitaux": stems `hospitali` and `hopital` differ.
    const hospitaliere = await search({ q: 'gestion hospitalière', pageSize: '200' });
    const hopitaux = await search({ q: 'gestion des hôpitaux', pageSize: '200' });
    expect(hospitaliere.total).toBeGreaterThan(0);
    expect(hopitaux.total).toBeGreaterThan(0);
    expect(hospitaliere.items.some((item) => item.matchedOn.includes('skill'))).toBe(true);
  });

  it('stems English, Dutch and Arabic texts in their own language', async () => {
    // English "managing regional hospitals", Dutch "universiteiten", Arabic "الصحة" / "الصحية" (both stem to الصح).
    for (const q of ['hospital managed', 'universiteit', 'الصحية']) {
      expect((await search({ q })).total, q).toBeGreaterThan(0);
    }
  });

  it('records what the Arabic stemmer does not conflate: المستشفى (hospital) and المستشفيات (hospitals)', async () => {
    // PostgreSQL's Arabic snowball stems them to مستشفي and مستشف: singular and plural do not meet.
    expect((await search({ q: 'المستشفيات' })).total).toBeGreaterThan(0);
    expect((await search({ q: 'المستشفى' })).total).toBe(0);
  });

  it('finds a skill by its label in another language (the concept labels are indexed)', async () => {
    const french = await search({ q: 'épidémiologie', pageSize: '200' });
    const english = await search({ q: 'epidemiology', pageSize: '200' });
    expect(french.total).toBeGreaterThan(0);
    expect(new Set(french.items.map((item) => item.userId))).toEqual(new Set(english.items.map((item) => item.userId)));
  });
});

describe('GET /api/experts: facets and filters', () => {
  it('lists every searchable expert without q, by name, with facet counts that add up to the total', async () => {
    const page = await search({ pageSize: '200' });
    expect(page.total).toBe(51);
    expect(page.items).toHaveLength(51);
    const sum = (facet: { count: number }[]) => facet.reduce((n, entry) => n + entry.count, 0);
    expect(sum(page.facets.gender)).toBe(51);
    expect(sum(page.facets.residenceCountry)).toBe(51);
    expect(sum(page.facets.vettingStatus)).toBe(51);
    expect(page.facets.language.find((entry) => entry.value === 'fr')?.count).toBe(51);
    const sorted = [...page.items].sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr'));
    expect(page.items[0]!.lastName).toBe(sorted[0]!.lastName);
  });

  it('filters by each facet, and each filtered total equals the facet count it came from', async () => {
    const all = await search({});
    for (const [param, facet] of [
      ['residenceCountry', 'residenceCountry'],
      ['gender', 'gender'],
      ['vettingStatus', 'vettingStatus'],
      ['sector', 'sector'],
      ['language', 'language'],
    ] as const) {
      for (const { value, count } of all.facets[facet]) {
        expect((await search({ [param]: value })).total, `${param}=${value}`).toBe(count);
      }
    }
  });

  it('combines filters: repeated values are alternatives, different filters all apply', async () => {
    const de = await search({ residenceCountry: 'DE' });
    const be = await search({ residenceCountry: 'BE' });
    expect((await search({ residenceCountry: ['DE', 'BE'] })).total).toBe(de.total + be.total);
    const women = await search({ residenceCountry: 'DE', gender: 'female', pageSize: '200' });
    expect(women.total).toBeLessThan(de.total);
    for (const item of women.items) expect([item.residenceCountry, item.gender]).toEqual(['DE', 'female']);
  });

  it('filters languages by minimum CEFR level, occupations by ISCO prefix, stale profiles', async () => {
    const dutch = await search({ language: 'nl' });
    const fluent = await search({ language: 'nl', minLevel: 'C2', pageSize: '200' });
    expect(fluent.total).toBeGreaterThan(0);
    expect(fluent.total).toBeLessThan(dutch.total);
    for (const item of fluent.items) expect(item.languages).toContainEqual({ language: 'nl', level: 'C2' });
    const health = await search({ occupation: '22', pageSize: '200' });
    expect(health.total).toBeGreaterThan(0);
    for (const item of health.items) expect(item.occupation).toMatch(/^22/);
    const stale = await search({ stale: 'true' });
    const current = await search({ stale: 'false' });
    expect(stale.total).toBeGreaterThan(0);
    expect(stale.total + current.total).toBe(51);
  });

  it('takes availability windows that overlap the period, edges included', async () => {
    // Mohamed El Amrani (the demo expert) is available on site 2027-01-04 → 2027-01-18, and 2027-07-23 → 2027-08-22.
    const has = async (query: Record<string, string>) =>
      names(await search({ q: 'Mohamed El Amrani', ...query })).includes('Mohamed El Amrani');
    expect(await has({ availableFrom: '2027-01-18', availableTo: '2027-01-30' })).toBe(true);
    expect(await has({ availableFrom: '2026-12-01', availableTo: '2027-01-04' })).toBe(true);
    expect(await has({ availableFrom: '2027-01-05', availableTo: '2027-01-06' })).toBe(true);
    expect(await has({ availableFrom: '2026-12-01', availableTo: '2027-01-03' })).toBe(false);
    expect(await has({ availableFrom: '2027-01-19', availableTo: '2027-07-22' })).toBe(false);
    expect(await has({ availableFrom: '2027-01-19' })).toBe(true);
    expect(await has({ availableTo: '2027-01-03' })).toBe(false);
    expect(await has({ availableFrom: '2027-01-01', availableTo: '2027-01-31', modality: 'on_site' })).toBe(true);
    expect(await has({ availableFrom: '2027-01-01', availableTo: '2027-01-31', modality: 'online' })).toBe(false);
  });

  it('sorts by last change when asked', async () => {
    const page = await search({ sort: '-updatedAt', pageSize: '5' });
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(51);
  });

  it('pages without overlap', async () => {
    const first = await search({ pageSize: '20', page: '1' });
    const second = await search({ pageSize: '20', page: '2' });
    const ids = new Set(first.items.map((item) => item.userId));
    expect(second.items.some((item) => ids.has(item.userId))).toBe(false);
    expect(second.page).toBe(2);
  });
});

describe('GET /api/experts: validation and access', () => {
  it.each([
    ['minLevel=C1', 'minLevel'],
    ['availableFrom=2027-02-01&availableTo=2027-01-01', 'availableTo'],
    ['sector=abc', 'sector'],
    ['modality=hybrid', 'modality'],
    ['stale=maybe', 'stale'],
    ['colour=blue', 'colour'],
  ])('refuses %s with a field error on %s', async (query, field) => {
    const response = await t.request({ method: 'GET', url: `/api/experts?${query}`, cookie: staff });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.map((f: { path: string }) => f.path.replace(/^querystring\./, ''))).toContain(field);
  });

  it('refuses donors, experts and focal points (403) and anonymous callers (401)', async () => {
    for (const email of ['donor@passerelle.example', 'expert@passerelle.example', 'focal.point@passerelle.example']) {
      const cookie = await t.login(email);
      const response = await t.request({ method: 'GET', url: '/api/experts?q=Mohamed', cookie });
      expect(response.statusCode, email).toBe(403);
    }
    expect((await t.request({ method: 'GET', url: '/api/experts' })).statusCode).toBe(401);
  });
});

describe('GET /api/experts: erased profiles and withdrawn consent', () => {
  it('never shows an erased profile nor one without an active consent to processing', async () => {
    const before = await search({ q: 'Hicham Tazi' });
    const hicham = before.items.find((item) => item.lastName === 'Tazi' && item.firstName === 'Hicham')!;
    const zineb = (await search({ q: 'Zineb Azzouzi' })).items.find((item) => item.firstName === 'Zineb')!;
    expect(hicham && zineb).toBeTruthy();
    await t.database.query(`update consents set withdrawn_at = now() where user_id = $1 and purpose = 'processing'`, [
      hicham.userId,
    ]);
    await t.database.query(`update expert_profiles set erased_at = now() where user_id = $1`, [zineb.userId]);
    for (const q of ['Hicham Tazi', 'هشام التازي', 'Zineb Azzouzi', 'زينب']) {
      const ids = (await search({ q, pageSize: '200' })).items.map((item) => item.userId);
      expect(ids).not.toContain(hicham.userId);
      expect(ids).not.toContain(zineb.userId);
    }
    const all = await search({ pageSize: '200' });
    expect(all.total).toBe(49);
    expect(all.facets.gender.reduce((n, entry) => n + entry.count, 0)).toBe(49);
  });
});
