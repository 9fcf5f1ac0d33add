import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTotpSecret } from '../../src/demo/load.ts';
import { createTestApp, sessionCookieOf, totpCode, type TestApp } from '../helpers/app.ts';

interface AuditItem {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: unknown;
}

let t: TestApp;
let adminCookie: string;
/** Every secret typed or issued during the scenario: none may end up in the audit trail. */
const secrets: string[] = [demoTotpSecret];
const email = 'audit.person@walk.example';
let userId: string;
let cookie: string;

const passwords = {
  registered: 'first password 1234',
  changed: 'second password 5678',
  reset: 'third password 9012',
  invited: 'invited password 3456',
  wrong: 'wrong password 7890',
};
secrets.push(...Object.values(passwords));

/** The token in the last e-mail of a template sent to an address (the outbox keeps the rendered text). */
async function tokenFromOutbox(to: string, template: string): Promise<string> {
  const [row] = await t.database.query<{ text_body: string }>(
    'select text_body from email_outbox where to_address = $1 and template = $2 order by created_at desc limit 1',
    [to, template],
  );
  const token = /token=([A-Za-z0-9_-]+)/.exec(row?.text_body ?? '')?.[1];
  if (!token) throw new Error(`no ${template} e-mail with a token for ${to}`);
  secrets.push(token);
  return token;
}

async function audit(query: string): Promise<{ items: AuditItem[]; total: number; page: number; pageSize: number }> {
  const response = await t.request({ method: 'GET', url: `/api/audit-events?${query}`, cookie: adminCookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  adminCookie = await t.login('admin@passerelle.example', undefined, demoTotpSecret);
  secrets.push(adminCookie.split('=')[1]!);
});
afterAll(() => t.close());

describe('audit events written by identity operations', () => {
  it('registration writes user.registered', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { name: 'Audit Person', email, password: passwords.registered, consentToProcessing: true },
    });
    expect(response.statusCode).toBe(201);
    userId = response.json().user.id;
    secrets.push(sessionCookieOf(response).split('=')[1]!);
    const { items } = await audit(`action=user.registered&actorId=${userId}`);
    expect(items).toEqual([expect.objectContaining({ entityType: 'user', entityId: userId, actorId: userId })]);
  });

  it('a login writes session.created', async () => {
    cookie = await t.login(email, passwords.registered);
    secrets.push(cookie.split('=')[1]!);
    const { items } = await audit(`action=session.created&actorId=${userId}`);
    expect(items).toHaveLength(1);
  });

  it('PATCH /api/me writes user.updated: before and after for the language, only the fact of a new name', async () => {
    const response = await t.request({
      method: 'PATCH',
      url: '/api/me',
      cookie,
      payload: { name: 'Audit Person-Renamed', locale: 'ar' },
    });
    expect(response.statusCode).toBe(200);
    const { items } = await audit(`action=user.updated&entityId=${userId}`);
    expect(items).toHaveLength(1);
    expect(items[0]!.changes).toEqual({
      name: { after: 'changed' },
      locale: { before: 'fr', after: 'ar' },
    });
  });

  it('after verification, password change and reset, TOTP, invitation and a lock-out: no secret in any event', async () => {
    const verifyToken = await tokenFromOutbox(email, 'verify_email');
    expect(
      (await t.request({ method: 'POST', url: '/api/auth/verify-email', payload: { token: verifyToken } })).statusCode,
    ).toBe(200);
    const change = await t.request({
      method: 'POST',
      url: '/api/me/password',
      cookie,
      payload: { currentPassword: passwords.registered, newPassword: passwords.changed },
    });
    expect(change.statusCode).toBe(200);
    await t.request({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
    const resetToken = await tokenFromOutbox(email, 'password_reset');
    const reset = await t.request({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: resetToken, password: passwords.reset },
    });
    expect(reset.statusCode).toBe(200);
    cookie = await t.login(email, passwords.reset);
    secrets.push(cookie.split('=')[1]!);
    const setup = await t.request({ method: 'POST', url: '/api/auth/totp/setup', cookie });
    const { secret } = setup.json() as { secret: string };
    secrets.push(secret);
    const enable = await t.request({
      method: 'POST',
      url: '/api/auth/totp/enable',
      cookie,
      payload: { code: totpCode(secret) },
    });
    expect(enable.statusCode).toBe(200);

    const invite = await t.request({
      method: 'POST',
      url: '/api/invitations',
      cookie: adminCookie,
      payload: { email: 'audit.donor@walk.example', name: 'Audit Donor', role: 'donor' },
    });
    expect(invite.statusCode).toBe(201);
    const invitationToken = await tokenFromOutbox('audit.donor@walk.example', 'invitation');
    const accept = await t.request({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token: invitationToken, password: passwords.invited },
    });
    expect(accept.statusCode).toBe(200);
    for (let attempt = 0; attempt < 5; attempt++) {
      await t.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'audit.donor@walk.example', password: passwords.wrong },
      });
    }
    await t.request({ method: 'POST', url: '/api/auth/logout', cookie });

    const rows = await t.database.query<Record<string, unknown>>('select * from audit_events');
    const actions = new Set(rows.map((row) => row.action));
    for (const action of [
      'user.email_verified',
      'user.password_changed',
      'user.password_reset_requested',
      'user.password_reset',
      'user.totp_enabled',
      'user.invited',
      'user.invitation_accepted',
      'user.locked',
      'session.revoked',
    ]) {
      expect(actions, action).toContain(action);
    }
    const trail = JSON.stringify(rows);
    for (const value of secrets) expect(trail.includes(value), `a secret in the audit trail`).toBe(false);
    // Nor a password hash or a token hash (SHA-256 hex), nor a field named after a secret holder.
    expect(trail).not.toMatch(/\$argon2|[0-9a-f]{64}|passwordHash|password_hash|tokenHash|totpSecret/i);
  });
});

describe('listing the audit trail', () => {
  it('filters by action, entity type and actor', async () => {
    const byAction = await audit('action=session.created');
    expect(byAction.total).toBeGreaterThanOrEqual(3);
    expect(byAction.items.every((item) => item.action === 'session.created')).toBe(true);
    const byEntity = await audit('entityType=email');
    expect(byEntity.total).toBe(0);
    const byActor = await audit(`actorId=${userId}`);
    expect(byActor.items.length).toBeGreaterThanOrEqual(6);
    expect(byActor.items.every((item) => item.actorId === userId)).toBe(true);
    const [admin] = await t.database.query<{ id: string }>(
      "select id from users where email = 'admin@passerelle.example'",
    );
    const byAdmin = await audit(`actorId=${admin!.id}&entityType=user&action=user.invited`);
    expect(byAdmin.items).toEqual([expect.objectContaining({ action: 'user.invited', actorId: admin!.id })]);
  });

  it('filters by a date range', async () => {
    const [updated] = (await audit(`action=user.updated&entityId=${userId}`)).items;
    const [registered] = (await audit(`action=user.registered&entityId=${userId}`)).items;
    const at = new Date(updated!.at);
    const from = encodeURIComponent(at.toISOString());
    const to = encodeURIComponent(new Date(at.getTime() + 1).toISOString());
    const since = await audit(`from=${from}&pageSize=200`);
    expect(since.items.map((item) => item.id)).toContain(updated!.id);
    expect(since.items.map((item) => item.id)).not.toContain(registered!.id);
    expect(since.items.every((item) => new Date(item.at) >= at)).toBe(true);
    const until = await audit(`to=${to}&pageSize=200`);
    expect(until.items.map((item) => item.id)).toEqual(expect.arrayContaining([updated!.id, registered!.id]));
    expect(until.items.every((item) => new Date(item.at).getTime() <= at.getTime() + 1)).toBe(true);
    const nothing = await audit(`from=${to}&to=${from}`);
    expect(nothing.total).toBe(0);
  });

  it('pages newest first, without overlap', async () => {
    const all = await audit('pageSize=200');
    const first = await audit('page=1&pageSize=3');
    const second = await audit('page=2&pageSize=3');
    expect(first).toMatchObject({ page: 1, pageSize: 3, total: all.total });
    expect(first.items).toHaveLength(3);
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(
      all.items.slice(0, 6).map((item) => item.id),
    );
    const times = all.items.map((item) => Date.parse(item.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('refuses bad filters with 400 naming the field', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/audit-events?from=yesterday&extra=1',
      cookie: adminCookie,
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['querystring.from', 'querystring.extra']));
  });

  it('is for admins only', async () => {
    const others: Array<[string, string | undefined]> = [
      ['officer@passerelle.example', demoTotpSecret],
      ['me@passerelle.example', demoTotpSecret],
      ['focal.point@passerelle.example', undefined],
      ['expert@passerelle.example', undefined],
      ['donor@passerelle.example', undefined],
    ];
    for (const [address, totp] of others) {
      const other = await t.login(address, undefined, totp);
      const response = await t.request({ method: 'GET', url: '/api/audit-events', cookie: other });
      expect(response.statusCode, address).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    expect((await t.request({ method: 'GET', url: '/api/audit-events' })).statusCode).toBe(401);
  });
});
