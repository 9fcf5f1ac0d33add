import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoAccounts } from '../../src/demo/load.ts';
import { launchChromium, seriousViolations, signInThroughUi, startDemoServer } from '../helpers/browser.ts';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp.ts';
import { insertAssignment } from '../helpers/assignments.ts';

// The demand side end to end (issue 4): each step by the role that does it, in its own browser, through the UI.
const focalEmail = 'focal.point@passerelle.example';
const officerEmail = 'officer@passerelle.example';
const expertEmail = 'expert@passerelle.example';
const expertName = demoAccounts.find((account) => account.email === expertEmail)!.name;
const title = 'Numérisation des examens dans les universités publiques';

let peer: SmtpPeer;
let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
beforeAll(async () => {
  peer = await startSmtpPeer();
  server = await startDemoServer({ SMTP_URL: peer.url });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
  await peer?.close();
});

/** An ISO date `days` from today. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A fresh browser (no shared cookies) for one person. */
async function newPage(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function signedIn(email: string, staff: boolean): Promise<Page> {
  const page = await newPage();
  await signInThroughUi(page, server.url, email, staff);
  return page;
}

/** Markup typed into text fields shows as typed and never runs (the fields below carry some). */
const markup = '<img src=x onerror="window.injected=true">';
async function expectMarkupInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => 'injected' in window)).toBe(false);
  expect(await page.locator('img[src=x]').count()).toBe(0);
}

async function expectNoSeriousViolation(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect({ url: page.url(), violations: await seriousViolations(page) }).toEqual({ url: page.url(), violations: [] });
}

it('takes a need from the focal point’s ToR to a selected expert who is told by e-mail', async () => {
  // 1. The focal point drafts the ToR in the form and submits it.
  const focal = await signedIn(focalEmail, false);
  await focal.goto(`${server.url}/assignments/new`);
  await focal.getByRole('heading', { level: 1, name: 'Nouveaux termes de référence' }).waitFor();
  await focal.getByLabel(/^Programme/).selectOption({ label: 'CD4D Maroc' });
  await expect.poll(() => focal.getByLabel(/^Institution d’accueil/).inputValue()).not.toBe('');
  await expectNoSeriousViolation(focal);
  await focal.getByLabel(/^Titre \(français\)/).fill(title);
  await focal
    .getByLabel(/^Description \(français\)/)
    .fill('Accompagner les universités dans la dématérialisation des examens et la sécurisation des épreuves.');
  await focal
    .getByLabel('Livrables')
    .fill(`Feuille de route de la numérisation ${markup}\nAtelier de formation des équipes`);
  const sectors = focal.getByRole('combobox', { name: 'Secteurs (CAD de l’OCDE)' });
  await sectors.click();
  await sectors.fill('11420');
  await focal.getByRole('option', { name: /^11420/ }).click();
  await sectors.press('Escape');
  await focal.getByLabel('Modalité').selectOption('online');
  await focal.getByLabel(/^Début de la période/).fill(inDays(45));
  await focal.getByLabel(/^Fin de la période/).fill(inDays(75));
  await focal.getByLabel(/^Date limite de candidature/).fill(inDays(20));
  await focal.getByRole('button', { name: 'Créer le brouillon' }).click();
  await focal.waitForURL(/\/assignments\/[0-9a-f-]{36}$/);
  const torPath = new URL(focal.url()).pathname;
  const callId = torPath.split('/').pop()!;
  const heading = focal.getByRole('heading', { level: 1, name: title });
  await heading.waitFor();
  // The page is titled "<reference> · <title>": the reference is how everyone names the call from now on.
  const reference = ((await heading.textContent()) ?? '').split(' · ')[0]!;
  expect(reference).toMatch(/\S/);
  await focal.getByTestId('assignment-actions').getByRole('button', { name: 'Soumettre' }).click();
  await focal.locator('[data-state="submitted"]').waitFor();

  // 2. The programme officer approves it, then publishes the call.
  const officer = await signedIn(officerEmail, true);
  await officer.goto(`${server.url}${torPath}`);
  const officerActions = officer.getByTestId('assignment-actions');
  await officerActions.getByRole('button', { name: 'Approuver' }).click();
  await officer.locator('[data-state="approved"]').waitFor();
  await officer.getByText(markup, { exact: false }).first().waitFor();
  await expectMarkupInert(officer);
  await officerActions.getByRole('button', { name: 'Publier l’appel' }).click();
  await officer.locator('[data-state="published"]').waitFor();

  // 3. Anyone, without an account, finds the call on the public page.
  const visitor = await newPage();
  await visitor.goto(`${server.url}/calls`);
  await visitor.getByLabel('Mots du titre').fill('Numérisation des examens');
  await visitor.getByRole('button', { name: 'Rechercher' }).click();
  const card = visitor.getByTestId('call-card').filter({ hasText: title });
  await card.getByRole('link', { name: title }).click();
  await visitor.waitForURL(`**/calls/${callId}`);
  await visitor.getByRole('heading', { level: 1, name: title }).waitFor();
  expect(await visitor.getByText(reference, { exact: true }).count()).toBe(1);
  await visitor.getByRole('link', { name: 'Se connecter pour postuler' }).waitFor();
  await visitor.getByText(markup, { exact: false }).first().waitFor();
  await expectMarkupInert(visitor);
  await expectNoSeriousViolation(visitor);

  // 4. The demo expert (living in the Netherlands, consenting to processing) applies.
  const expert = await signedIn(expertEmail, false);
  await expert.goto(`${server.url}/profile/privacy`);
  await expect.poll(() => expert.getByTestId('consent-processing').getAttribute('data-granted')).toBe('true');
  // Sharing the CV with a host is the expert's own choice, and the demo expert has not made it yet: without it,
  // the host would not see them on the shortlist. They give it here, with the confirmation the page asks for.
  const sharing = expert.getByTestId('consent-share_cv_with_host');
  expect(await sharing.getAttribute('data-granted')).toBe('false');
  await sharing.getByRole('button', { name: 'Accorder' }).click();
  await expert.getByTestId('confirm-consent').click();
  await expect.poll(() => sharing.getAttribute('data-granted')).toBe('true');
  await expert.goto(`${server.url}/calls/${callId}`);
  await expert.getByRole('link', { name: 'Postuler', exact: true }).click();
  await expert.waitForURL(`**/calls/${callId}/apply`);
  await expert.getByText(reference).waitFor();
  await expectNoSeriousViolation(expert);
  await expert
    .getByLabel(/^Motivation/)
    .fill(
      `J’ai conduit la dématérialisation des examens de deux universités néerlandaises et formé leurs équipes. ${markup}`,
    );
  await expert.getByLabel(/^Je confirme être disponible/).check();
  await expert.getByRole('button', { name: 'Envoyer ma candidature' }).click();
  await expert.waitForURL('**/my-applications');
  const mine = expert.getByTestId('my-application').filter({ hasText: reference });
  await mine.locator('[data-status="submitted"]').waitFor();

  // 5. The officer reviews and shortlists the application, then shares the shortlist with the host.
  await officer.getByRole('link', { name: 'Candidatures et présélection' }).click();
  await officer.waitForURL(`**${torPath}/applications`);
  const row = officer.getByTestId('screening-row').filter({ hasText: expertName });
  const dialog = officer.getByRole('dialog');
  await row.getByRole('button', { name: 'Mettre en examen' }).click();
  await dialog.getByRole('button', { name: 'Mettre en examen' }).click();
  await row.locator('[data-status="under_review"]').waitFor();
  await row.getByRole('button', { name: 'Présélectionner' }).click();
  await dialog.getByRole('button', { name: 'Présélectionner' }).click();
  await row.locator('[data-status="shortlisted"]').waitFor();
  await officer.getByRole('button', { name: 'Partager avec l’institution' }).click();
  await dialog.getByRole('button', { name: 'Partager avec l’institution' }).click();
  await officer.getByText(/^Liste restreinte partagée avec l’institution le /).waitFor();

  // 6. The focal point picks the expert from the shared shortlist, saying why.
  await focal.reload();
  await focal.getByRole('link', { name: 'Présélection partagée' }).click();
  await focal.waitForURL(`**${torPath}/shortlist`);
  const candidate = focal.getByTestId('shortlist-card').filter({ hasText: expertName });
  await candidate.getByRole('button', { name: 'Sélectionner', exact: true }).click();
  const choice = focal.getByRole('dialog');
  await choice.getByLabel(/^Pourquoi ce choix/).fill('A déjà numérisé les examens de deux universités.');
  await choice.getByRole('button', { name: 'Sélectionner', exact: true }).click();
  await candidate.getByText('Votre choix').waitFor();
  await expectMarkupInert(focal);

  // 7. The officer confirms the host's choice.
  await officer.reload();
  await row.getByText('Choisi par l’institution : A déjà numérisé les examens de deux universités.').waitFor();
  await row.getByRole('button', { name: 'Confirmer la sélection' }).click();
  await dialog.getByRole('button', { name: 'Confirmer la sélection' }).click();
  await row.locator('[data-status="selected"]').waitFor();
  await expectMarkupInert(officer);

  // 8. The expert sees the selection, and the e-mail reaches the SMTP server (the outbox is sent every 2 s).
  await expert.reload();
  await expect.poll(() => mine.locator('[data-status]').textContent()).toBe('Sélectionnée');
  await mine.getByText('Vous êtes retenu(e) pour cette mission.', { exact: false }).waitFor();
  await expectNoSeriousViolation(expert);
  const selectionMails = () =>
    peer.received.filter(
      (mail) =>
        mail.recipients.includes(expertEmail) && mail.headers['x-passerelle-template'] === 'application_selected',
    );
  await expect.poll(() => selectionMails().length, { timeout: 30_000, interval: 500 }).toBe(1);
  expect(selectionMails()[0]!.text).toContain(reference);

  // 9. The expert narrows their alerts for new calls to a sector; the choice is saved at once and kept.
  await expert.getByRole('combobox', { name: 'Secteurs à suivre' }).fill('Recherche médicale');
  await expert.getByRole('option', { name: 'Recherche médicale' }).click();
  await expect
    .poll(async () => (await expert.request.get(`${server.url}/api/experts/me/call-alerts`)).json())
    .toMatchObject({ sectors: ['12182'] });
  await expert.reload();
  await expert.locator('.mantine-Pill-label', { hasText: 'Recherche médicale' }).waitFor();
}, 240_000);

it('keeps what a focal point typed when someone else saved the ToR first', async () => {
  const torId = await insertAssignment(server.database.db, { state: 'draft', publishedAt: null });
  const focal = await signedIn(focalEmail, false);
  await focal.goto(`${server.url}/assignments/${torId}`);
  const title = focal.getByLabel(/^Titre \(français\)/);
  await title.waitFor();
  // The officer saves a change first, from their own browser.
  const officer = await signedIn(officerEmail, true);
  await officer.goto(`${server.url}/assignments/${torId}`);
  const saved = await officer.evaluate(async (id) => {
    const response = await fetch(`/api/assignments/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1, needStatement: 'Précisé par le chargé de programme.' }),
    });
    return response.status;
  }, torId);
  expect(saved).toBe(200);
  // The focal point, still on version 1, saves their own title: refused, and nothing they typed is lost.
  await title.fill('Mon titre à ne pas perdre');
  await focal.getByRole('button', { name: 'Enregistrer' }).click();
  const conflict = focal.getByTestId('version-conflict');
  await conflict.waitFor();
  await conflict.getByRole('button', { name: 'Recharger la dernière version' }).click();
  await focal.getByTestId('unsaved-text').getByText('Mon titre à ne pas perdre').waitFor();
  await expectNoSeriousViolation(focal);
});
