import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';

let t: TestApp;
let officer: string;
let me: string;
let expert: string;
let donor: string;
let focal: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  me = await signInDemo(t, 'me');
  expert = await signInDemo(t, 'expert');
  donor = await signInDemo(t, 'donor');
  focal = await signInDemo(t, 'focal.point');
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  t.request({ method, url, cookie, ...(payload ? { payload } : {}) });

const iraq = {
  code: 'cd4d-iq',
  name: 'CD4D Irak',
  donor: 'Ministère des Affaires étrangères des Pays-Bas',
  countries: ['IQ'],
  startsOn: '2027-01-01',
  endsOn: '2029-12-31',
  status: 'planned',
  prioritySectors: ['12191', '11420', '12191'],
  eligibleResidenceCountries: ['NL'],
  description: '<script>alert(1)</script> stays text',
};

describe('programmes', () => {
  it('lists every programme with all its fields to any signed-in user', async () => {
    for (const cookie of [officer, me, expert, donor, focal]) {
      const response = await call('GET', '/api/programmes', cookie);
      expect(response.statusCode, response.body).toBe(200);
      const codes = response.json().items.map((item: { code: string }) => item.code);
      expect(codes).toEqual(expect.arrayContaining(['trqn-3-ma', 'cd4d-ma']));
    }
    const cd4d = (await call('GET', '/api/programmes', officer))
      .json()
      .items.find((item: { code: string }) => item.code === 'cd4d-ma');
    expect(cd4d.prioritySectors).toContain('11420');
    expect(cd4d.eligibleResidenceCountries).toEqual(expect.arrayContaining(['NL', 'DE', 'BE']));
    expect(cd4d.allowedActions).toEqual(['programme.update']);
    const list = await call('GET', '/api/programmes', expert);
    expect(list.json().allowedActions).toEqual([]);
    expect(list.json().items[0].allowedActions).toEqual([]);
  });

  it('creates a programme, de-duplicates codes, keeps text as text and audits it', async () => {
    const response = await call('POST', '/api/programmes', officer, iraq);
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ code: 'cd4d-iq', prioritySectors: ['12191', '11420'], endsOn: '2029-12-31' });
    expect(created.description).toBe('<script>alert(1)</script> stays text');
    const fetched = await call('GET', `/api/programmes/${created.id}`, expert);
    expect(fetched.json().name).toBe('CD4D Irak');
    const [event] = await t.database.query<{ actor_id: string; changes: Record<string, { after: unknown }> }>(
      "select actor_id, changes from audit_events where action = 'programme.created' and entity_id = $1",
      [created.id],
    );
    expect(event?.changes.code).toEqual({ after: 'cd4d-iq' });
    expect(event?.actor_id).toBeTruthy();
  });

  it('refuses a duplicate code with 409 programme_code_taken, on create and on update', async () => {
    const again = await call('POST', '/api/programmes', officer, { ...iraq, name: 'Other' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'programme_code_taken', fields: [{ path: 'code' }] });
    const trqn = (await call('GET', '/api/programmes', officer))
      .json()
      .items.find((item: { code: string }) => item.code === 'trqn-3-ma');
    const rename = await call('PATCH', `/api/programmes/${trqn.id}`, officer, { code: 'cd4d-ma' });
    expect(rename.statusCode).toBe(409);
  });

  it('names every bad field with its code: unknown countries and sectors, period, format', async () => {
    const response = await call('POST', '/api/programmes', officer, {
      ...iraq,
      code: 'bad-one',
      countries: ['XX', 'MA'],
      prioritySectors: ['99999'],
      eligibleResidenceCountries: ['ZZ'],
      startsOn: '2027-01-01',
      endsOn: '2026-12-31',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.fields).toEqual([
      expect.objectContaining({ path: 'countries.0', code: 'invalid_value' }),
      expect.objectContaining({ path: 'prioritySectors.0', code: 'invalid_value' }),
      expect.objectContaining({ path: 'eligibleResidenceCountries.0', code: 'invalid_value' }),
      expect.objectContaining({ path: 'endsOn', code: 'invalid_value' }),
    ]);
    const shape = await call('POST', '/api/programmes', officer, { ...iraq, code: 'Not A Code', status: 'maybe' });
    const paths = shape
      .json()
      .error.fields.map((field: { path: string }) => field.path)
      .sort();
    expect(paths).toEqual(['code', 'status']);
    const missing = await call('POST', '/api/programmes', officer, { code: 'x-y' });
    expect(missing.json().error.fields).toContainEqual(expect.objectContaining({ path: 'name', code: 'required' }));
  });

  it('updates the fields sent, checks the merged period, and audits before and after', async () => {
    const trqn = (await call('GET', '/api/programmes', officer))
      .json()
      .items.find((item: { code: string }) => item.code === 'trqn-3-ma');
    const late = await call('PATCH', `/api/programmes/${trqn.id}`, officer, { startsOn: '2017-01-01' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields).toEqual([expect.objectContaining({ path: 'endsOn', code: 'invalid_value' })]);
    const response = await call('PATCH', `/api/programmes/${trqn.id}`, officer, { donor: 'Pays-Bas', endsOn: null });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ donor: 'Pays-Bas', endsOn: null, status: 'closed' });
    const [event] = await t.database.query<{ changes: Record<string, unknown> }>(
      "select changes from audit_events where action = 'programme.updated' and entity_id = $1",
      [trqn.id],
    );
    expect(event?.changes).toEqual({
      donor: { before: 'Ministère des Affaires étrangères des Pays-Bas', after: 'Pays-Bas' },
      endsOn: { before: '2016-04-30', after: null },
    });
  });

  it('keeps the matching weights a programme departs from, and refuses weights that cannot score', async () => {
    const cd4d = (await call('GET', '/api/programmes', officer))
      .json()
      .items.find((item: { code: string }) => item.code === 'cd4d-ma');
    const url = `/api/programmes/${cd4d.id}`;
    const set = await call('PATCH', url, officer, { matchingWeights: { skills: 0.5, freshness: 0 } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().matchingWeights).toEqual({ skills: 0.5, freshness: 0 });
    const unknown = await call('PATCH', url, officer, { matchingWeights: { charisma: 1 } });
    expect(unknown.statusCode).toBe(400);
    const allZero = Object.fromEntries(
      ['skills', 'sectors', 'occupation', 'languages', 'availability', 'experience', 'evaluations', 'freshness'].map(
        (name) => [name, 0],
      ),
    );
    const nothing = await call('PATCH', url, officer, { matchingWeights: allZero });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.fields).toEqual([expect.objectContaining({ path: 'matchingWeights' })]);
    expect((await call('GET', '/api/programmes', officer)).json().items).toContainEqual(
      expect.objectContaining({ code: 'cd4d-ma', matchingWeights: { skills: 0.5, freshness: 0 } }),
    );
  });

  it('lets only programme officers and admins write', async () => {
    for (const cookie of [me, expert, donor, focal]) {
      const response = await call('POST', '/api/programmes', cookie, { ...iraq, code: 'refused' });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    const trqn = (await call('GET', '/api/programmes', me)).json().items[0];
    expect((await call('PATCH', `/api/programmes/${trqn.id}`, donor, { name: 'x' })).statusCode).toBe(403);
    const unknown = await call('GET', '/api/programmes/00000000-0000-4000-8000-000000000000', officer);
    expect(unknown.statusCode).toBe(404);
  });
});
