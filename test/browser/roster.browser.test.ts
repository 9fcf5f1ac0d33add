import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

const rows = (page: Page) => page.locator('[data-testid=roster-table] tbody tr');
const names = (page: Page) => rows(page).locator('td:first-child a').allTextContents();

it('lets a programme officer find experts across spellings and scripts, filter, save a search and see duplicates', async () => {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(10_000);
  await signInThroughUi(page, server.url, 'officer@passerelle.example', true);
  await page.getByRole('navigation').getByRole('link', { name: 'Vivier d’experts' }).click();
  await page.waitForSelector('[data-testid=roster-table]');
  expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });

  // Another Latin spelling of the demo expert's first name finds Mohamed El Amrani; the query is in the URL.
  await page.fill('input[name=q]', 'Muhammad');
  await page.waitForURL(/q=Muhammad/);
  await expect.poll(() => names(page)).toContainEqual(expect.stringMatching(/Mohamed El Amrani/));
  expect(await rows(page).first().getByTestId('matched-on').count()).toBe(1);

  // Arabic script finds the Latin-script name too.
  await page.fill('input[name=q]', 'العمراني');
  await page.waitForURL(/q=/);
  await expect.poll(() => names(page)).toContainEqual(expect.stringMatching(/El Amrani/));

  // A facet with counts narrows the list and is kept in the shareable URL.
  await page.fill('input[name=q]', '');
  await page.waitForURL((url) => !url.searchParams.has('q'));
  await expect.poll(() => page.locator('select[name=residenceCountry] option').count()).toBeGreaterThan(1);
  const germany = page.locator('select[name=residenceCountry] option[value=DE]');
  const count = Number(/\((\d+)\)/.exec((await germany.textContent())!)![1]);
  expect(count).toBeGreaterThan(0);
  await page.selectOption('select[name=residenceCountry]', 'DE');
  await page.waitForURL(/residenceCountry=DE/);
  // The facet's count is the number of results once it is applied.
  await expect.poll(() => page.getByText(`Résultats : ${count}`).count()).toBe(1);

  // Save this search, reopen it from a fresh page, then delete it after confirming.
  await page.fill('input[name=savedName]', 'Experts en Allemagne');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  const saved = page.getByTestId('saved-searches').getByRole('link', { name: 'Experts en Allemagne' });
  await saved.waitFor();
  await page.goto(`${server.url}/roster`);
  await saved.click();
  await page.waitForURL(/residenceCountry=DE/);
  await page.getByRole('button', { name: 'Supprimer la recherche « Experts en Allemagne »' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect.poll(() => saved.count()).toBe(0);

  // Open an expert's profile, read-only.
  const first = rows(page).first().locator('td:first-child a');
  const name = (await first.textContent())!.trim();
  await first.click();
  await page.waitForURL(/\/roster\/experts\//);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
  // The profile itself is read-only; the only fields are the staff side's (vetting, notes, tags).
  await page.getByTestId('staff-side').waitFor();
  expect(await page.locator('main input, main textarea').count()).toBe(
    await page.getByTestId('staff-side').locator('input, textarea').count(),
  );
  expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });

  // The near-duplicate of the demo expert, registered under another spelling, is listed with its reasons.
  await page.goto(`${server.url}/roster`);
  await page.getByRole('link', { name: 'Voir les doublons probables' }).click();
  await page.waitForSelector('[data-testid=duplicate-pair]');
  const pairs = await page.getByTestId('duplicate-pair').allTextContents();
  expect(pairs.some((pair) => /Mohamed/.test(pair) && /Mohammed/.test(pair))).toBe(true);
  expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });
});
