import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { todayInMorocco } from '../../src/modules/assignments/dates.ts';
import { minimalPdf } from '../../src/modules/experts/documents/documents.test-helper.ts';
import { sendDueSurveys } from '../../src/modules/missions/surveys/job.ts';
import {
  launchChromium,
  seriousViolations,
  signInThroughUi,
  startDemoServer,
  switchLanguage,
} from '../helpers/browser.ts';

// A mission from start to finish in the browser (issue 6): the officer makes it from a selection, the expert
// accepts the agreement, the checklist is completed, the mission runs with one online session, the expert reports,
// the focal point evaluates, the officer closes it, and the one-year survey goes out a year later.
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

const query = <Row>(sql: string, params: unknown[] = []) => server.app.ctx.database.query<Row>(sql, params);
const deliverablePdf = minimalPdf(['Tableau de bord de suivi des étudiants']);
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function signedIn(email: string, staff: boolean): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughUi(page, server.url, email, staff);
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect({ url: page.url(), violations: await seriousViolations(page) }).toEqual({ url: page.url(), violations: [] });
}

/** Confirms the move `label` in its dialog and waits for the state badge to say `state`. */
async function move(page: Page, label: string, state: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(state, { exact: true }).first().waitFor();
}

it('takes a mission from the selection to the one-year survey', async () => {
  // The demo's host has chosen an applicant on a call; staff confirm the choice (the selection has its own tests).
  const [chosen] = await query<{ id: string; assignment_id: string; email: string }>(
    `select a.id, a.assignment_id, u.email from applications a join users u on u.id = a.expert_id
     where a.host_selected_at is not null limit 1`,
  );
  expect(chosen).toBeDefined();
  await query("update applications set status = 'selected' where id = $1", [chosen!.id]);

  // 1. The officer makes the mission from the selection, online and on site (hybrid).
  const officer = await signedIn('officer@passerelle.example', true);
  await officer.goto(`${server.url}/assignments/${chosen!.assignment_id}/applications`);
  await officer.getByRole('button', { name: 'Créer la mission' }).first().click();
  const create = officer.getByRole('dialog');
  await create.getByLabel('Jours de travail').fill('5');
  await create.getByLabel('Modalité').selectOption('hybrid');
  await create.getByLabel('Personne de contact chez l’hôte').fill('Samira Alaoui');
  await create.getByRole('button', { name: 'Créer la mission' }).click();
  await officer.waitForURL(/\/missions\/[0-9a-f-]{36}$/);
  const missionUrl = officer.url();
  const missionId = missionUrl.split('/').pop()!;
  await officer.getByText('Planifiée', { exact: true }).first().waitFor();
  await expectAccessible(officer);

  // The host's calendar moved: the officer shortens the mission to a week, saying why.
  await officer.getByRole('button', { name: 'Changer les dates' }).click();
  const reschedule = officer.getByRole('dialog');
  const firstDay = await reschedule.getByLabel('Premier jour').inputValue();
  const weekLater = new Date(Date.parse(`${firstDay}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
  await reschedule.getByLabel('Dernier jour').fill(weekLater);
  await reschedule.getByLabel('Pourquoi les dates changent').fill('Le service est fermé la deuxième semaine.');
  await expectAccessible(officer);
  await reschedule.getByRole('button', { name: 'Enregistrer les nouvelles dates' }).click();
  await reschedule.waitFor({ state: 'detached' });
  const [moved] = await query<{ ends_on: string }>('select ends_on::text from missions where id = $1', [missionId]);
  expect(moved!.ends_on).toBe(weekLater);

  // The mission runs from three days ago to six days ahead (the call's window lies months ahead in the demo).
  await query('update missions set starts_on = $1, ends_on = $2 where id = $3', [isoDay(-3), isoDay(6), missionId]);

  // 2. The expert reads the agreement and accepts it.
  const expert = await signedIn(chosen!.email, false);
  await expert.goto(missionUrl);
  await expert.getByRole('button', { name: 'Accepter l’accord' }).click();
  await expert.getByRole('dialog').getByRole('button', { name: 'J’accepte l’accord' }).click();
  await expert.getByText('Convenue', { exact: true }).first().waitFor();

  // 3. The checklist is completed: the last tick makes the mission ready.
  await officer.reload();
  for (const item of [
    'Lettre d’invitation de l’hôte',
    'Visa',
    'Voyage réservé',
    'Assurance',
    'Briefing avant le départ',
  ]) {
    // Each tick is saved before the box shows it.
    const box = officer.getByRole('checkbox', { name: `Fait : ${item}` });
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
  }
  await expectAccessible(officer);
  await officer.getByText('Prête', { exact: true }).first().waitFor();
  await move(officer, 'Démarrer la mission', 'En cours');

  // 4. One online session, whose attendance the focal point records.
  await officer.getByRole('heading', { name: 'Planifier une séance' }).waitFor();
  await officer.getByLabel('Date et heure').fill(`${isoDay(-1)}T10:00`);
  await officer.getByLabel('Durée (minutes)').fill('90');
  await officer.getByLabel('Thème').fill('Tableaux de bord de suivi des étudiants');
  await officer.getByLabel('Participants prévus').fill('12');
  await officer.getByRole('button', { name: 'Planifier', exact: true }).click();
  await officer.getByRole('cell', { name: 'Tableaux de bord de suivi des étudiants' }).first().waitFor();

  const focal = await signedIn('focal.point@passerelle.example', false);
  await focal.goto(missionUrl);
  await focal.getByLabel('Nombre de présents à la séance « Tableaux de bord de suivi des étudiants »').fill('10');
  await focal.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  const attendance = () =>
    query<{ attended: number }>('select attended from mission_sessions where mission_id = $1', [missionId]);
  await expect.poll(async () => (await attendance())[0]?.attended).toBe(10);
  // The focal point names a member of staff who worked with the expert, for the knowledge-transfer surveys.
  const surveys = focal.getByTestId('surveys-panel');
  await surveys.getByLabel('Nom').fill('Karima Benjelloun');
  await surveys.getByLabel('Adresse e-mail').fill('karima.benjelloun@example.org');
  await surveys.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await surveys.getByTestId('survey-respondent').getByText('Karima Benjelloun').waitFor();

  // 5. The expert reports; submitting moves the mission to its reporting phase.
  await expert.reload();
  await expert.getByLabel('Activités réalisées').fill('Quatre ateliers avec l’équipe du service de la scolarité.');
  await expert.getByLabel('Résultats').fill('Un tableau de bord de suivi des étudiants est en service.');
  await expert.getByLabel('Recommandations').fill('Former deux référents par faculté avant la rentrée.');
  // One deliverable, its file sent as soon as it is chosen; the title comes from the file's name.
  await expert.getByRole('button', { name: 'Ajouter un livrable' }).click();
  await expert
    .getByTestId('deliverable-row')
    .locator('input[type=file]')
    .setInputFiles({ name: 'tableau-de-bord.pdf', mimeType: 'application/pdf', buffer: Buffer.from(deliverablePdf) });
  await expert.getByTestId('deliverable-file').getByText('tableau-de-bord.pdf').waitFor();
  expect(await expert.getByRole('textbox', { name: 'Livrable 1', exact: true }).inputValue()).toBe('tableau-de-bord');
  await expert.getByRole('button', { name: 'Soumettre le rapport' }).click();
  await expert.getByText('Rapport en cours', { exact: true }).first().waitFor();

  // 6. The focal point evaluates.
  await focal.reload();
  await focal.getByLabel('Connaissances transférées').waitFor();
  for (const group of await focal.getByRole('radiogroup').all()) await group.getByRole('radio').last().check();
  await focal.getByLabel('Connaissances transférées').fill('Construire et lire un tableau de bord de suivi.');
  await focal.getByRole('radio', { name: 'Oui' }).first().check();
  await focal.getByRole('button', { name: 'Envoyer l’évaluation' }).click();
  await focal.getByText('Besoin satisfait : Oui').waitFor();
  await expectAccessible(focal);

  // 7. The officer accepts the report and closes the mission.
  await officer.reload();
  // The deliverable downloads as the expert sent it.
  const link = officer.getByTestId('deliverable-file').getByText('tableau-de-bord.pdf');
  const download = await officer.request.get(`${server.url}${await link.getAttribute('href')}`);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(Buffer.from(deliverablePdf))).toBe(true);
  await officer.getByRole('button', { name: 'Accepter le rapport' }).click();
  await officer.getByText('Accepté', { exact: true }).first().waitFor();
  await move(officer, 'Clôturer la mission', 'Clôturée');

  // The expert reads the closed mission in Arabic, right to left.
  await expert.reload();
  await switchLanguage(expert, 'ar');
  expect(await expert.locator('html').getAttribute('dir')).toBe('rtl');
  await expert.getByText('مغلقة', { exact: true }).first().waitFor();
  await expectAccessible(expert);
  await switchLanguage(expert, 'fr');

  // 8. The one-year survey is scheduled a year after the close, and goes out on that day.
  const [closed] = await query<{ closed_at: Date }>('select closed_at from missions where id = $1', [missionId]);
  // The close date is the day in Morocco (UTC+1): a mission closed at 23:30 UTC closed the next day there.
  const [year, month, dayOfMonth] = todayInMorocco(new Date(closed!.closed_at)).split('-').map(Number);
  const yearLater = new Date(Date.UTC(year! + 1, month! - 1, dayOfMonth!, 12));
  const [survey] = await query<{ due_on: string }>(
    "select due_on::text from mission_surveys where mission_id = $1 and moment = 'one_year'",
    [missionId],
  );
  expect(survey!.due_on).toBe(yearLater.toISOString().slice(0, 10));
  await sendDueSurveys(server.app.ctx.database.db, yearLater, server.url);
  const admin = await signedIn('admin@passerelle.example', true);
  await admin.goto(`${server.url}/admin/outbox`);
  // The e-mail is in the outbox, dated the day it went out: a year after the close.
  const row = admin.getByRole('row').filter({ hasText: 'karima.benjelloun@example.org' });
  await row.first().waitFor();
  const sentDay = new Intl.DateTimeFormat('fr', { dateStyle: 'medium' }).format(yearLater);
  await row.filter({ hasText: sentDay }).first().waitFor();
  const [mail] = await query<{ template: string; text_body: string }>(
    "select template, text_body from email_outbox where to_address = 'karima.benjelloun@example.org' and template like '%one_year%'",
  );
  expect(mail?.text_body).toContain(`${server.url}/survey/`);
}, 120_000);
