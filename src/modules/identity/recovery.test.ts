import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookieOf, type TestApp } from '../../../test/helpers/app.ts';
import { deliverTo, linkToken, startSmtpPeer, type SmtpPeer } from '../../../test/helpers/smtp.ts';

let t: TestApp;
let peer: SmtpPeer;
beforeAll(async () => {
  [t, peer] = await Promise.all([createTestApp({ demo: true }), startSmtpPeer()]);
});
afterAll(async () => {
  await Promise.all([t.close(), peer.close()]);
});

const post = (url: string, payload: Record<string, unknown>, extra: { cookie?: string; remoteAddress?: string } = {}) =>
  t.request({ method: 'POST', url, payload, ...extra });
const requestReset = (email: string, remoteAddress?: string) =>
  post('/api/auth/password-reset', { email }, remoteAddress ? { remoteAddress } : {});
const confirmReset = (token: string, password: string) => post('/api/auth/password-reset/confirm', { token, password });
const loginStatus = async (email: string, password: string) =>
  (await post('/api/auth/login', { email, password })).statusCode;

async function passwordHash(email: string): Promise<string> {
  const [row] = await t.database.query<{ password_hash: string }>('select password_hash from users where email = $1', [
    email,
  ]);
  return row!.password_hash;
}

/** Asks for a reset link and returns the e-mail that brought it (checking that a new one did arrive). */
async function resetMail(email: string) {
  const before = await deliverTo(t.database.db, peer, email, 'password_reset');
  expect((await requestReset(email)).statusCode).toBe(202);
  const after = await deliverTo(t.database.db, peer, email, 'password_reset');
  expect(after).toHaveLength(before.length + 1);
  return after.at(-1)!;
}
const resetToken = async (email: string) => linkToken(await resetMail(email), '/reset-password');

describe('password reset request', () => {
  it('answers 202 whether or not the account exists, and only an existing account gets an e-mail', async () => {
    const unknown = await requestReset('nobody@example.org');
    const known = await requestReset('expert@passerelle.example');
    expect([unknown.statusCode, known.statusCode]).toEqual([202, 202]);
    expect(unknown.json()).toEqual(known.json());
    expect(await deliverTo(t.database.db, peer, 'nobody@example.org', 'password_reset')).toEqual([]);
    expect(await t.database.query("select 1 from email_outbox where to_address = 'nobody@example.org'")).toEqual([]);
    const [mail, ...more] = await deliverTo(t.database.db, peer, 'expert@passerelle.example', 'password_reset');
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('Réinitialisation de votre mot de passe');
    expect(mail!.headers['content-language']).toBe('fr');
  });

  it('refuses more than the per-address allowance with 429, and stays silent past the per-account one', async () => {
    for (let i = 0; i < 20; i++) expect((await requestReset(`x${i}@example.org`, '198.51.100.7')).statusCode).toBe(202);
    const over = await requestReset('x-last@example.org', '198.51.100.7');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate_limited');

    // Someone asking again and again for one account: same answer, but the mailbox is not flooded.
    for (let i = 0; i < 7; i++)
      expect((await requestReset('donor@passerelle.example', '198.51.100.8')).statusCode).toBe(202);
    const mails = await deliverTo(t.database.db, peer, 'donor@passerelle.example', 'password_reset');
    expect(mails).toHaveLength(5);
  });
});

describe('password reset with the e-mailed link', () => {
  const email = 'sanne.devries@example.org';
  const firstPassword = 'first password of Sanne';
  const newPassword = 'a brand new password';

  it('sets the new password once: revokes every session, unlocks, verifies the address and says so', async () => {
    const registered = await post('/api/auth/register', {
      name: 'Sanne de Vries',
      email,
      password: firstPassword,
      locale: 'nl',
      consentToProcessing: true,
    });
    const session = sessionCookieOf(registered);
    for (let i = 0; i < 5; i++) await post('/api/auth/login', { email, password: 'not the password' });
    expect(await loginStatus(email, firstPassword)).toBe(423);

    const mail = await resetMail(email);
    expect(mail.subject).toBe('Stel uw wachtwoord opnieuw in');
    expect(mail.headers['content-language']).toBe('nl');
    const token = linkToken(mail, '/reset-password');

    expect((await confirmReset(token, newPassword)).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/me', cookie: session })).statusCode).toBe(401);
    expect(await loginStatus(email, firstPassword)).toBe(401);
    const signedIn = await post('/api/auth/login', { email, password: newPassword });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.emailVerified).toBe(true);
    const [changed, ...more] = await deliverTo(t.database.db, peer, email, 'password_changed');
    expect(more).toEqual([]);
    expect(changed!.subject).toBe('Uw wachtwoord is gewijzigd');
    expect(changed!.text).toContain('/forgot-password');

    const hashAfterReset = await passwordHash(email);
    const again = await confirmReset(token, 'yet another password');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('token_used');
    expect(await passwordHash(email)).toBe(hashAfterReset);
  });

  it('refuses an expired link with token_expired and changes nothing', async () => {
    const token = await resetToken('expert@passerelle.example');
    await t.database.query(
      `update user_tokens set expires_at = now() - interval '1 minute'
       where purpose = 'reset_password' and user_id = (select id from users where email = $1)`,
      ['expert@passerelle.example'],
    );
    const before = await passwordHash('expert@passerelle.example');
    const expired = await confirmReset(token, 'a password never set');
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error).toMatchObject({ code: 'token_expired', fields: [{ path: 'token' }] });
    expect(await passwordHash('expert@passerelle.example')).toBe(before);
    expect(await loginStatus('expert@passerelle.example', 'passerelle-demo')).toBe(200);
  });

  it('refuses an unknown link with token_invalid, and a link replaced by a newer one', async () => {
    const before = await passwordHash('focal.point@passerelle.example');
    const unknown = await confirmReset('x'.repeat(43), 'a password never set');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('token_invalid');

    const older = await resetToken('focal.point@passerelle.example');
    const newer = await resetToken('focal.point@passerelle.example');
    expect((await confirmReset(older, 'a password never set')).json().error.code).toBe('token_used');
    expect(await passwordHash('focal.point@passerelle.example')).toBe(before);
    expect((await confirmReset(newer, 'the focal point’s new password')).statusCode).toBe(200);
  });
});

describe('claiming an invited account', () => {
  it('lets the owner of an imported account (invited, no password) set a password and sign in', async () => {
    const email = 'imported.claim@example.org';
    await t.database.query(
      `insert into users (email, name, status, password_hash) values ($1, 'Imported Person', 'invited', null)`,
      [email],
    );
    expect(await loginStatus(email, 'a brand new passphrase')).toBe(401);
    expect((await confirmReset(await resetToken(email), 'a brand new passphrase')).statusCode).toBe(200);
    const [row] = await t.database.query<{ status: string; verified: boolean }>(
      'select status, email_verified_at is not null as verified from users where email = $1',
      [email],
    );
    expect(row).toEqual({ status: 'active', verified: true });
    expect(await loginStatus(email, 'a brand new passphrase')).toBe(200);
  });

  it('sends nothing to a disabled account', async () => {
    const email = 'disabled.claim@example.org';
    await t.database.query(`insert into users (email, name, status) values ($1, 'Closed Account', 'disabled')`, [
      email,
    ]);
    expect((await requestReset(email)).statusCode).toBe(202);
    expect(await deliverTo(t.database.db, peer, email, 'password_reset')).toEqual([]);
  });
});
