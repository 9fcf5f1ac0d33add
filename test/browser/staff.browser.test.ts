import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, seriousViolations, signInThroughUi, startDemoServer } from '../helpers/browser.ts';

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

it('lets a programme officer merge a duplicate pair, then note and tag the kept profile', async () => {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(10_000);
  await signInThroughUi(page, server.url, 'officer@passerelle.example', true);
  await page.goto(`${server.url}/roster/duplicates`);
  const pair = page.getByTestId('duplicate-pair').filter({ hasText: 'Mohammed Elamrani' });
  await pair.waitFor();
  const keptHref = await pair.getByRole('link', { name: 'Mohamed El Amrani' }).getAttribute('href');

  // The dialog says which record is kept and what moves; nothing is sent before the explicit confirmation.
  await pair.getByRole('button', { name: /^Fusionner / }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Mohamed El Amrani' }).check();
  await expect.poll(() => dialog.getByText('Transféré de Mohammed Elamrani vers Mohamed El Amrani :').count()).toBe(1);
  const merge = dialog.getByRole('button', { name: 'Fusionner', exact: true });
  expect(await merge.isDisabled()).toBe(true);
  expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });
  await dialog.getByRole('checkbox').check();
  await merge.click();

  await expect
    .poll(() => page.getByTestId('merge-done').textContent())
    .toMatch(/Mohammed Elamrani a été fusionné dans Mohamed El Amrani/);
  await expect.poll(() => page.getByTestId('duplicate-pair').filter({ hasText: 'Mohammed Elamrani' }).count()).toBe(0);

  // On the kept profile: a private note and a tag.
  await page.goto(`${server.url}${keptHref}`);
  const notes = page.getByTestId('staff-notes');
  await notes.getByLabel('Nouvelle note').fill('Profil fusionné avec son doublon.');
  await notes.getByRole('button', { name: 'Ajouter la note' }).click();
  await expect.poll(() => notes.getByTestId('staff-note').first().textContent()).toMatch(/Profil fusionné/);

  const tags = page.getByTestId('staff-tags');
  const input = tags.getByLabel('Étiquettes de l’équipe');
  await input.fill('Ambassadeur');
  await input.press('Enter');
  await tags.getByRole('button', { name: 'Enregistrer les étiquettes' }).click();
  await expect.poll(() => tags.getByRole('button', { name: 'Enregistrer les étiquettes' }).isDisabled()).toBe(true);
  await page.reload();
  await expect.poll(() => page.getByTestId('staff-tags').textContent()).toContain('ambassadeur');
  expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });
});
