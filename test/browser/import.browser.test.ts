import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoProfiles } from '../../src/demo/expert-profiles.ts';
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

it('lets a programme officer check and import a roster file, then see the imported near-duplicate', async () => {
  // A demo expert as an older roster spelt her: family name in two words, the same Arabic name and birth date
  // (written day first), another e-mail address, a language without a level (a warning, not an error).
  const original = demoProfiles.find((profile) => profile.lastName === 'Benjelloun' && profile.firstName === 'Nadia')!;
  const [year, month, day] = original.birthDate.split('-');
  const file = [
    'Courriel;Prénom;Nom;Nom en arabe;Date de naissance;Langues;Pays de résidence;Remarques',
    `n.benjelloun@ancien-vivier.example;Nadia;Ben Jelloun;${original.nameAr};${day}/${month}/${year};"fr:C2; ar";NL;TRQN II`,
  ].join('\r\n');

  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(15_000);
  await signInThroughUi(page, server.url, 'officer@passerelle.example', true);
  await page.goto(`${server.url}/roster`);
  await page.getByRole('link', { name: 'Importer un fichier' }).click();
  await page.waitForURL(/\/roster\/import$/);
  await page.getByRole('heading', { level: 1, name: 'Importer un vivier' }).waitFor();
  expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });

  await page.locator('input[type=file]').setInputFiles({
    name: 'ancien-vivier.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(file, 'utf8'),
  });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  const report = page.getByTestId('import-report');
  await report.waitFor();
  // The dry run: counts, the columns recognised (the unknown one ignored), the warning translated.
  await expect.poll(() => page.locator('[data-outcome=create] dd').textContent()).toBe('1');
  expect(await page.locator('[data-outcome=error] dd').textContent()).toBe('0');
  expect(await page.getByRole('combobox', { name: 'Champ pour la colonne « Nom en arabe »' }).inputValue()).toBe(
    'nameAr',
  );
  expect(await page.getByRole('combobox', { name: 'Champ pour la colonne « Remarques »' }).inputValue()).toBe('');
  const warning = page.getByTestId('import-problems').locator('tbody tr');
  expect(await warning.count()).toBe(1);
  expect(await warning.first().textContent()).toMatch(/Avertissement.*Niveau absent : B1 enregistré/);
  expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });

  await page.getByRole('button', { name: 'Importer les lignes (1)' }).click();
  await page.getByTestId('import-done').waitFor();
  expect(await page.getByTestId('import-done').textContent()).toMatch(/1 créés/);

  await page.getByRole('link', { name: 'Voir les doublons probables' }).click();
  await page.waitForURL(/\/roster\/duplicates$/);
  await page.getByTestId('duplicate-pair').first().waitFor();
  const pairs = await page.getByTestId('duplicate-pair').allTextContents();
  expect(pairs.some((pair) => pair.includes('Nadia Ben Jelloun') && pair.includes('Nadia Benjelloun'))).toBe(true);
});
