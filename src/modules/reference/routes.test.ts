import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { skillConcepts } from '../experts/schema.ts';
import { matchSkillConceptIn } from './repository.ts';
import { languagesResponse, occupationsResponse, suggestResponse, twoLevelResponse } from './schemas.ts';

let t: TestApp;
let expert: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  expert = await t.login('expert@passerelle.example');
  await t.database.db.insert(skillConcepts).values({
    id: 'port-management',
    labels: { fr: 'gestion portuaire', ar: 'تدبير الموانئ', en: 'port management', nl: 'havenbeheer' },
    synonyms: { nl: ['havenmanagement'] },
    sectors: ['21040'],
  });
});
afterAll(() => t.close());

const lists = ['countries', 'regions', 'sectors', 'occupations', 'languages'] as const;

describe('GET /api/reference/*', () => {
  for (const name of lists) {
    it(`${name}: public, French by default, cacheable for a day with an ETag that answers 304`, async () => {
      const response = await t.request({ method: 'GET', url: `/api/reference/${name}` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=86400');
      const etag = response.headers.etag as string;
      expect(etag).toMatch(new RegExp(`^"${name}-fr-`));
      expect(response.json().items.length).toBeGreaterThan(0);

      const again = await t.request({
        method: 'GET',
        url: `/api/reference/${name}`,
        headers: { 'if-none-match': etag },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const other = await t.request({ method: 'GET', url: `/api/reference/${name}?locale=ar` });
      expect(other.headers.etag).not.toBe(etag);
    });
  }

  it('answers in the requested locale', async () => {
    const get = async (locale: string) =>
      (await t.request({ method: 'GET', url: `/api/reference/countries?locale=${locale}` })).json().items as {
        code: string;
        label: string;
      }[];
    const label = (items: { code: string; label: string }[]) => items.find((c) => c.code === 'NL')?.label;
    expect(label(await get('fr'))).toBe('Pays-Bas');
    expect(label(await get('en'))).toBe('Netherlands');
    expect(label(await get('nl'))).toBe('Nederland');
    expect(label(await get('ar'))).toBe('هولندا');
  });

  it('serves regions with their provinces, sectors under categories, the ISCO tree and languages with CEFR levels', async () => {
    const regions = twoLevelResponse.parse(
      (await t.request({ method: 'GET', url: '/api/reference/regions?locale=ar' })).json(),
    );
    expect(regions.items).toHaveLength(12);
    const rabat = regions.items.find((r) => r.code === '04')!;
    expect(rabat.label).toBe('الرباط-سلا-القنيطرة');
    expect(rabat.children.every((p) => p.parent === '04')).toBe(true);

    const sectors = twoLevelResponse.parse(
      (await t.request({ method: 'GET', url: '/api/reference/sectors?locale=en' })).json(),
    );
    const migration = sectors.items.find((c) => c.code === '151')!.children.find((s) => s.code === '15190');
    expect(migration?.label).toBe('Facilitation of orderly, safe, regular and responsible migration and mobility');

    const occupations = occupationsResponse.parse(
      (await t.request({ method: 'GET', url: '/api/reference/occupations?locale=nl' })).json(),
    );
    expect(occupations.items).toHaveLength(10);

    const languages = languagesResponse.parse(
      (await t.request({ method: 'GET', url: '/api/reference/languages?locale=fr' })).json(),
    );
    expect(languages.items.slice(0, 3).map((l) => l.code)).toEqual(['ar', 'ary', 'zgh']);
    expect(languages.levels.map((l) => l.code)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
  });

  it('refuses an unknown locale with 400, naming the field', async () => {
    const response = await t.request({ method: 'GET', url: '/api/reference/countries?locale=de' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ path: 'querystring.locale' })],
    });
  });

  it('is in the OpenAPI document', async () => {
    const document = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const name of lists) expect(document.paths).toHaveProperty([`/api/reference/${name}`, 'get']);
    expect(document.paths).toHaveProperty(['/api/skills/suggest', 'get']);
  });
});

describe('GET /api/skills/suggest', () => {
  const suggest = (query: string, cookie?: string) =>
    t.request({ method: 'GET', url: `/api/skills/suggest?${query}`, ...(cookie ? { cookie } : {}) });

  it('refuses anonymous callers with 401', async () => {
    const response = await suggest('q=gestion');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });

  const typed: [string, string][] = [
    ['gestion hosp', 'fr'],
    ['hospital man', 'en'],
    ['ziekenhuis', 'nl'],
    ['إدارة المستش', 'ar'],
  ];
  for (const [q, locale] of typed) {
    it(`suggests hospital-management for "${q}" (${locale})`, async () => {
      const response = await suggest(`q=${encodeURIComponent(q)}&locale=${locale}`, expert);
      expect(response.statusCode).toBe(200);
      const body = suggestResponse.parse(response.json());
      expect(body.items.map((i) => i.key)).toContain('hospital-management');
    });
  }

  it('labels suggestions in the reader’s locale and says which words matched', async () => {
    const body = (await suggest('q=ziekenhuismanagement&locale=ar', expert)).json();
    expect(body.items[0]).toEqual({
      key: 'hospital-management',
      label: 'إدارة المستشفيات',
      sectors: ['12110', '12191'],
      matched: [{ locale: 'nl', text: 'ziekenhuismanagement' }],
    });
  });

  it('includes concepts staff added in skill_concepts, and matchSkillConceptIn finds them', async () => {
    const body = (await suggest('q=havenm&locale=fr&limit=3', expert)).json();
    expect(body.items[0]).toMatchObject({ key: 'port-management', label: 'gestion portuaire' });
    expect(await matchSkillConceptIn(t.database.db, 'Havenbeheer')).toBe('port-management');
    expect(await matchSkillConceptIn(t.database.db, 'Gestion hospitalière')).toBe('hospital-management');
    expect(await matchSkillConceptIn(t.database.db, 'astrologie')).toBeNull();
  });

  it('validates q, locale and limit', async () => {
    expect((await suggest('locale=fr', expert)).statusCode).toBe(400);
    const response = await suggest('q=x&locale=xx&limit=500', expert);
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['querystring.locale', 'querystring.limit']));
  });
});
