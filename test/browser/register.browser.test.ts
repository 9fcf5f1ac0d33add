import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, seriousViolations, startDemoServer } from '../helpers/browser.ts';

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

it('lets an expert register and lands on their home with the e-mail banner', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByRole('link', { name: /Créez votre compte/ }).click();
  await page.waitForSelector('input[name=name]');

  // Consent is required: the form says so before anything is sent.
  await page.fill('input[name=name]', 'Salma Bennani');
  await page.fill('input[name=email]', 'salma.bennani@example.org');
  await page.fill('input[name=password]', 'une phrase de passe longue');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect.poll(() => page.getByText('Votre consentement est nécessaire').count()).toBe(1);

  await page.getByLabel(/J’accepte le traitement/).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.waitForURL(`${server.url}/`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Espace expert');
  expect(await page.getByTestId('greeting').textContent()).toContain('Salma Bennani');
  expect(await page.getByTestId('verify-banner').isVisible()).toBe(true);

  await page.getByRole('button', { name: 'Renvoyer le lien' }).click();
  await expect.poll(() => page.getByText('Un nouveau lien vient de vous être envoyé.').count()).toBe(1);
  expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });
});

it('refuses a second registration with the same address, next to the field or in an alert', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/register`);
  await page.fill('input[name=name]', 'Salma Bennani');
  await page.fill('input[name=email]', 'expert@passerelle.example');
  await page.fill('input[name=password]', 'une phrase de passe longue');
  await page.getByLabel(/J’accepte le traitement/).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect
    .poll(() => page.getByText(/Un compte existe déjà avec cette adresse e-mail|déjà utilisée/).count())
    .toBeGreaterThan(0);
});
