import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

describe('my account', () => {
  it('changes name and language, and audits the change without keeping the name', async () => {
    const cookie = await t.login('donor@passerelle.example');
    const response = await t.request({
      method: 'PATCH',
      url: '/api/me',
      cookie,
      payload: { locale: 'nl', name: 'Dirk de Donor' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ locale: 'nl', name: 'Dirk de Donor' });
    const [event] = await t.database.query<{ changes: unknown }>(
      "select changes from audit_events where action = 'user.updated' order by at desc limit 1",
    );
    expect(event!.changes).toEqual({
      locale: { before: 'fr', after: 'nl' },
      name: { after: 'changed' },
    });
  });

  it('refuses a password change with a wrong current password, naming the field, and changes nothing', async () => {
    const cookie = await t.login('expert@passerelle.example');
    const [before] = await t.database.query<{ password_hash: string }>(
      "select password_hash from users where email = 'expert@passerelle.example'",
    );
    const response = await t.request({
      method: 'POST',
      url: '/api/me/password',
      cookie,
      payload: { currentPassword: 'not my password', newPassword: 'a brand new password' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      expect.objectContaining({ path: 'currentPassword', code: 'invalid_credentials' }),
    ]);
    const [after] = await t.database.query<{ password_hash: string }>(
      "select password_hash from users where email = 'expert@passerelle.example'",
    );
    expect(after).toEqual(before);
  });

  it('changes the password, keeps this session, signs out the others and tells the owner by e-mail', async () => {
    const other = await t.login('expert@passerelle.example');
    const current = await t.login('expert@passerelle.example');
    const response = await t.request({
      method: 'POST',
      url: '/api/me/password',
      cookie: current,
      payload: { currentPassword: 'passerelle-demo', newPassword: 'a brand new password' },
    });
    expect(response.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/me', cookie: current })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/me', cookie: other })).statusCode).toBe(401);
    const mails = await t.database.query<{ template: string }>(
      "select template from email_outbox where to_address = 'expert@passerelle.example' and template = 'password_changed'",
    );
    expect(mails).toHaveLength(1);
    await expect(t.login('expert@passerelle.example', 'a brand new password')).resolves.toContain(
      'passerelle_session=',
    );
  });

  it('limits verification resends per account', async () => {
    const registered = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        name: 'Salma Tazi',
        email: 'salma@example.org',
        password: 'long enough pass',
        consentToProcessing: true,
      },
    });
    const cookie = `passerelle_session=${registered.cookies.find((c) => c.name === 'passerelle_session')!.value}`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await t.request({ method: 'POST', url: '/api/auth/verify-email/resend', cookie })).statusCode);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const mails = await t.database.query<{ n: number }>(
      "select count(*)::int as n from email_outbox where to_address = 'salma@example.org'",
    );
    // The registration's e-mail plus five resends.
    expect(mails[0]!.n).toBe(6);
  });

  it('stops a signed-in session from guessing the password: 10 confirmations an hour', async () => {
    const cookie = await t.login('officer@passerelle.example', 'passerelle-demo', 'JBSWY3DPEHPK3PXP');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await t.request({
        method: 'POST',
        url: '/api/me/password',
        cookie,
        payload: { currentPassword: `guess number ${i}`, newPassword: 'a brand new password' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
  });
});
