import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookieOf, type TestApp } from '../../../test/helpers/app.ts';
import { refusedSmtpUrl, startSmtpPeer, type ReceivedEmail, type SmtpPeer } from '../../../test/helpers/smtp.ts';
import { demoTotpSecret } from '../../demo/load.ts';
import { backoffMs, leaseMs, maxAttempts, OutboxDelivery, type DeliveryOptions } from './delivery.ts';
import { enqueueEmail } from './outbox.ts';
import { renderEmail } from './templates.ts';

let t: TestApp;
let peer: SmtpPeer;
beforeAll(async () => {
  [t, peer] = await Promise.all([createTestApp({ demo: true }), startSmtpPeer()]);
});
afterAll(async () => {
  await Promise.all([t.close(), peer.close()]);
});
beforeEach(() => {
  peer.mode = { accept: true };
});

/** A logger that remembers what it was told: the only way to see what the worker logs without SMTP. */
function recordingLogger() {
  const calls: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => {
    calls.push({ level, fields, message });
  };
  const logger = { info: at('info'), warn: at('warn'), error: at('error') } as unknown as DeliveryOptions['logger'];
  return { logger, calls };
}

function worker(options: Partial<DeliveryOptions> = {}): OutboxDelivery {
  return new OutboxDelivery({
    db: t.database.db,
    smtpUrl: peer.url,
    mailFrom: 'Passerelle <no-reply@passerelle.example>',
    logger: recordingLogger().logger,
    ...options,
  });
}

interface OutboxRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
}

async function outboxRow(to: string, template: string): Promise<OutboxRow> {
  const rows = await t.database.query<OutboxRow>(
    `select id, status, attempts, last_error, next_attempt_at from email_outbox
     where to_address = $1 and template = $2 order by created_at desc limit 1`,
    [to, template],
  );
  if (!rows[0]) throw new Error(`no ${template} e-mail to ${to}`);
  return { ...rows[0], next_attempt_at: new Date(rows[0].next_attempt_at) };
}

const receivedBy = (address: string): ReceivedEmail[] => peer.received.filter((m) => m.recipients.includes(address));

const requestReset = (email: string) =>
  t.request({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });

describe('delivery over SMTP', () => {
  it('delivers the verification e-mail of a registration in the user’s language, and its link verifies', async () => {
    const registered = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        name: 'Karima Idrissi',
        email: 'karima.idrissi@example.org',
        password: 'a long enough password',
        locale: 'ar',
        consentToProcessing: true,
      },
    });
    expect(registered.statusCode).toBe(201);
    const cookie = sessionCookieOf(registered);

    expect(await worker().runOnce()).toBeGreaterThanOrEqual(1);
    const [mail, ...others] = receivedBy('karima.idrissi@example.org');
    expect(others).toEqual([]);
    expect(mail!.headers.to).toContain('karima.idrissi@example.org');
    expect(mail!.headers['content-language']).toBe('ar');
    expect(mail!.subject).toBe('أكّد عنوان بريدك الإلكتروني');
    expect(mail!.text).toContain('مرحباً Karima Idrissi');
    expect(mail!.html).toContain('dir="rtl"');
    const link = /(https?:\/\/\S+\/verify-email\?token=(\S+))/.exec(mail!.text);
    expect(link).not.toBeNull();
    expect(mail!.html).toContain(`href="${link![1]}"`);
    expect((await outboxRow('karima.idrissi@example.org', 'verify_email')).status).toBe('sent');

    const verified = await t.request({ method: 'POST', url: '/api/auth/verify-email', payload: { token: link![2] } });
    expect(verified.statusCode).toBe(200);
    const me = await t.request({ method: 'GET', url: '/api/me', cookie });
    expect(me.json().user.emailVerified).toBe(true);
    const again = await t.request({ method: 'POST', url: '/api/auth/verify-email', payload: { token: link![2] } });
    expect(again.json().error.code).toBe('token_used');
  });

  it('keeps a refused message pending with its error and backs off, then fails it after the last attempt', async () => {
    peer.mode = { accept: false, code: 451, message: 'Mailbox temporarily unavailable' };
    expect((await requestReset('expert@passerelle.example')).statusCode).toBe(202);
    let now = new Date();
    const delivery = worker({ now: () => now });

    expect(await delivery.runOnce()).toBe(0);
    let row = await outboxRow('expert@passerelle.example', 'password_reset');
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toContain('451');
    expect(row.next_attempt_at.getTime()).toBe(now.getTime() + backoffMs(1));

    // Not due yet: a pass at the same moment leaves it alone.
    await delivery.runOnce();
    expect((await outboxRow('expert@passerelle.example', 'password_reset')).attempts).toBe(1);

    for (let attempt = 2; attempt <= maxAttempts; attempt++) {
      now = row.next_attempt_at;
      await delivery.runOnce();
      row = await outboxRow('expert@passerelle.example', 'password_reset');
      expect(row.attempts).toBe(attempt);
      expect(row.status).toBe(attempt < maxAttempts ? 'pending' : 'failed');
      expect(row.next_attempt_at.getTime()).toBe(now.getTime() + backoffMs(attempt));
    }
    expect(receivedBy('expert@passerelle.example')).toEqual([]);

    // The admin sees it among the failed messages, puts it back, and the next pass delivers it.
    const admin = await t.login('admin@passerelle.example', undefined, demoTotpSecret);
    const failed = await t.request({ method: 'GET', url: '/api/admin/outbox?status=failed', cookie: admin });
    expect(failed.statusCode).toBe(200);
    expect(failed.json().items).toEqual([
      expect.objectContaining({ id: row.id, status: 'failed', attempts: maxAttempts, template: 'password_reset' }),
    ]);
    peer.mode = { accept: true };
    const retried = await t.request({ method: 'POST', url: `/api/admin/outbox/${row.id}/retry`, cookie: admin });
    expect(retried.statusCode).toBe(200);
    expect((await outboxRow('expert@passerelle.example', 'password_reset')).status).toBe('pending');
    now = new Date(Math.max(Date.now(), now.getTime()));
    expect(await delivery.runOnce()).toBe(1);
    const [mail] = receivedBy('expert@passerelle.example');
    expect(mail!.subject).toBe('Réinitialisation de votre mot de passe');
    expect(mail!.headers['content-language']).toBe('fr');
    expect(await outboxRow('expert@passerelle.example', 'password_reset')).toMatchObject({
      status: 'sent',
      attempts: maxAttempts + 1,
      last_error: null,
    });
    const audit = await t.database.query('select 1 from audit_events where action = $1 and entity_id = $2', [
      'outbox.retried',
      row.id,
    ]);
    expect(audit).toHaveLength(1);
    const twice = await t.request({ method: 'POST', url: `/api/admin/outbox/${row.id}/retry`, cookie: admin });
    expect(twice.statusCode).toBe(409);
  });

  it('counts a refused connection as a failed attempt, with the reason', async () => {
    expect((await requestReset('donor@passerelle.example')).statusCode).toBe(202);
    await worker({ smtpUrl: await refusedSmtpUrl() }).runOnce();
    const row = await outboxRow('donor@passerelle.example', 'password_reset');
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
  });
});

describe('a slow relay', () => {
  it('hands back the messages it no longer has the lease time to send, which the next pass sends', async () => {
    const addresses = ['slow-1@example.org', 'slow-2@example.org', 'slow-3@example.org'];
    for (const to of addresses) {
      await enqueueEmail(t.database.db, {
        to,
        locale: 'nl',
        template: 'verify_email',
        params: { name: to, link: 'http://localhost:3000/verify-email?token=x' },
      });
    }
    const start = new Date();
    const slowSent = () => peer.received.filter((mail) => mail.recipients[0]!.startsWith('slow-')).length;
    // Once the first message is through, the clock says the exchange took most of the lease.
    const before = peer.received.length;
    const delivery = worker({
      now: () => new Date(start.getTime() + (peer.received.length > before ? leaseMs - 60_000 : 0)),
    });
    expect(await delivery.runOnce()).toBe(1);
    const rows = await t.database.query<{ status: string; attempts: number; due: boolean }>(
      `select status, attempts, next_attempt_at <= $1 as due from email_outbox
       where to_address like 'slow-%' and status = 'pending'`,
      [new Date(start.getTime() + leaseMs - 60_000).toISOString()],
    );
    expect(rows).toEqual([
      { status: 'pending', attempts: 0, due: true },
      { status: 'pending', attempts: 0, due: true },
    ]);
    await worker({ now: () => new Date(start.getTime() + leaseMs - 60_000) }).runOnce();
    expect(slowSent()).toBe(3);
  });
});

describe('without SMTP_URL', () => {
  it('writes each message to the log once and keeps it pending in the outbox', async () => {
    expect((await requestReset('focal.point@passerelle.example')).statusCode).toBe(202);
    const { logger, calls } = recordingLogger();
    const delivery = worker({ smtpUrl: undefined, logger });
    expect(await delivery.runOnce()).toBe(0);
    await delivery.runOnce();
    const logged = calls.filter((call) => call.fields.to === 'focal.point@passerelle.example');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 'info',
      fields: { template: 'password_reset', subject: 'Réinitialisation de votre mot de passe' },
    });
    expect(String(logged[0]!.fields.body)).toContain('/reset-password?token=');
    const row = await outboxRow('focal.point@passerelle.example', 'password_reset');
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });

    const admin = await t.login('admin@passerelle.example', undefined, demoTotpSecret);
    const pending = await t.request({ method: 'GET', url: '/api/admin/outbox?status=pending', cookie: admin });
    expect(pending.json().items.map((item: { id: string }) => item.id)).toContain(row.id);
  });
});

describe('two workers on one database', () => {
  it('never send the same message twice', async () => {
    const addresses = Array.from({ length: 45 }, (_, i) => `bulk-${i}@example.org`);
    for (const to of addresses) {
      await enqueueEmail(t.database.db, {
        to,
        locale: 'en',
        template: 'password_changed',
        params: { name: to, resetLink: 'http://localhost:3000/forgot-password' },
      });
    }
    const drain = async (delivery: OutboxDelivery) => {
      // A pass that finds nothing to claim means the rest is leased to the other worker, which finishes it.
      while ((await delivery.runOnce()) > 0);
    };
    await Promise.all([drain(worker()), drain(worker())]);

    const bulk = peer.received.filter((mail) => mail.recipients[0]!.startsWith('bulk-'));
    expect(bulk.map((mail) => mail.recipients[0]).sort()).toEqual([...addresses].sort());
    const rows = await t.database.query<{ status: string; attempts: number }>(
      "select distinct status, attempts from email_outbox where to_address like 'bulk-%'",
    );
    expect(rows).toEqual([{ status: 'sent', attempts: 1 }]);
    expect(bulk[0]!.subject).toBe(renderEmail('password_changed', 'en', { name: '', resetLink: '' }).subject);
  });
});
