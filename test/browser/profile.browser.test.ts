import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { minimalPdf } from '../../src/modules/experts/documents/documents.test-helper.ts';
import { findSkillConcept } from '../../src/modules/reference/skills.ts';
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

const password = 'une phrase de passe longue';

async function register(page: Page): Promise<void> {
  await page.goto(`${server.url}/register`);
  await page.fill('input[name=name]', 'Salma Bennani');
  await page.fill('input[name=email]', 'salma.profile@example.org');
  await page.fill('input[name=password]', password);
  await page.getByLabel(/J’accepte le traitement/).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.waitForURL(`${server.url}/`);
}

/** A reference label as the server gives it in Arabic, so the test picks what a reader would see. */
async function arabicLabel(page: Page, list: string, code: string): Promise<string> {
  const body = (await (await page.request.get(`${server.url}/api/reference/${list}?locale=ar`)).json()) as {
    items: { code: string; label: string; children?: { code: string; label: string }[] }[];
  };
  const all = body.items.flatMap((item) => [item, ...(item.children ?? [])]);
  return all.find((item) => item.code === code)!.label;
}

const percent = async (page: Page) =>
  Number((await page.getByTestId('completeness-percent').textContent())!.match(/\d+/)![0]);

it('lets an expert fill the profile in Arabic, manage consent, download and erase their data', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await register(page);

  await page.getByRole('navigation').getByRole('link', { name: 'Mon profil' }).click();
  await page.waitForSelector('[data-testid=profile-form]');
  expect({ locale: 'fr', violations: await seriousViolations(page) }).toEqual({ locale: 'fr', violations: [] });
  const before = await percent(page);
  // The Arabic-script name is typed right to left even on a left-to-right page.
  const direction = (selector: string) => page.locator(selector).evaluate((input) => getComputedStyle(input).direction);
  expect(await direction('input[name=nameAr]')).toBe('rtl');
  expect(await direction('input[name=firstName]')).toBe('ltr');

  await switchLanguage(page, 'ar');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ملفي الشخصي');
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.fill('input[name=nameAr]', 'سلمى بناني');

  // A language with its level.
  await page.getByRole('button', { name: 'إضافة لغة' }).click();
  const dutch = await arabicLabel(page, 'languages', 'nl');
  const languageRow = page.getByTestId('language-row').first();
  await languageRow.getByRole('combobox', { name: 'اللغة', exact: true }).fill(dutch);
  await page.getByRole('option', { name: dutch, exact: true }).click();
  await languageRow.locator('select').selectOption('C1');

  // A sector (DAC 11420, higher education) from the grouped list.
  const higherEducation = await arabicLabel(page, 'sectors', '11420');
  await page.getByRole('combobox', { name: 'قطاعات الخبرة', exact: true }).fill(higherEducation.slice(0, 12));
  await page
    .getByRole('option', { name: new RegExp(higherEducation.slice(0, 12)) })
    .first()
    .click();
  await page.keyboard.press('Escape');

  // A skill picked from the suggestions as they appear while typing.
  const skills = page.getByRole('combobox', { name: 'المهارات', exact: true });
  const suggested = (await (
    await page.request.get(`${server.url}/api/skills/suggest?q=gestion%20de%20projet&locale=ar`)
  ).json()) as { items: { key: string; label: string }[] };
  const picked = suggested.items[0]!.label;
  await skills.fill('gestion de projet');
  const suggestion = page.getByRole('option', { name: picked, exact: true });
  await suggestion.click();
  await page.keyboard.press('Escape');

  // An availability window, on site and online.
  await page.getByRole('button', { name: 'إضافة فترة' }).click();
  await page.fill('input[name="availability.0.startsOn"]', '2027-03-01');
  await page.fill('input[name="availability.0.endsOn"]', '2027-04-15');

  expect(await page.getByTestId('dirty-state').textContent()).toBe('توجد تعديلات غير محفوظة');
  expect({ locale: 'ar', violations: await seriousViolations(page) }).toEqual({ locale: 'ar', violations: [] });
  // A row the server refuses shows the error on that row (path languages.1.level), and focus goes there.
  await page.getByRole('button', { name: 'إضافة لغة' }).click();
  const secondRow = page.getByTestId('language-row').nth(1);
  await page.getByRole('button', { name: 'حفظ الملف' }).click();
  await expect.poll(() => secondRow.locator('select[aria-invalid=true]').count()).toBe(1);
  await expect.poll(() => secondRow.evaluate((row) => row.contains(document.activeElement))).toBe(true);
  await page.getByRole('button', { name: 'حذف اللغة 2' }).click();

  // Leaving with unsaved edits asks first; staying keeps everything typed.
  await page.getByRole('navigation').getByRole('link', { name: 'الخصوصية' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'البقاء في الصفحة' }).click();
  expect(page.url()).toBe(`${server.url}/profile`);
  expect(await page.inputValue('input[name=nameAr]')).toBe('سلمى بناني');
  await page.getByRole('button', { name: 'حفظ الملف' }).click();
  await page.waitForSelector('[data-testid=profile-saved]');
  await expect.poll(() => percent(page)).toBeGreaterThan(before);

  const saved = (await (await page.request.get(`${server.url}/api/experts/me`)).json()) as {
    nameAr: string;
    languages: { language: string; level: string }[];
    sectors: string[];
    skills: { label: string; conceptId: string | null }[];
    availability: { startsOn: string; onSite: boolean; online: boolean }[];
  };
  expect(saved.nameAr).toBe('سلمى بناني');
  expect(saved.languages).toEqual([{ language: 'nl', level: 'C1' }]);
  expect(saved.sectors).toEqual(['11420']);
  expect(saved.skills).toEqual([expect.objectContaining({ label: picked, conceptId: suggested.items[0]!.key })]);
  expect(saved.availability).toEqual([expect.objectContaining({ startsOn: '2027-03-01', onSite: true, online: true })]);

  // A CV as a real PDF: listed once uploaded, and a skill found in it confirmed onto the profile.
  await page.getByTestId('document-file').setInputFiles({
    name: 'cv-salma.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(minimalPdf(['Salma Bennani', 'Seawater desalination plants, Agadir'])),
  });
  await page.getByRole('button', { name: 'رفع الملف' }).click();
  await page.waitForSelector('[data-testid=document-uploaded]');
  await expect.poll(() => page.getByTestId('document-row').textContent()).toContain('cv-salma.pdf');
  const suggestions = page.getByTestId('cv-suggestions');
  await suggestions.getByRole('checkbox', { name: findSkillConcept('desalination')!.labels.ar }).check();
  expect({ locale: 'ar', violations: await seriousViolations(page) }).toEqual({ locale: 'ar', violations: [] });
  await suggestions.getByRole('button', { name: 'إضافة المهارات المختارة' }).click();
  await page.waitForSelector('[data-testid=cv-skills-added]');
  expect(await page.getByTestId('dirty-state').textContent()).toBe('لا توجد تعديلات معلّقة');
  const withCv = (await (await page.request.get(`${server.url}/api/experts/me`)).json()) as {
    skills: { conceptId: string | null; source: string }[];
    completeness: { missing: string[] };
  };
  expect(withCv.skills).toContainEqual(expect.objectContaining({ conceptId: 'desalination', source: 'cv' }));
  expect(withCv.completeness.missing).not.toContain('cv');

  // Consent: withdraw processing (the dialog explains the effect), then grant it again.
  await page.getByRole('navigation').getByRole('link', { name: 'الخصوصية' }).click();
  const processing = page.getByTestId('consent-processing');
  await expect.poll(() => processing.getAttribute('data-granted')).toBe('true');
  await processing.getByRole('button', { name: 'سحب' }).click();
  await expect.poll(() => page.getByTestId('consent-effect').textContent()).toContain('لن يظهر ملفك');
  await page.getByTestId('confirm-consent').click();
  await expect.poll(() => processing.getAttribute('data-granted')).toBe('false');
  await processing.getByRole('button', { name: 'منح' }).click();
  await page.getByTestId('confirm-consent').click();
  await expect.poll(() => processing.getAttribute('data-granted')).toBe('true');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });

  // Download: a zip file (its first bytes are the zip signature "PK").
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-data').click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const file = await download.path();
  expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
  // The archive holds the CV's bytes under files/, listed in me.json.
  const archive = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const listed = JSON.parse(strFromU8(archive['me.json']!)).files as { path: string; fileName: string }[];
  expect(listed).toEqual([expect.objectContaining({ fileName: 'cv-salma.pdf' })]);
  expect(strFromU8(archive[listed[0]!.path]!.subarray(0, 5))).toBe('%PDF-');

  // The yearly e-mail's link asks the expert to re-confirm their interest.
  await page.goto(`${server.url}/profile?confirm=1`);
  await page.getByTestId('stale-banner').getByRole('button', { name: 'ما زلت مهتماً' }).click();
  await page.waitForSelector('[data-testid=confirmed]');
  await page.goto(`${server.url}/profile/privacy`);

  // Erasure: a wrong password is refused next to the field; the right one signs out to a confirmation page.
  await page.getByRole('button', { name: 'محو حسابي' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('كلمة المرور للتأكيد').fill('not the password');
  await dialog.getByRole('button', { name: 'المحو نهائياً' }).click();
  await expect.poll(() => dialog.getByText('كلمة المرور غير صحيحة.').count()).toBe(1);
  await dialog.getByLabel('كلمة المرور للتأكيد').fill(password);
  await dialog.getByRole('button', { name: 'المحو نهائياً' }).click();
  await page.waitForURL(`${server.url}/account-erased`);
  await page.waitForSelector('[data-testid=erased]');
  expect((await page.request.get(`${server.url}/api/me`)).status()).toBe(401);
  // A long journey (profile, CV, consents, export, erasure): more than the default minute on a busy machine.
}, 150_000);
