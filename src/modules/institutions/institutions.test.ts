import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';

let t: TestApp;
let officer: string;
let me: string;
let expert: string;
let donor: string;
let focal: string;
let ids: { higherEducation: string; health: string };

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  me = await signInDemo(t, 'me');
  expert = await signInDemo(t, 'expert');
  donor = await signInDemo(t, 'donor');
  focal = await signInDemo(t, 'focal.point');
  const rows = await t.database.query<{ id: string; name_en: string }>('select id, name_en from institutions');
  ids = {
    higherEducation: rows.find((row) => row.name_en.startsWith('Ministry of Higher Education'))!.id,
    health: rows.find((row) => row.name_en === 'Ministry of Health')!.id,
  };
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  t.request({ method, url, cookie, ...(payload ? { payload } : {}) });

const partner = {
  kind: 'partner',
  type: 'hospital',
  nameFr: 'Hôpital partenaire (Pays-Bas)',
  nameEn: 'Partner hospital (Netherlands)',
  country: 'NL',
  city: 'Rotterdam',
  sectors: ['12191'],
  website: 'https://hospital.example.nl',
};

describe('the institution register', () => {
  it('lists every institution to staff and donors, sorted by name, paginated', async () => {
    for (const cookie of [officer, me, donor]) {
      const response = await call('GET', '/api/institutions?pageSize=3', cookie);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json();
      expect(page).toMatchObject({ total: 7, page: 1, pageSize: 3 });
      expect(page.items).toHaveLength(3);
    }
    // The database's collation decides the order; whatever it is, "-name" is its exact reverse.
    const names = async (sort: string) =>
      (await call('GET', `/api/institutions?sort=${sort}`, officer))
        .json()
        .items.map((item: { id: string }) => item.id);
    expect(await names('-name')).toEqual((await names('name')).reverse());
    expect((await call('GET', '/api/institutions', officer)).json().allowedActions).toEqual(['institution.create']);
    expect((await call('GET', '/api/institutions', donor)).json().allowedActions).toEqual([]);
  });

  it('filters by kind, type, country and region', async () => {
    const partners = (await call('GET', '/api/institutions?kind=partner', officer)).json();
    expect(partners.items.map((item: { country: string }) => item.country)).toEqual(['NL']);
    const inRabat = (await call('GET', '/api/institutions?region=04&type=ministry&country=MA', officer)).json();
    expect(inRabat.total).toBe(4);
    const agencies = (await call('GET', '/api/institutions?type=agency&sort=-name', officer)).json();
    expect(agencies.total).toBe(2);
    const bad = await call('GET', '/api/institutions?kind=other&region=Rabat', officer);
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((field: { path: string }) => field.path)
        .sort(),
    ).toEqual(['querystring.kind', 'querystring.region']);
  });

  it('shows a focal point their own institution only, and refuses experts', async () => {
    const own = (await call('GET', '/api/institutions', focal)).json();
    expect(own.items.map((item: { id: string }) => item.id)).toEqual([ids.higherEducation]);
    expect(own.items[0].allowedActions).toEqual(['institution.read', 'focal_points.read', 'plan.read', 'need.propose']);
    expect((await call('GET', `/api/institutions/${ids.higherEducation}`, focal)).statusCode).toBe(200);
    const other = await call('GET', `/api/institutions/${ids.health}`, focal);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('not_found');
    expect((await call('GET', `/api/institutions/${ids.health}/focal-points`, focal)).statusCode).toBe(404);
    expect((await call('GET', '/api/institutions', expert)).statusCode).toBe(403);
    const donorView = await call('GET', `/api/institutions/${ids.health}`, donor);
    expect(donorView.statusCode).toBe(200);
    expect(donorView.json().allowedActions).toEqual(['institution.read']);
    expect((await call('GET', `/api/institutions/${ids.health}`, expert)).statusCode).toBe(404);
  });

  it('creates an institution and audits it; only programme officers and admins may', async () => {
    const response = await call('POST', '/api/institutions', officer, partner);
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ kind: 'partner', region: null, sectors: ['12191'] });
    const [event] = await t.database.query<{ changes: Record<string, unknown> }>(
      "select changes from audit_events where action = 'institution.created' and entity_id = $1",
      [created.id],
    );
    expect(event?.changes).toEqual({
      kind: { after: 'partner' },
      country: { after: 'NL' },
      nameFr: { after: 'Hôpital partenaire (Pays-Bas)' },
    });
    for (const cookie of [me, donor, focal, expert]) {
      expect((await call('POST', '/api/institutions', cookie, partner)).statusCode).toBe(403);
    }
  });

  it('names every bad field: region for a Moroccan host, province outside its region, website, codes', async () => {
    const response = await call('POST', '/api/institutions', officer, {
      kind: 'host',
      type: 'university',
      nameFr: 'Université X',
      country: 'MA',
      province: '04.421',
      sectors: ['11420', '00000'],
      website: 'javascript:alert(1)',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      expect.objectContaining({ path: 'sectors.1', code: 'invalid_value' }),
      expect.objectContaining({ path: 'region', code: 'required' }),
      expect.objectContaining({ path: 'province', code: 'invalid_value' }),
      expect.objectContaining({ path: 'website', code: 'invalid_format' }),
    ]);
    const elsewhere = await call('POST', '/api/institutions', officer, {
      ...partner,
      country: 'XX',
      region: '04',
    });
    expect(elsewhere.json().error.fields).toEqual([
      expect.objectContaining({ path: 'country', code: 'invalid_value' }),
      expect.objectContaining({ path: 'region', code: 'invalid_value' }),
    ]);
    const missing = await call('POST', '/api/institutions', officer, { kind: 'host', type: 'ngo', country: 'MA' });
    expect(missing.json().error.fields).toContainEqual(expect.objectContaining({ path: 'nameFr', code: 'required' }));
  });

  it('updates the fields sent, checks the merged record and audits before and after', async () => {
    const url = `/api/institutions/${ids.health}`;
    const wrong = await call('PATCH', url, officer, { province: '01.511' });
    expect(wrong.json().error.fields).toEqual([expect.objectContaining({ path: 'province', code: 'invalid_value' })]);
    const cleared = await call('PATCH', url, officer, { region: null, province: null });
    expect(cleared.json().error.fields).toEqual([expect.objectContaining({ path: 'region', code: 'required' })]);
    const response = await call('PATCH', url, officer, { city: 'Salé', province: '04.441', nameAr: 'وزارة الصحة' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ city: 'Salé', province: '04.441', region: '04' });
    const [event] = await t.database.query<{ changes: Record<string, unknown> }>(
      "select changes from audit_events where action = 'institution.updated' and entity_id = $1",
      [ids.health],
    );
    expect(event?.changes).toEqual({
      city: { before: 'Rabat', after: 'Salé' },
      province: { before: '04.421', after: '04.441' },
    });
    expect((await call('PATCH', url, me, { city: 'Fès' })).statusCode).toBe(403);
    expect((await call('PATCH', `/api/institutions/${ids.higherEducation}`, focal, { city: 'Fès' })).statusCode).toBe(
      403,
    );
    expect((await call('PATCH', url, focal, { city: 'Fès' })).statusCode).toBe(404);
  });
});

describe('focal points', () => {
  it('lists the institution’s focal points: e-mail for staff, names only for the focal point', async () => {
    const url = `/api/institutions/${ids.higherEducation}/focal-points`;
    const staffView = await call('GET', url, me);
    expect(staffView.json().items).toEqual([
      expect.objectContaining({ name: 'Farid Point Focal', email: 'focal.point@passerelle.example', status: 'active' }),
    ]);
    const ownView = await call('GET', url, focal);
    expect(ownView.json().items).toEqual([expect.objectContaining({ name: 'Farid Point Focal', email: null })]);
    expect((await call('GET', url, donor)).statusCode).toBe(404);
    expect((await call('GET', `/api/institutions/${ids.health}/focal-points`, officer)).json().items).toEqual([]);
  });
});
