import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { insertAssignment } from '../helpers/assignments.ts';
import { launchChromium, seriousViolations, startDemoServer, switchLanguage } from '../helpers/browser.ts';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let callId = '';
beforeAll(async () => {
  server = await startDemoServer();
  callId = await insertAssignment(server.database.db, {
    titleFr: 'Appui <b>numérique</b> aux universités',
    titleAr: 'دعم رقمي للجامعات',
    descriptionAr: 'مواكبة الجامعات في التحول الرقمي.',
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

describe('public calls', () => {
  it('open without signing in, in Arabic right to left, on a phone-sized screen', async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    const bundleFiles: { url: string; encoding?: string; cache?: string }[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/assets/'))
        bundleFiles.push({
          url: response.url(),
          encoding: response.headers()['content-encoding'],
          cache: response.headers()['cache-control'],
        });
    });
    await page.goto(`${server.url}/calls`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Appels à experts');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Appels à experts' }).count()).toBe(1);
    expect(await page.getByRole('banner').getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
    // On a slow connection every byte counts: the bundle comes compressed (Brotli; files under 1 kB as they are),
    // and is cached for good (its names change with its content).
    const scripts = bundleFiles.filter((file) => /\.(js|css)$/.test(file.url));
    expect(scripts.filter((file) => /\/index-[\w-]+\.(js|css)$/.test(file.url)).map((file) => file.encoding)).toEqual([
      'br',
      'br',
    ]);
    for (const file of scripts) expect(file.cache, file.url).toBe('public, max-age=31536000, immutable');

    await switchLanguage(page, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const card = page.getByTestId('call-card').filter({ hasText: 'دعم رقمي للجامعات' });
    await expect.poll(() => card.count()).toBe(1);
    // Nothing wider than the screen: no sideways scrolling at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.waitForLoadState('networkidle');
    expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });

    await card.getByRole('link').click();
    await page.waitForURL(`**/calls/${callId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('دعم رقمي للجامعات');
    const apply = page.getByRole('link', { name: 'سجّل الدخول للترشح' });
    expect(await apply.getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent(`/calls/${callId}/apply`)}`);
    expect(await page.getByRole('link', { name: /\.ics/ }).getAttribute('href')).toBe(
      `/api/public/calls/${callId}.ics?lang=ar`,
    );
    await page.waitForLoadState('networkidle');
    expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });
    await switchLanguage(page, 'fr');
    // The French title is shown as text, never as markup.
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Appui <b>numérique</b> aux universités');
  });
});
