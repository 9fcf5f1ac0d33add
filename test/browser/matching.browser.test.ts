import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchChromium,
  seriousViolations,
  signInThroughUi,
  startDemoServer,
  switchLanguage,
} from '../helpers/browser.ts';

// The matching engine in the browser (issue 5): staff read a ToR's ranked candidates with every score explained;
// an expert reads the calls ranked for them and why the others are not for them.
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

async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect({ url: page.url(), violations: await seriousViolations(page) }).toEqual({ url: page.url(), violations: [] });
}

it('shows staff the ranked candidates of a ToR, each score explained, in French and in Arabic', async () => {
  const officer = await (await browser.newContext()).newPage();
  await signInThroughUi(officer, server.url, 'officer@passerelle.example', true);
  const calls = (await (await fetch(`${server.url}/api/public/calls`)).json()) as { items: { id: string }[] };
  await officer.goto(`${server.url}/assignments/${calls.items[0]!.id}`);
  await officer.getByRole('link', { name: 'Candidats suggérés' }).click();
  await officer.waitForURL(/\/candidates$/);
  const first = officer.getByTestId('candidate').first();
  await first.waitFor();
  // Every part of the score is named, weighed and explained; the filters' exclusions are counted by reason.
  await first.getByText(/^Compétences \d+ % \(poids \d+ %\) :/).waitFor();
  await first.getByText(/jours ouvrés disponibles sur \d+ dans la période/).waitFor();
  expect(await officer.getByRole('progressbar', { name: 'Score' }).count()).toBeGreaterThan(0);
  await officer
    .getByTestId('excluded')
    .getByRole('heading', { name: /^Écartés par les conditions \(\d+\)$/ })
    .waitFor();
  await expectAccessible(officer);

  await switchLanguage(officer, 'ar');
  expect(await officer.locator('html').getAttribute('dir')).toBe('rtl');
  await first.getByText(/^الكفاءات \d+٪ \(الوزن \d+٪\):/).waitFor();
  await expectAccessible(officer);
});

it('shows an expert the open calls ranked for them and why the others are not for them', async () => {
  const expert = await (await browser.newContext()).newPage();
  await signInThroughUi(expert, server.url, 'expert@passerelle.example', false);
  await expert.getByRole('link', { name: 'Appels pour vous' }).click();
  await expert.getByRole('heading', { level: 1, name: 'Appels pour vous' }).waitFor();
  const calls = expert.locator('[data-testid=call-for-you], [data-testid=call-not-for-you]');
  await expect.poll(() => calls.count()).toBeGreaterThan(0);
  // The demo expert's windows do not cover the open calls' dates: the page says so in plain words.
  await expert
    .getByTestId('call-not-for-you')
    .getByText(/jours ouvrés disponibles, \d+ nécessaires/)
    .first()
    .waitFor();
  await expectAccessible(expert);
});

it('lets a programme officer run an allocation round, lock a pair, run it again and accept it', async () => {
  const officer = await (await browser.newContext()).newPage();
  await signInThroughUi(officer, server.url, 'officer@passerelle.example', true);
  // The first test left this officer's account in Arabic.
  await switchLanguage(officer, 'fr');
  await officer.getByRole('link', { name: 'Répartition' }).click();
  await officer.getByRole('heading', { level: 1, name: 'Répartition des experts' }).waitFor();
  const calls = officer.getByRole('checkbox');
  await expect.poll(() => calls.count()).toBeGreaterThan(1);
  for (const box of await calls.all()) await box.check();
  await officer.getByRole('button', { name: 'Lancer la répartition' }).click();
  const summary = officer.getByTestId('round-summary');
  await summary.getByText(/^\d+ places pourvues sur \d+, score total [\d.]+\.$/).waitFor();
  await officer.getByText(/^Pour comparaison, le meilleur score d’abord pourvoirait/).waitFor();
  // Each proposed pair says why it scores what it does.
  const reasons = officer.getByTestId('round-pair').first().locator('details');
  await reasons.locator('summary', { hasText: 'Pourquoi ce score' }).click();
  await reasons.getByText(/^Disponibilité \d+ % \(poids \d+ %\) :/).waitFor();
  await expectAccessible(officer);

  // Lock the first proposed pair, run again: it stays, marked as locked.
  const firstPair = officer.getByTestId('round-pair').first();
  const expertName = ((await firstPair.getByTestId('pair-expert').textContent()) ?? '').trim();
  await firstPair.getByRole('button', { name: 'Verrouiller' }).click();
  await officer
    .getByText('Choix à appliquer : 1 verrouillés, 0 exclus. Relancez pour les prendre en compte.')
    .waitFor();
  await officer.getByRole('button', { name: 'Relancer avec ces choix' }).click();
  await officer.getByTestId('round-pair').filter({ hasText: expertName }).getByText('verrouillé').waitFor();

  const proposed = await officer.getByTestId('round-pair').count();
  await officer.getByRole('button', { name: 'Accepter et présélectionner' }).click();
  await officer.getByRole('dialog').getByRole('button', { name: 'Accepter et présélectionner' }).click();
  await officer.getByTestId('round-accepted').getByText(`${proposed} candidatures présélectionnées.`).waitFor();
});

it('lets a programme officer set the programme’s matching weights in its form', async () => {
  const officer = await (await browser.newContext()).newPage();
  await signInThroughUi(officer, server.url, 'officer@passerelle.example', true);
  await switchLanguage(officer, 'fr');
  await officer.goto(`${server.url}/programmes`);
  await officer
    .getByRole('button', { name: /CD4D Maroc/ })
    .first()
    .click();
  const weights = officer.getByRole('group', { name: 'Pondérations du classement des experts' });
  await weights.getByLabel('Compétences').fill('0.6');
  await weights.getByLabel('Profil à jour').fill('0');
  await expectAccessible(officer);
  await officer.getByRole('button', { name: 'Enregistrer' }).click();
  await expect
    .poll(async () => {
      const programmes = (await (await officer.request.get(`${server.url}/api/programmes`)).json()) as {
        items: { code: string; matchingWeights: Record<string, number> }[];
      };
      return programmes.items.find((programme) => programme.code === 'cd4d-ma')?.matchingWeights;
    })
    .toEqual({ skills: 0.6, freshness: 0 });
});

it('lets a programme officer add a skill concept in the four languages', async () => {
  const officer = await (await browser.newContext()).newPage();
  await signInThroughUi(officer, server.url, 'officer@passerelle.example', true);
  await switchLanguage(officer, 'fr');
  await officer.getByRole('link', { name: 'Vocabulaire' }).click();
  await officer.getByRole('heading', { level: 1, name: 'Vocabulaire des compétences' }).waitFor();
  await officer.getByTestId('empty-state').waitFor();
  await expectAccessible(officer);
  await officer.getByLabel(/^Clé/).fill('manuscript-conservation');
  await officer.getByLabel(/^Libellé \(Français\)/).fill('conservation des manuscrits');
  await officer.getByLabel(/^Libellé \(Arabe\)/).fill('صيانة المخطوطات');
  await officer.getByLabel(/^Libellé \(Anglais\)/).fill('manuscript conservation');
  await officer.getByLabel(/^Libellé \(Néerlandais\)/).fill('manuscriptconservering');
  await officer.getByLabel(/^Synonymes \(Néerlandais\)/).fill('restauratie van handschriften');
  await officer.getByRole('button', { name: 'Ajouter au vocabulaire' }).click();
  await officer.getByTestId('concept-added').waitFor();
  await officer
    .getByTestId('concept')
    .filter({ hasText: 'manuscriptconservering · restauratie van handschriften' })
    .waitFor();
  // The same key again is refused next to the field.
  await officer.getByLabel(/^Clé/).fill('manuscript-conservation');
  await officer.getByLabel(/^Libellé \(Français\)/).fill('x x');
  await officer.getByLabel(/^Libellé \(Arabe\)/).fill('س س');
  await officer.getByLabel(/^Libellé \(Anglais\)/).fill('x x');
  await officer.getByLabel(/^Libellé \(Néerlandais\)/).fill('x x');
  await officer.getByRole('button', { name: 'Ajouter au vocabulaire' }).click();
  await officer.getByText('Cette clé existe déjà dans le vocabulaire des compétences.').first().waitFor();
});
