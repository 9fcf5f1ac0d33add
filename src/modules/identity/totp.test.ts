import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookieOf, totpCode, type TestApp } from '../../../test/helpers/app.ts';
import { deliverTo, linkToken, startSmtpPeer, type SmtpPeer } from '../../../test/helpers/smtp.ts';
import { demoTotpSecret } from '../../demo/load.ts';

let t: TestApp;
let peer: SmtpPeer;
beforeAll(async () => {
  [t, peer] = await Promise.all([createTestApp({ demo: true }), startSmtpPeer()]);
});
afterAll(async () => {
  await Promise.all([t.close(), peer.close()]);
});

const email = 'hind.alaoui@example.org';
const password = 'Hind’s chosen password';

/** A six-digit code that the secret does not produce now, nor one step before or after (the accepted window). */
function wrongCode(secret: string): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  const now = Date.now();
  const valid = new Set([-30_000, 0, 30_000].map((offset) => totp.generate({ timestamp: now + offset })));
  return ['000000', '111111', '222222', '333333'].find((code) => !valid.has(code))!;
}

describe('TOTP enrolment of a newly invited staff member', () => {
  let cookie: string;
  let secret: string;

  it('signs them in without a code, but lets them do nothing but enrol', async () => {
    const admin = await t.login('admin@passerelle.example', undefined, demoTotpSecret);
    const invited = await t.request({
      method: 'POST',
      url: '/api/invitations',
      cookie: admin,
      payload: { email, name: 'Hind Alaoui', role: 'programme_officer', locale: 'fr' },
    });
    expect(invited.statusCode).toBe(201);
    const [mail] = await deliverTo(t.database.db, peer, email, 'invitation');
    // Staff are told before their first sign-in that a second factor awaits them.
    expect(mail!.text).toContain('application d’authentification');
    const accepted = await t.request({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token: linkToken(mail!, '/accept-invitation'), password },
    });
    expect(accepted.statusCode).toBe(200);

    const signedIn = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    expect(signedIn.statusCode).toBe(200);
    cookie = sessionCookieOf(signedIn);
    const me = await t.request({ method: 'GET', url: '/api/me', cookie });
    expect(me.json()).toMatchObject({ mfaEnrolmentRequired: true, allowedActions: [], user: { totpEnabled: false } });
    for (const [method, url] of [
      ['GET', '/api/admin/outbox'],
      ['POST', '/api/invitations'],
    ] as const) {
      const refused = await t.request({ method, url, cookie, payload: method === 'POST' ? {} : undefined });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('mfa_enrolment_required');
    }
  });

  it('proposes a secret with its otpauth URI and QR code, and refuses a wrong first code', async () => {
    const setup = await t.request({ method: 'POST', url: '/api/auth/totp/setup', cookie });
    expect(setup.statusCode).toBe(200);
    const body = setup.json();
    secret = body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(body.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Passerelle');
    expect(decodeURIComponent(uri.pathname)).toContain(email);
    expect(body.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    // Reloading the set-up page shows the same secret: a QR code already scanned stays valid.
    const reloaded = await t.request({ method: 'POST', url: '/api/auth/totp/setup', cookie });
    expect(reloaded.json().secret).toBe(secret);

    const wrong = await t.request({
      method: 'POST',
      url: '/api/auth/totp/enable',
      cookie,
      payload: { code: wrongCode(secret) },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'validation_failed',
      fields: [{ path: 'code', code: 'totp_invalid' }],
    });
    const me = await t.request({ method: 'GET', url: '/api/me', cookie });
    expect(me.json().mfaEnrolmentRequired).toBe(true);
  });

  it('turns the second factor on with a right code and opens the staff routes', async () => {
    const enabled = await t.request({
      method: 'POST',
      url: '/api/auth/totp/enable',
      cookie,
      payload: { code: totpCode(secret) },
    });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json()).toMatchObject({ mfaEnrolmentRequired: false, user: { totpEnabled: true } });
    expect(enabled.json().allowedActions).toContain('user.invite');
    const again = await t.request({ method: 'POST', url: '/api/auth/totp/setup', cookie });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('totp_already_enabled');
    const audit = await t.database.query(
      "select 1 from audit_events where action = 'user.totp_enabled' and entity_id = (select id::text from users where email = $1)",
      [email],
    );
    expect(audit).toHaveLength(1);
  });

  it('asks for the code at the next sign-in', async () => {
    const withoutCode = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().error.code).toBe('totp_required');
    const wrong = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password, totp: wrongCode(secret) },
    });
    expect(wrong.json().error.code).toBe('totp_invalid');
    const right = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password, totp: totpCode(secret) },
    });
    expect(right.statusCode).toBe(200);
    expect(right.json().mfaEnrolmentRequired).toBe(false);
  });
});
