import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookieOf, totpCode, type TestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

const register = (payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/auth/register', payload });

describe('registration', () => {
  it('creates an expert with consent, signs them in and queues a verification e-mail in their language', async () => {
    const response = await register({
      name: 'Nadia Benali',
      email: 'Nadia.Benali@Example.org',
      password: 'a long enough password',
      locale: 'nl',
      consentToProcessing: true,
    });
    expect(response.statusCode).toBe(201);
    const me = response.json();
    expect(me.user).toMatchObject({ email: 'nadia.benali@example.org', locale: 'nl', emailVerified: false });
    expect(me.roles).toEqual([{ role: 'expert', programme: null, institution: null }]);
    const cookie = sessionCookieOf(response);
    expect((await t.request({ method: 'GET', url: '/api/me', cookie })).statusCode).toBe(200);
    const [mail] = await t.database.query<{ subject: string; locale: string }>(
      "select subject, locale from email_outbox where to_address = 'nadia.benali@example.org'",
    );
    expect(mail).toEqual({ subject: 'Bevestig uw e-mailadres', locale: 'nl' });
  });

  it('refuses a second account on the same address with 409 email_taken, whatever the case', async () => {
    const response = await register({
      name: 'X',
      email: 'NADIA.benali@example.org',
      password: 'another password',
      consentToProcessing: true,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('email_taken');
  });

  it('requires consent, and names each faulty field', async () => {
    const response = await register({ name: '', email: 'not-an-email', password: 'short', consentToProcessing: false });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((field: { path: string }) => field.path).sort()).toEqual([
      'consentToProcessing',
      'email',
      'name',
      'password',
    ]);
  });

  it('refuses unknown fields, wrong types and over-long strings without writing anything', async () => {
    const before = await t.database.query<{ n: number }>('select count(*)::int as n from users');
    const unknown = await register({
      name: 'A',
      email: 'a@example.org',
      password: 'long password 1',
      consentToProcessing: true,
      role: 'admin',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([expect.objectContaining({ path: 'role', code: 'unknown_field' })]);
    const wrongType = await register({
      name: 42,
      email: 'b@example.org',
      password: 'long password 1',
      consentToProcessing: true,
    });
    expect(wrongType.json().error.fields[0]).toMatchObject({ path: 'name', code: 'invalid_type' });
    const tooLong = await register({
      name: 'x'.repeat(201),
      email: 'c@example.org',
      password: 'long password 1',
      consentToProcessing: true,
    });
    expect(tooLong.json().error.fields[0]).toMatchObject({ path: 'name', code: 'too_long' });
    const after = await t.database.query<{ n: number }>('select count(*)::int as n from users');
    expect(after).toEqual(before);
  });

  it('answers malformed JSON and oversized bodies with their own codes', async () => {
    const malformed = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('malformed_json');
    const huge = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: JSON.stringify({ name: 'x'.repeat(300 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });
});

describe('login', () => {
  it('signs an expert in with e-mail and password and sets an HttpOnly, SameSite=Lax cookie', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'expert@passerelle.example', password: 'passerelle-demo' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'passerelle_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.json().roles[0].role).toBe('expert');
    // The roster's rules reach /api/me too: an expert may not search it.
    expect(response.json().allowedActions).not.toContain('roster.search');
  });

  it('asks staff for their TOTP code, refuses a wrong one and accepts the right one', async () => {
    const payload = { email: 'admin@passerelle.example', password: 'passerelle-demo' };
    const missing = await t.request({ method: 'POST', url: '/api/auth/login', payload });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('totp_required');
    const wrong = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { ...payload, totp: '000000' === totpCode() ? '111111' : '000000' },
    });
    expect(wrong.json().error.code).toBe('totp_invalid');
    const right = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { ...payload, totp: totpCode() },
    });
    expect(right.statusCode).toBe(200);
    expect(right.json().allowedActions).toEqual(expect.arrayContaining(['audit.list', 'roster.search']));
  });

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const unknown = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.org', password: 'whatever it is' },
    });
    const wrong = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'donor@passerelle.example', password: 'wrong password' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('invalid_credentials');
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('logout revokes the session on the server, not only the cookie', async () => {
    const cookie = await t.login('donor@passerelle.example');
    expect((await t.request({ method: 'POST', url: '/api/auth/logout', cookie })).statusCode).toBe(200);
    const after = await t.request({ method: 'GET', url: '/api/me', cookie });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
  });
});
