import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { registerExpert, signInDemo } from './experts.test-helper.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

const profile = {
  firstName: 'Zineb',
  lastName: 'Kettanioui',
  nameAr: 'زينب الكتاني',
  gender: 'female',
  birthDate: '1979-11-02',
  phone: '+31 6 9999 8888',
  nationalities: ['MA', 'NL'],
  residenceCountry: 'NL',
  residenceCity: 'Rotterdam',
  originCountry: 'MA',
  occupation: '2310',
  sectors: ['11420'],
  headline: 'Professor of civil engineering',
  summary: 'Teaches bridges.',
  languages: [{ language: 'nl', level: 'C2' }],
  education: [{ degree: 'PhD', institution: 'TU Delft' }],
  experience: [{ title: 'Professor', employer: 'Erasmus Hogeschool', startsOn: '2010-09-01' }],
  skills: [{ label: 'Structural engineering' }],
  availability: [{ startsOn: '2031-01-01', endsOn: '2031-02-01', onSite: false, online: true }],
};

async function fullExpert(email: string) {
  const expert = await registerExpert(t, 'Zineb Kettanioui', email);
  const saved = await t.request({ method: 'PATCH', url: '/api/experts/me', cookie: expert.cookie, payload: profile });
  expect(saved.statusCode).toBe(200);
  return expert;
}

describe('downloading my data', () => {
  it('is a zip attachment with me.json: account without secrets, profile, lists, consents, my audit events', async () => {
    const expert = await fullExpert('zineb.export@example.org');
    const response = await t.request({ method: 'GET', url: '/api/experts/me/export', cookie: expert.cookie });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="passerelle-my-data-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const files = unzipSync(new Uint8Array(response.rawPayload));
    expect(Object.keys(files)).toEqual(['me.json']);
    const text = strFromU8(files['me.json']!);
    const data = JSON.parse(text);
    expect(data.account).toMatchObject({ id: expert.id, email: 'zineb.export@example.org', name: 'Zineb Kettanioui' });
    expect(data.profile).toMatchObject({ firstName: 'Zineb', phone: profile.phone, birthDate: profile.birthDate });
    expect(data.languages).toEqual(profile.languages);
    expect(data.education).toEqual([expect.objectContaining({ degree: 'PhD' })]);
    expect(data.experience).toEqual([expect.objectContaining({ employer: 'Erasmus Hogeschool' })]);
    expect(data.skills).toEqual([expect.objectContaining({ label: 'Structural engineering' })]);
    expect(data.availability).toHaveLength(1);
    expect(data.consents).toEqual([expect.objectContaining({ purpose: 'processing', withdrawnAt: null })]);
    expect(data.auditEvents.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['user.registered', 'expert.profile_created', 'expert.profile_updated']),
    );
    const [secrets] = await t.database.query<{ password_hash: string }>(
      'select password_hash from users where id = $1',
      [expert.id],
    );
    expect(text).not.toContain(secrets!.password_hash);
    for (const key of ['passwordHash', 'totpSecret', 'pendingTotpSecret', 'searchVector', 'failedLoginCount']) {
      expect(text).not.toContain(key);
    }
  });

  it('is refused to anyone but the expert', async () => {
    for (const role of ['admin', 'donor'] as const) {
      const response = await t.request({
        method: 'GET',
        url: '/api/experts/me/export',
        cookie: await signInDemo(t, role),
      });
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('erasing my account', () => {
  /** Rows of every table that could hold the person, as text, to search for their details. */
  async function traces(userId: string): Promise<string> {
    const tables = [
      'expert_profiles',
      'expert_languages',
      'expert_education',
      'expert_experience',
      'expert_skills',
      'expert_availability',
      'saved_searches',
      'consents',
      'sessions',
      'user_tokens',
    ];
    const rows: unknown[] = [];
    for (const table of tables) {
      rows.push(
        ...(await t.database.query(`select row_to_json(x) as row from ${table} x where user_id = $1`, [userId])),
      );
    }
    rows.push(...(await t.database.query('select row_to_json(x) as row from users x where id = $1', [userId])));
    rows.push(
      ...(await t.database.query('select row_to_json(x) as row from email_outbox x where to_user_id = $1', [userId])),
    );
    rows.push(...(await t.database.query('select changes, ip from audit_events where entity_id = $1', [userId])));
    return JSON.stringify(rows);
  }
  const aggregates = () =>
    t.database.query(
      'select gender, residence_country, origin_country, occupation, sectors, count(*)::int as n from expert_profiles group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5',
    );

  it('refuses a wrong password with a field error and changes nothing', async () => {
    const expert = await fullExpert('zineb.wrong@example.org');
    const before = await traces(expert.id);
    const response = await t.request({
      method: 'DELETE',
      url: '/api/experts/me',
      cookie: expert.cookie,
      payload: { password: 'not my password' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      expect.objectContaining({ path: 'password', code: 'invalid_credentials' }),
    ]);
    expect(await traces(expert.id)).toBe(before);
  });

  it('removes every personal field, keeps the anonymous counts, signs out for good and hides the profile', async () => {
    const expert = await fullExpert('zineb.erase@example.org');
    await t.database.query("insert into saved_searches (user_id, name, query) values ($1, 'mine', '{}')", [expert.id]);
    const countsBefore = await aggregates();
    const before = await traces(expert.id);
    for (const personal of ['Zineb', 'Kettanioui', 'zineb.erase@example.org', '9999 8888', 'Rotterdam', 'زينب']) {
      expect(before).toContain(personal);
    }

    const response = await t.request({
      method: 'DELETE',
      url: '/api/experts/me',
      cookie: expert.cookie,
      payload: { password: expert.password },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'erased' });
    const cleared = response.cookies.find((cookie) => cookie.name === 'passerelle_session');
    expect(cleared?.value).toBe('');

    const after = await traces(expert.id);
    for (const personal of [
      'Zineb',
      'Kettanioui',
      'zineb.erase',
      '9999',
      'Rotterdam',
      'زينب',
      '1979',
      'bridges',
      'Delft',
    ]) {
      expect(after).not.toContain(personal);
    }
    expect(await aggregates()).toEqual(countsBefore);
    const [row] = await t.database.query<Record<string, unknown>>(
      'select first_name, last_name, name_ar, birth_date, phone, nationalities, name_keys, search_vector, gender, residence_country, origin_country, sectors, occupation, erased_at from expert_profiles where user_id = $1',
      [expert.id],
    );
    expect(row).toMatchObject({
      first_name: '',
      last_name: '',
      name_ar: null,
      birth_date: null,
      phone: null,
      nationalities: [],
      name_keys: [],
      search_vector: null,
      gender: 'female',
      residence_country: 'NL',
      origin_country: 'MA',
      sectors: ['11420'],
      occupation: '2310',
    });
    expect(row!.erased_at).not.toBeNull();
    const [user] = await t.database.query<Record<string, unknown>>(
      'select email, name, password_hash, totp_secret, status from users where id = $1',
      [expert.id],
    );
    expect(user).toEqual({
      email: `erased-${expert.id}@erased.invalid`,
      name: '',
      password_hash: null,
      totp_secret: null,
      status: 'disabled',
    });
    const active = await t.database.query('select 1 from consents where user_id = $1 and withdrawn_at is null', [
      expert.id,
    ]);
    expect(active).toHaveLength(0);
    const [event] = await t.database.query<{ actor_id: string; entity_id: string; changes: unknown; ip: unknown }>(
      "select actor_id, entity_id, changes, ip from audit_events where action = 'expert.erased'",
    );
    expect(event).toMatchObject({ actor_id: expert.id, entity_id: expert.id, ip: null });
    expect(JSON.stringify(event!.changes)).not.toMatch(/Zineb|Kettanioui|zineb|9999/);

    expect((await t.request({ method: 'GET', url: '/api/me', cookie: expert.cookie })).statusCode).toBe(401);
    const login = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'zineb.erase@example.org', password: expert.password },
    });
    expect(login.statusCode).toBe(401);
    const staff = await signInDemo(t, 'admin');
    const read = await t.request({ method: 'GET', url: `/api/experts/${expert.id}`, cookie: staff });
    expect(read.statusCode).toBe(404);
  });
});
