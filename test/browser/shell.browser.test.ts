import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, seriousViolations, startDemoServer, switchLanguage } from '../helpers/browser.ts';

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

describe('web shell', () => {
  it('opens on the French sign-in page, with a page title', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    await page.waitForURL(/\/sign-in/);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await expect.poll(() => page.title()).toBe('Connexion · Passerelle');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexion');
    expect(await page.getByRole('combobox', { name: 'Langue de l’interface' }).count()).toBe(1);
  });

  it('switches to Arabic right to left, remembers it, and back to French left to right', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/sign-in`);
    await switchLanguage(page, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('تسجيل الدخول');
    await page.reload();
    await page.waitForSelector('h1');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await switchLanguage(page, 'fr');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexion');
  });

  it('has no serious accessibility violation on sign-in and registration, in French and in Arabic', async () => {
    const page = await (await browser.newContext()).newPage();
    for (const locale of ['fr', 'ar'] as const) {
      await page.goto(`${server.url}/sign-in`);
      await page.waitForSelector('h1');
      await switchLanguage(page, locale);
      expect({ locale, page: 'sign-in', violations: await seriousViolations(page) }).toEqual({
        locale,
        page: 'sign-in',
        violations: [],
      });
      await page.goto(`${server.url}/register`);
      await page.waitForSelector('input[name=name]');
      expect({ locale, page: 'register', violations: await seriousViolations(page) }).toEqual({
        locale,
        page: 'register',
        violations: [],
      });
    }
  });

  it('shows translated field errors from the server and a clear message for a bad token', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.fill('input[name=email]', 'expert@passerelle.example');
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('button[type=submit]');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Adresse e-mail ou mot de passe incorrect.');
    expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });
    await page.goto(`${server.url}/verify-email?token=${'x'.repeat(40)}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Ce lien n’est pas valide');
  });
});
