import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import type { Browser } from 'playwright-core';
import {
  demoRoles,
  launchChromium,
  seriousViolations,
  signInThroughUi,
  startDemoServer,
  switchLanguage,
} from '../helpers/browser.ts';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

describe.each(demoRoles)('the $role demo account', ({ role, email, staff, heading }) => {
  it('signs in through the form and reaches its own home, accessible in French and Arabic', async () => {
    const page = await (await browser.newContext()).newPage();
    await signInThroughUi(page, server.url, email, staff);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect.poll(() => h1.textContent()).toBe(heading);
    expect(await page.getByTestId('role-badge').first().textContent()).toBeTruthy();
    if (role === 'admin') {
      await expect.poll(() => page.getByTestId('admin-shortcuts').textContent()).toMatch(/Comptes enregistrés : \d+/);
      expect(await page.getByRole('navigation').getByRole('link', { name: 'Journal d’audit' }).count()).toBe(1);
    }
    if (role === 'programme_officer') {
      await expect.poll(() => page.locator('select[name=institutionId] option').count()).toBeGreaterThan(3);
      expect(await page.getByRole('link', { name: 'Comptes' }).count()).toBe(0);
    }
    if (role === 'focal_point') {
      expect(await page.getByTestId('scope').textContent()).toContain('Ministère de l’Enseignement Supérieur');
    }
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(1);
    expect({ locale: 'fr', violations: await seriousViolations(page) }).toEqual({ locale: 'fr', violations: [] });

    await switchLanguage(page, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => h1.textContent()).not.toBe(heading);
    await page.waitForLoadState('networkidle');
    expect({ locale: 'ar', violations: await seriousViolations(page) }).toEqual({ locale: 'ar', violations: [] });
    // Signed in, the choice is saved on the account: a fresh session in another browser gets Arabic.
    const other = await (await browser.newContext()).newPage();
    await signInThroughUi(other, server.url, email, staff);
    await expect.poll(() => other.locator('html').getAttribute('dir')).toBe('rtl');
    await switchLanguage(other, 'fr');

    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await page.waitForURL(/\/sign-in/);
  });
});

describe('admin pages', () => {
  it('lists, filters and sorts accounts, reads the audit log and the outbox', async () => {
    const page = await (await browser.newContext()).newPage();
    await signInThroughUi(page, server.url, 'admin@passerelle.example', true);
    await page.getByRole('link', { name: 'Comptes' }).first().click();
    await page.waitForSelector('[data-testid=users-table]');
    await page.selectOption('select[name=role]', 'donor');
    await expect.poll(() => page.locator('[data-testid=users-table] tbody tr').count()).toBe(1);
    await page.selectOption('select[name=role]', '');
    await page.fill('input[name=q]', 'zzz-nobody');
    await page.waitForSelector('[data-testid=empty-state]');
    expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });

    await page.getByRole('link', { name: 'Journal d’audit' }).click();
    await page.waitForSelector('[data-testid=audit-table]');
    await page.fill('input[name=action]', 'session.created');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect
      .poll(() => page.locator('[data-testid=audit-table] tbody tr td:nth-child(3)').allTextContents())
      .toSatisfy((actions: string[]) => actions.length > 0 && actions.every((action) => action === 'session.created'));
    expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });

    await page.getByRole('link', { name: 'Boîte d’envoi' }).click();
    await page.waitForSelector('[data-testid=outbox-table], [data-testid=empty-state]');
    expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });
  });

  it('invites a focal point from the programme officer home', async () => {
    const page = await (await browser.newContext()).newPage();
    await signInThroughUi(page, server.url, 'officer@passerelle.example', true);
    await page.fill('input[name=name]', 'Nadia Point Focal');
    await page.fill('input[name=email]', 'nadia.focal@example.org');
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect.poll(() => page.getByText('Un point focal doit être rattaché à une institution.').count()).toBe(1);
    await expect.poll(() => page.locator('select[name=institutionId] option').count()).toBeGreaterThan(3);
    const firstInstitution = await page.locator('select[name=institutionId] option').nth(1).getAttribute('value');
    await page.selectOption('select[name=institutionId]', firstInstitution!);
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect.poll(() => page.getByTestId('invite-sent').textContent()).toContain('nadia.focal@example.org');
  });
});

describe('a newly invited staff member', () => {
  it('accepts the invitation, is sent to authenticator set-up, and reaches their home', async () => {
    const admin = await (await browser.newContext()).newPage();
    await signInThroughUi(admin, server.url, 'admin@passerelle.example', true);
    await admin.getByRole('link', { name: 'Inviter' }).first().click();
    await admin.fill('input[name=name]', 'Karim Suivi');
    await admin.fill('input[name=email]', 'karim.suivi@example.org');
    await admin.selectOption('select[name=role]', 'me_officer');
    await admin.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect.poll(() => admin.getByTestId('invite-sent').count()).toBe(1);
    // The outbox is how an admin (and this test) sees what was sent without an SMTP server.
    const outbox = (await (await admin.request.get(`${server.url}/api/admin/outbox`)).json()) as {
      items: { toAddress: string; textBody: string }[];
    };
    const mail = outbox.items.find((item) => item.toAddress === 'karim.suivi@example.org');
    const link = /\/accept-invitation\?token=[\w-]+/.exec(mail!.textBody)![0];

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}${link}`);
    await page.fill('input[name=password]', 'karim-long-password');
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await page.waitForSelector('[data-testid=token-success]');

    await page.goto(`${server.url}/sign-in`);
    await page.fill('input[name=email]', 'karim.suivi@example.org');
    await page.fill('input[name=password]', 'karim-long-password');
    await page.click('button[type=submit]');
    await page.waitForURL(`${server.url}/security/totp`);
    await page.waitForSelector('[data-testid=totp-secret]');
    expect(await page.getByRole('img', { name: /Code QR/ }).getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });
    // Until enrolment, every other page sends them back here.
    await page.goto(`${server.url}/account`);
    await page.waitForURL(`${server.url}/security/totp`);
    // Each visit proposes a fresh secret (the server keeps the latest), so read the one now on screen.
    await page.waitForSelector('[data-testid=totp-secret]');
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
    await page.fill('input[name=code]', code);
    await page.getByRole('button', { name: 'Activer' }).click();
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Espace suivi-évaluation');
  });
});
