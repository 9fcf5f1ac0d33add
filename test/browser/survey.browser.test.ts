import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoPassword } from '../../src/demo/load.ts';
import { sendDueSurveys } from '../../src/modules/missions/surveys/job.ts';
import { demoTotp, launchChromium, seriousViolations, startDemoServer } from '../helpers/browser.ts';

// The knowledge-transfer survey as a member of the host's staff gets it (issue 6): a personal link in an e-mail,
// opened in a browser with JavaScript off, as on a slow or locked-down machine. The page is server-rendered HTML.
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

/** The API as the demo programme officer (password and authenticator code). */
async function asOfficer(method: string, url: string, body?: unknown, cookie?: string) {
  return fetch(`${server.url}/api${url}`, {
    method,
    headers: {
      origin: server.url,
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Adds a respondent to the demo's planned mission (its `before` survey is due today) and e-mails it: the link. */
async function surveyLink(email: string, locale: string): Promise<string> {
  const login = await asOfficer('POST', '/auth/login', {
    email: 'officer@passerelle.example',
    password: demoPassword,
    totp: demoTotp(),
  });
  const cookie = login.headers
    .getSetCookie()
    .find((line) => line.startsWith('passerelle_session='))!
    .split(';')[0]!;
  const planned = (await (await asOfficer('GET', '/missions?state=planned', undefined, cookie)).json()) as {
    items: { id: string }[];
  };
  const added = await asOfficer(
    'POST',
    `/missions/${planned.items[0]!.id}/survey-respondents`,
    { name: 'Karima Benjelloun', email, locale },
    cookie,
  );
  expect(added.status, await added.text()).toBe(201);
  await sendDueSurveys(server.app.ctx.database.db, new Date(), server.url);
  const [mail] = await query<{ text_body: string }>('select text_body from email_outbox where to_address = $1', [
    email,
  ]);
  return /^https?:\/\/\S+\/survey\/\S+$/m.exec(mail!.text_body)![0];
}

it('answers the survey with JavaScript off, once, on a light and accessible page', async () => {
  const link = await surveyLink('karima.survey@example.org', 'fr');
  expect(link).toMatch(new RegExp(`^${server.url}/survey/`));

  // Axe runs in the page, so it needs scripts: checked on the same pages, in a context that has them.
  const audit = await (await browser.newContext()).newPage();
  for (const url of [link, `${link}?lang=ar`]) {
    await audit.goto(url);
    expect({ url, violations: await seriousViolations(audit) }).toEqual({ url, violations: [] });
  }
  expect(await audit.locator('html').getAttribute('dir')).toBe('rtl');

  // A browser set to French: the pages of a spent link, which no longer say whose it was, follow its language.
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const opened = await page.goto(link);
  expect(opened!.status()).toBe(200);
  // The document alone: no script, style sheet, font or image to wait for.
  expect(requested.filter((url) => !url.endsWith('/favicon.ico'))).toEqual([link]);
  expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  await page.getByRole('heading', { name: 'Enquête sur la mission' }).waitFor();

  // Sending with a statement unanswered is stopped by the browser itself: nothing leaves the page.
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  expect(page.url()).toBe(link);

  await page
    .getByRole('group', { name: 'Je maîtrise le sujet de la mission.' })
    .getByLabel('2 – Peu', { exact: true })
    .check();
  await page.getByLabel('Qu’attendez-vous de cette mission ?').fill('Mieux suivre nos étudiants.');
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await page.getByRole('heading', { name: 'Merci !' }).waitFor();
  expect(page.url()).toContain('answered=1');
  await page.getByText('Vos réponses sont enregistrées.').waitFor();

  const [stored] = await query<{ answers: unknown }>(
    "select answers from mission_surveys where respondent_email = 'karima.survey@example.org' and moment = 'before'",
  );
  expect(stored!.answers).toEqual({ ratings: { level: 2 }, text: 'Mieux suivre nos étudiants.' });

  // The same link again: already answered.
  const reopened = await page.goto(link);
  expect(reopened!.status()).toBe(409);
  await page.getByRole('heading', { name: 'Enquête déjà remplie' }).waitFor();
  await audit.goto(link);
  expect({ violations: await seriousViolations(audit) }).toEqual({ violations: [] });
  await context.close();
});

it('refuses the form posted from another site', async () => {
  const link = await surveyLink('samir.survey@example.org', 'en');
  const context = await browser.newContext({ javaScriptEnabled: false });
  // A page of another origin whose form targets the survey link: the browser sends that origin with the post.
  await context.route('http://elsewhere.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><form method="post" action="${link}"><input name="level" value="5"><button>Go</button></form>`,
    }),
  );
  const page = await context.newPage();
  await page.goto('http://elsewhere.example/');
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url() === link),
    page.getByRole('button', { name: 'Go' }).click(),
  ]);
  expect(response.status()).toBe(403);
  const [row] = await query<{ submitted_at: Date | null }>(
    "select submitted_at from mission_surveys where respondent_email = 'samir.survey@example.org' and moment = 'before'",
  );
  expect(row!.submitted_at).toBeNull();
  await context.close();
});
