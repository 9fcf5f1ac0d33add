import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { deliverTo, startSmtpPeer, type SmtpPeer } from '../../../test/helpers/smtp.ts';
import { lockMinutes, maxFailedLogins } from './commands/login.ts';
import { limits } from './rate-limits.ts';

let t: TestApp;
let peer: SmtpPeer;
beforeAll(async () => {
  [t, peer] = await Promise.all([createTestApp(), startSmtpPeer()]);
});
afterAll(async () => {
  await Promise.all([t.close(), peer.close()]);
});

const login = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

const email = 'rachid.elfassi@example.org';
const password = 'the right password';

describe('account lockout', () => {
  it('locks the account at the fifth wrong password, refuses even the right one, and tells the owner once', async () => {
    const registered = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { name: 'Rachid El Fassi', email, password, locale: 'ar', consentToProcessing: true },
    });
    expect(registered.statusCode).toBe(201);
    const userId: string = registered.json().user.id;

    const answers: { status: number; code: string }[] = [];
    for (let i = 0; i < maxFailedLogins; i++) {
      const response = await login(email, 'a wrong password');
      answers.push({ status: response.statusCode, code: response.json().error.code });
    }
    expect(answers.slice(0, -1)).toEqual(Array(maxFailedLogins - 1).fill({ status: 401, code: 'invalid_credentials' }));
    expect(answers.at(-1)).toEqual({ status: 423, code: 'account_locked' });

    const right = await login(email, password);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('account_locked');
    expect(right.cookies.find((cookie) => cookie.name === 'passerelle_session')).toBeUndefined();
    expect((await login(email, 'still wrong')).statusCode).toBe(423);

    const [mail, ...more] = await deliverTo(t.database.db, peer, email, 'account_locked');
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('تم قفل حسابك مؤقتاً');
    expect(mail!.headers['content-language']).toBe('ar');
    expect(mail!.text).toContain(`لمدة ${lockMinutes} دقيقة`);
    expect(mail!.text).toContain('/forgot-password');
    expect(mail!.html).toContain('dir="rtl"');

    const audit = await t.database.query<{ actor_id: string | null }>(
      "select actor_id from audit_events where action = 'user.locked' and entity_id = $1",
      [userId],
    );
    expect(audit).toEqual([{ actor_id: null }]);
  });

  it('lets the owner in with the right password once the lock has run out, with a fresh count', async () => {
    // The lock lasts minutes: move its end into the past rather than wait.
    await t.database.query("update users set locked_until = now() - interval '1 second' where email = $1", [email]);
    expect((await login(email, password)).statusCode).toBe(200);
    for (let i = 0; i < maxFailedLogins - 1; i++) expect((await login(email, 'wrong again')).statusCode).toBe(401);
    expect((await login(email, password)).statusCode).toBe(200);
    const mails = await deliverTo(t.database.db, peer, email, 'account_locked');
    expect(mails).toHaveLength(1);
  });
});

describe('per-address rate limit', () => {
  it('answers 429 rate_limited to an address past its allowance of failures, and only to that address', async () => {
    const address = '203.0.113.50';
    const { max } = limits.loginFailuresPerAddress;
    for (let i = 0; i < max; i++) {
      // Different unknown accounts: the per-account lock never comes into play, only the address counts.
      expect((await login(`nobody-${i}@example.org`, 'whatever', address)).statusCode).toBe(401);
    }
    const over = await login('nobody-else@example.org', 'whatever', address);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate_limited');
    expect((await login(email, password, address)).statusCode).toBe(429);
    expect((await login(email, password, '203.0.113.51')).statusCode).toBe(200);
  });
});
