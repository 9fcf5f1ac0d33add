import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { deliverTo, linkToken, startSmtpPeer, type SmtpPeer } from '../../../test/helpers/smtp.ts';
import { demoTotpSecret } from '../../demo/load.ts';

let t: TestApp;
let peer: SmtpPeer;
let admin: string;
let institutionId: string;
beforeAll(async () => {
  [t, peer] = await Promise.all([createTestApp({ demo: true }), startSmtpPeer()]);
  admin = await t.login('admin@passerelle.example', undefined, demoTotpSecret);
  const [institution] = await t.database.query<{ id: string }>(
    "select id from institutions where name_fr like 'Ministère de l’Enseignement Supérieur%'",
  );
  institutionId = institution!.id;
});
afterAll(async () => {
  await Promise.all([t.close(), peer.close()]);
});

const invite = (cookie: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/invitations', cookie, payload });
const accept = (token: string, password: string) =>
  t.request({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password } });
const login = (email: string, password: string) =>
  t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

/** Delivers the outbox and returns the invitation token the invitee received. */
async function invitationToken(email: string): Promise<string> {
  const [mail] = await deliverTo(t.database.db, peer, email, 'invitation');
  return linkToken(mail!, '/accept-invitation');
}

describe('invitations', () => {
  it('an admin invites a focal point, who gets the e-mail, accepts with a password and signs in', async () => {
    const email = 'latifa.bennani@example.org';
    const invited = await invite(admin, {
      email: 'Latifa.Bennani@Example.org',
      name: 'Latifa Bennani',
      role: 'focal_point',
      institutionId,
      locale: 'en',
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email, role: 'focal_point' });

    const [mail] = await deliverTo(t.database.db, peer, email, 'invitation');
    expect(mail!.subject).toBe('Invitation to join Passerelle');
    expect(mail!.headers['content-language']).toBe('en');
    expect(mail!.text).toContain('Amal Admin invites you to join Passerelle as focal point for your institution.');
    const token = linkToken(mail!, '/accept-invitation');

    expect((await login(email, 'the password she will choose')).json().error.code).toBe('invalid_credentials');
    expect((await accept(token, 'the password she will choose')).statusCode).toBe(200);
    const [user] = await t.database.query<{ status: string; verified: boolean }>(
      'select status, email_verified_at is not null as verified from users where email = $1',
      [email],
    );
    expect(user).toEqual({ status: 'active', verified: true });

    const signedIn = await login(email, 'the password she will choose');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({
      user: { email, locale: 'en', emailVerified: true },
      roles: [{ role: 'focal_point', institution: { id: institutionId } }],
      mfaEnrolmentRequired: false,
    });
    const again = await accept(token, 'another password');
    expect(again.json().error.code).toBe('token_used');
    const audit = await t.database.query(
      "select 1 from audit_events where action = 'user.invited' and entity_id = $1",
      [invited.json().id],
    );
    expect(audit).toHaveLength(1);
  });

  it('lets a programme officer invite focal points only, and an expert nobody', async () => {
    const officer = await t.login('officer@passerelle.example', undefined, demoTotpSecret);
    const focal = { email: 'focal.two@example.org', name: 'Focal Two', role: 'focal_point', institutionId };
    expect((await invite(officer, focal)).statusCode).toBe(201);
    const colleague = await invite(officer, { email: 'po.two@example.org', name: 'PO Two', role: 'programme_officer' });
    expect(colleague.statusCode).toBe(403);
    expect(colleague.json().error.code).toBe('forbidden');

    const expert = await t.login('expert@passerelle.example');
    const byExpert = await invite(expert, { ...focal, email: 'focal.three@example.org' });
    expect(byExpert.statusCode).toBe(403);
    const written = await t.database.query(
      "select 1 from users where email in ('po.two@example.org', 'focal.three@example.org')",
    );
    expect(written).toEqual([]);
  });

  it('asks for the institution of a focal point, naming the field', async () => {
    const response = await invite(admin, { email: 'focal.four@example.org', name: 'Focal Four', role: 'focal_point' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'institutionId' }] });
  });

  it('refuses an address that already has an account with 409 email_taken', async () => {
    const response = await invite(admin, { email: 'EXPERT@passerelle.example', name: 'Dup', role: 'donor' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('email_taken');
  });

  it('refuses an expired invitation, and one whose account was disabled meanwhile, changing nothing', async () => {
    await invite(admin, { email: 'late@example.org', name: 'Late Comer', role: 'donor' });
    const late = await invitationToken('late@example.org');
    await t.database.query(
      "update user_tokens set expires_at = now() - interval '1 minute' where user_id = (select id from users where email = $1)",
      ['late@example.org'],
    );
    expect((await accept(late, 'a password for later')).json().error.code).toBe('token_expired');

    await invite(admin, { email: 'gone@example.org', name: 'Gone Away', role: 'donor' });
    const gone = await invitationToken('gone@example.org');
    await t.database.query("update users set status = 'disabled' where email = 'gone@example.org'");
    const refused = await accept(gone, 'a password to get back in');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('token_invalid');
    const rows = await t.database.query<{ email: string; status: string; password_hash: string | null }>(
      "select email, status, password_hash from users where email in ('late@example.org', 'gone@example.org') order by email",
    );
    expect(rows).toEqual([
      { email: 'gone@example.org', status: 'disabled', password_hash: null },
      { email: 'late@example.org', status: 'invited', password_hash: null },
    ]);
  });
});
