import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, seriousViolations, signInThroughUi, startDemoServer } from '../helpers/browser.ts';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  // Tags of this test only and an imported profile, written directly: the tag editing API is tested on its own.
  const { database } = server.app.ctx;
  await database.query(`insert into expert_tags (user_id, tag)
    select user_id, tag from expert_profiles, unnest(array['mentor', 'diaspora café']) as tag
    where last_name in ('El Amrani', 'Ouazzani') and first_name in ('Mohamed', 'Youssef')`);
  await database.query(`update expert_profiles set origin = 'import' where last_name = 'Ouazzani'`);
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

const rows = (page: Page) => page.locator('[data-testid=roster-table] tbody tr');

it('filters the roster by tags (every tag chosen) and by origin, with counts, kept in the URL', async () => {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(10_000);
  await signInThroughUi(page, server.url, 'officer@passerelle.example', true);
  await page.goto(`${server.url}/roster`);
  await page.waitForSelector('[data-testid=roster-table]');

  // Origin: a facet with counts, like the others.
  await expect.poll(() => page.locator('select[name=origin] option').count()).toBeGreaterThan(1);
  const imported = page.locator('select[name=origin] option[value=import]');
  const count = Number(/\((\d+)\)/.exec((await imported.textContent())!)![1]);
  expect(count).toBeGreaterThan(0);
  await page.selectOption('select[name=origin]', 'import');
  await page.waitForURL(/origin=import/);
  await expect.poll(() => rows(page).count()).toBe(count);
  await page.selectOption('select[name=origin]', '');
  await page.waitForURL((url) => !url.searchParams.has('origin'));
  // The page has rendered the cleared filter before the next one is chosen (as a person would see it).
  await expect.poll(() => page.locator('select[name=origin]').inputValue()).toBe('');

  // Tags: a multi-select fed by the search's own counts; two tags keep the experts carrying both.
  const tags = page.getByRole('combobox', { name: 'Étiquettes', exact: true });
  await tags.click();
  await page.getByRole('option', { name: /^mentor \(\d+\)$/ }).click();
  await page.waitForURL(/tag=mentor/);
  await expect.poll(() => rows(page).count()).toBe(2);
  await tags.click();
  await page.getByRole('option', { name: /^diaspora café \(\d+\)$/ }).click();
  await page.waitForURL((url) => url.searchParams.getAll('tag').length === 2);
  await expect.poll(() => rows(page).count()).toBe(2);
  expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });

  // Reloading the URL restores both tags.
  await page.reload();
  await expect.poll(() => rows(page).count()).toBe(2);
  expect(new URL(page.url()).searchParams.getAll('tag').sort()).toEqual(['diaspora café', 'mentor']);
});
