import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { signInDemo, registerExpert } from './experts.test-helper.ts';
import type { RosterPage } from './search/schemas.ts';

let t: TestApp;
let staff: string;
/** Three demo experts found by name, tagged directly in the database (the tag API is tested on its own). */
const ids: Record<'amrani' | 'ouazzani' | 'khattabi', string> = { amrani: '', ouazzani: '', khattabi: '' };

async function search(query: Record<string, string | string[]>, cookie = staff): Promise<RosterPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value].flat()) params.append(key, v);
  const response = await t.request({ method: 'GET', url: `/api/experts?${params}`, cookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const idOf = async (q: string, firstName: string) =>
  (await search({ q })).items.find((item) => `${item.firstName} ${item.lastName}` === `${firstName} ${q}`)!.userId;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  staff = await signInDemo(t, 'officer');
  ids.amrani = await idOf('El Amrani', 'Mohamed');
  ids.ouazzani = await idOf('Ouazzani', 'Youssef');
  ids.khattabi = await idOf('El Khattabi', 'Abdelkader');
  const tag = (userId: string, name: string) =>
    t.database.query(`insert into expert_tags (user_id, tag) values ($1, $2)`, [userId, name]);
  // Tags of this test only (the demo tags `trqn-iii` and `santé` are on other profiles too).
  await tag(ids.amrani, 'diaspora café');
  await tag(ids.amrani, 'mentor');
  await tag(ids.ouazzani, 'diaspora café');
  await tag(ids.khattabi, 'mentor');
  await t.database.query(`update expert_profiles set origin = 'import' where user_id = any($1::uuid[])`, [
    [ids.ouazzani, ids.khattabi],
  ]);
});
afterAll(() => t.close());

const countOf = (page: RosterPage, facet: keyof RosterPage['facets'], value: string) =>
  page.facets[facet].find((entry) => entry.value === value)?.count;

describe('GET /api/experts: the tag facet', () => {
  it('counts the tags over the matches, most frequent first', async () => {
    const all = await search({});
    expect(countOf(all, 'tag', 'mentor')).toBe(2);
    expect(countOf(all, 'tag', 'diaspora café')).toBe(2);
    const counts = all.facets.tag.map((entry) => entry.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const amrani = await search({ q: 'Mohamed El Amrani', pageSize: '1' });
    expect(countOf(amrani, 'tag', 'diaspora café')).toBe(1);
    expect(countOf(amrani, 'tag', 'mentor')).toBe(1);
  });

  it('keeps the experts having every tag given, normalised as tags are stored', async () => {
    const cafe = await search({ tag: 'diaspora café', pageSize: '200' });
    expect(cafe.items.map((item) => item.userId).sort()).toEqual([ids.amrani, ids.ouazzani].sort());
    expect((await search({ tag: '  Diaspora   CAFÉ ' })).total).toBe(2);
    const both = await search({ tag: ['diaspora café', 'mentor'] });
    expect(both.items.map((item) => item.userId)).toEqual([ids.amrani]);
    expect((await search({ tag: ['diaspora café', 'Diaspora Café', 'mentor'] })).total).toBe(1);
    expect((await search({ tag: ['diaspora café', 'inconnu'] })).total).toBe(0);
  });

  it('combines the tag with text and the other facets', async () => {
    const cafe = await search({ q: 'Ouazzani', tag: 'diaspora café' });
    expect(cafe.items.map((item) => item.userId)).toEqual([ids.ouazzani]);
    expect((await search({ q: 'Ouazzani', tag: 'mentor' })).total).toBe(0);
    const imported = await search({ tag: 'mentor', origin: 'import' });
    expect(imported.items.map((item) => item.userId)).toEqual([ids.khattabi]);
  });
});

describe('GET /api/experts: the origin facet', () => {
  it('counts registrations and imports, and each filtered total equals its count', async () => {
    const all = await search({});
    expect(countOf(all, 'origin', 'import')).toBe(2);
    expect(countOf(all, 'origin', 'registration')).toBe(all.total - 2);
    for (const { value, count } of all.facets.origin) expect((await search({ origin: value })).total).toBe(count);
  });

  it('refuses an unknown origin and an empty tag with a field error', async () => {
    for (const [query, field] of [
      ['origin=fax', 'origin'],
      ['tag=%20%20', 'tag'],
    ] as const) {
      const response = await t.request({ method: 'GET', url: `/api/experts?${query}`, cookie: staff });
      expect(response.statusCode, query).toBe(400);
      const fields = response.json().error.fields.map((f: { path: string }) => f.path.replace(/^querystring\./, ''));
      expect(
        fields.some((path: string) => path.startsWith(field)),
        query,
      ).toBe(true);
    }
  });
});

describe('GET /api/experts: the vetting status facet', () => {
  it('counts and filters by vetting status, following a change of status', async () => {
    const before = await search({ vettingStatus: 'rejected' });
    await t.database.query(`update expert_profiles set vetting_status = 'rejected' where user_id = $1`, [ids.amrani]);
    const after = await search({ vettingStatus: 'rejected', pageSize: '200' });
    expect(after.total).toBe(before.total + 1);
    expect(after.items.map((item) => item.userId)).toContain(ids.amrani);
    expect(countOf(await search({}), 'vettingStatus', 'rejected')).toBe(after.total);
  });
});

describe('GET /api/experts: languages and availability copied onto the profile', () => {
  it('follows a profile change: a new language and availability window are searchable at once', async () => {
    const expert = await registerExpert(t, 'Siham Lahlou', 'siham.lahlou@example.org');
    const save = await t.request({
      method: 'PATCH',
      url: '/api/experts/me',
      cookie: expert.cookie,
      payload: {
        languages: [{ language: 'zgh', level: 'B2' }],
        availability: [{ startsOn: '2031-03-01', endsOn: '2031-03-31', onSite: false, online: true }],
      },
    });
    expect(save.statusCode, save.body).toBe(200);
    const found = async (query: Record<string, string>) =>
      (await search({ q: 'Siham Lahlou', ...query })).items.some((item) => item.userId === expert.id);
    expect(await found({ language: 'zgh', minLevel: 'B1' })).toBe(true);
    expect(await found({ language: 'zgh', minLevel: 'C1' })).toBe(false);
    expect(await found({ availableFrom: '2031-03-31', availableTo: '2031-04-30', modality: 'online' })).toBe(true);
    expect(await found({ availableFrom: '2031-03-31', availableTo: '2031-04-30', modality: 'on_site' })).toBe(false);
    expect(await found({ availableFrom: '2031-04-01' })).toBe(false);
    expect(countOf(await search({ q: 'Siham Lahlou' }), 'language', 'zgh')).toBe(1);
  });

  it('finds windows by exact dates across month and year ends, and windows longer than two years', async () => {
    const expert = await registerExpert(t, 'Nawal Berrada', 'nawal.berrada@example.org');
    const save = await t.request({
      method: 'PATCH',
      url: '/api/experts/me',
      cookie: expert.cookie,
      payload: {
        availability: [
          { startsOn: '2032-12-31', endsOn: '2033-01-01', onSite: true, online: false },
          { startsOn: '2035-02-01', endsOn: '2038-06-30', onSite: false, online: true },
        ],
      },
    });
    expect(save.statusCode, save.body).toBe(200);
    const found = async (availableFrom: string, availableTo: string, modality?: string) =>
      (await search({ q: 'Nawal Berrada', availableFrom, availableTo, ...(modality ? { modality } : {}) })).items.some(
        (item) => item.userId === expert.id,
      );
    expect(await found('2032-12-01', '2032-12-31')).toBe(true);
    expect(await found('2033-01-01', '2033-01-31', 'on_site')).toBe(true);
    expect(await found('2033-01-02', '2033-02-28')).toBe(false);
    expect(await found('2032-11-01', '2032-12-30')).toBe(false);
    // The long window carries no month of its own: a period in its middle still finds it, exactly.
    expect(await found('2036-07-01', '2036-07-31', 'online')).toBe(true);
    expect(await found('2036-07-01', '2036-07-31', 'on_site')).toBe(false);
    expect(await found('2038-07-01', '2038-08-31')).toBe(false);
    // A period longer than the indexed months is checked on the windows alone.
    expect(await found('2030-01-01', '2034-12-31')).toBe(true);
    expect(await found('2033-01-02', '2035-01-31')).toBe(false);
  });
});

describe('GET /api/experts: relevance', () => {
  it('ranks a match in the headline or skills before one found only in the longer texts, which still count', async () => {
    const profile = async (name: string, payload: Record<string, unknown>) => {
      const expert = await registerExpert(t, name, `${name.toLowerCase().replace(' ', '.')}@example.org`);
      const save = await t.request({ method: 'PATCH', url: '/api/experts/me', cookie: expert.cookie, payload });
      expect(save.statusCode, save.body).toBe(200);
      return expert.id;
    };
    // Created in the reverse of the expected order, and named so that alphabetical order is the reverse too.
    const inSummary = await profile('Aicha Alaoui', { summary: 'Vingt ans de ostéopathie pédiatrique à Gand.' });
    const inSkills = await profile('Badr Bennani', { skills: [{ label: 'Ostéopathie pédiatrique' }] });
    const inHeadline = await profile('Chama Chraibi', { headline: 'Ostéopathe, ostéopathie pédiatrique' });
    const page = await search({ q: 'ostéopathie pédiatrique', sort: 'relevance' });
    const order = page.items.map((item) => item.userId);
    expect(order.filter((id) => [inSummary, inSkills, inHeadline].includes(id))).toEqual([
      inHeadline,
      inSkills,
      inSummary,
    ]);
    const scores = page.items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('saved searches with tags and origin', () => {
  it('stores a search with several tags and an origin, and refuses an unknown origin', async () => {
    const query = { tag: ['diaspora café', 'mentor'], origin: 'import' };
    const created = await t.request({
      method: 'POST',
      url: '/api/experts/saved-searches',
      cookie: staff,
      payload: { name: 'Mentors importés', query },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().query).toEqual(query);
    const refused = await t.request({
      method: 'POST',
      url: '/api/experts/saved-searches',
      cookie: staff,
      payload: { name: 'Bad', query: { origin: 'fax' } },
    });
    expect(refused.statusCode).toBe(400);
  });
});
