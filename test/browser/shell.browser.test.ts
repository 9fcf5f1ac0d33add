import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, startDemoServer } from '../helpers/browser.ts';

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

it('serves the web app in French by default', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
  expect(await page.title()).toBe('Passerelle');
});
