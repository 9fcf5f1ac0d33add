import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, origin, type TestApp } from '../../../../test/helpers/app.ts';
import { outboxFor } from '../../applications/applications.test-helper.ts';
import { auditActions, dayFromToday, insertMission, missionScene, rowsOf } from '../reporting/reporting.test-helper.ts';
import { sendDueSurveys } from './job.ts';

// The survey page behind a personal link, server-rendered and without JavaScript (page.ts): what a browser with
// scripts off gets, through HTTP only.
let t: TestApp;
let cookies: Awaited<ReturnType<typeof missionScene>>;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  cookies = await missionScene(t);
});
afterAll(() => t.close());

let people = 0;
/**
 * A respondent of a new mission whose survey has been e-mailed: the mission ended, so the `after` survey (four
 * statements) is due, unless `planned` (then `before`, one statement). The token of the e-mailed link.
 */
async function surveyLink(locale: string, { planned = false } = {}) {
  people += 1;
  const mission = await insertMission(
    t,
    planned
      ? { state: 'planned', startsOn: dayFromToday(20), endsOn: dayFromToday(30) }
      : { startsOn: dayFromToday(-12), endsOn: dayFromToday(-8) },
  );
  const email = `page.respondent.${people}@host.example.org`;
  const added = await t.request({
    method: 'POST',
    url: `/api/missions/${mission.id}/survey-respondents`,
    cookie: cookies.focal,
    payload: { name: `Nadia Alaoui ${people}`, email, locale },
  });
  expect(added.statusCode, added.body).toBe(201);
  await sendDueSurveys(t.database.db, new Date(), origin);
  const [mail] = await outboxFor(t, email);
  const token = /\/survey\/([A-Za-z0-9_-]+)$/m.exec(mail!.text_body)![1]!;
  return { mission, token };
}

const page = (token: string, query = '', headers: Record<string, string> = {}) =>
  t.request({ method: 'GET', url: `/survey/${token}${query}`, headers });
const post = (token: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  t.request({
    method: 'POST',
    url: `/survey/${token}?lang=en`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(form).toString(),
  });
const fieldsets = (html: string) => [...html.matchAll(/<legend>([^<]*)<\/legend>/g)].map((match) => match[1]);
const radios = (html: string) => html.match(/type="radio"/g)?.length ?? 0;

describe('the survey page (no JavaScript)', () => {
  it('shows the statements of the moment in the respondent’s language, and in Arabic right to left on request', async () => {
    const { mission, token } = await surveyLink('nl', { planned: true });
    const dutch = await page(token);
    expect(dutch.statusCode, dutch.body).toBe(200);
    expect(dutch.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(dutch.headers['cache-control']).toBe('no-store');
    expect(dutch.headers['content-security-policy']).toContain("script-src 'self'");
    expect(dutch.body).toMatch(/^<!doctype html><html lang="nl" dir="ltr">/);
    expect(fieldsets(dutch.body)).toEqual(['Ik beheers het onderwerp van de missie.']);
    expect(radios(dutch.body)).toBe(5);
    expect(dutch.body).toContain('<label for="q-text">Wat verwacht u van deze missie?</label>');
    expect(dutch.body).toContain(mission.reference);
    expect(dutch.body).toContain('Mijn antwoorden versturen');
    expect(dutch.body).not.toMatch(/<script|<link|<img|@font-face|url\(/);
    // Light enough for one round trip on a slow connection.
    expect(Buffer.byteLength(dutch.body)).toBeLessThan(15_000);

    const arabic = await page(token, '?lang=ar');
    expect(arabic.statusCode).toBe(200);
    expect(arabic.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(fieldsets(arabic.body)).toEqual(['أتقن موضوع المهمة.']);
    expect(arabic.body).toContain('5 – تماماً');
    expect(arabic.body).toContain(`action="/survey/${token}?lang=ar"`);
    expect(await page(token, '?lang=de')).toMatchObject({
      statusCode: 200,
      body: expect.stringContaining('lang="nl"'),
    });
  });

  it('stores a form post once, sends the respondent to the thank-you page, and refuses the link afterwards', async () => {
    const { mission, token } = await surveyLink('fr');
    const form = await page(token);
    expect(fieldsets(form.body)).toHaveLength(4);
    expect(radios(form.body)).toBe(20);

    // One statement unanswered: the form comes back with what was sent and the message beside the field.
    const partial = { level: '4', apply: '3', shared: '5', text: 'Un tableau de bord <utile>' };
    const missing = await post(token, partial);
    expect(missing.statusCode, missing.body).toBe(422);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body).toContain('lang="en"');
    expect(missing.body).toMatch(/<div class="alert" role="alert">.*href="#q-practice_changed"/);
    expect(missing.body).toContain(
      '<fieldset id="q-practice_changed" aria-describedby="e-practice_changed"><legend>We changed a practice in our work.</legend><p class="err" id="e-practice_changed">Choose an answer for this statement.</p>',
    );
    expect(missing.body).toContain('name="level" value="4" required checked');
    expect(missing.body).toContain('name="shared" value="5" required checked');
    expect(missing.body).toContain('Un tableau de bord &lt;utile&gt;</textarea>');
    expect(missing.body).not.toContain('aria-describedby="e-level"');
    const outOfScale = await post(token, { ...partial, practice_changed: '9' });
    expect(outOfScale.statusCode).toBe(422);
    expect(outOfScale.body).toContain('name="practice_changed" value="1" required aria-invalid="true"');
    expect((await rowsOf(t, 'mission_surveys', mission.id))[0]!.submitted_at).toBeNull();

    const sent = await post(token, { ...partial, practice_changed: '2' });
    expect(sent.statusCode, sent.body).toBe(303);
    expect(sent.headers.location).toBe(`/survey/${token}?lang=en&answered=1`);
    const thanks = await page(token, '?lang=en&answered=1');
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('<h1>Thank you!</h1>');
    const [row] = await rowsOf(t, 'mission_surveys', mission.id);
    expect(row!.answers).toEqual({
      ratings: { level: 4, apply: 3, shared: 5, practice_changed: 2 },
      text: 'Un tableau de bord <utile>',
    });
    // Read back through the JSON API too: the link is spent there as well.
    expect((await t.request({ method: 'GET', url: `/api/surveys/${token}` })).statusCode).toBe(409);

    const again = await post(token, { level: '1', apply: '1', practice_changed: '1', shared: '1' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This survey has already been answered');
    const reopened = await page(token);
    expect(reopened.statusCode).toBe(409);
    expect(reopened.body).toContain('Cette enquête a déjà reçu une réponse');
    expect((await rowsOf(t, 'mission_surveys', mission.id))[0]!.answers).toEqual(row!.answers);
    expect((await auditActions(t, mission.id)).filter((action) => action === 'mission.survey_answered')).toHaveLength(
      1,
    );
  });

  it('answers an unknown or malformed link with a 404 page in the browser’s language', async () => {
    for (const token of ['unknown-token-0000000000000', 'short', 'not%20a%20token%2F%2E%2E']) {
      const shown = await page(token, '', { 'accept-language': 'ar-MA,ar;q=0.9,fr;q=0.8' });
      expect(shown.statusCode, token).toBe(404);
      expect(shown.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(shown.body).toContain('<html lang="ar" dir="rtl">');
      expect(shown.body).toContain('هذا الرابط غير صالح');
      expect((await post(token, { level: '3' })).statusCode).toBe(404);
    }
  });

  it('refuses a post from another site or in another format, storing nothing', async () => {
    const { mission, token } = await surveyLink('en', { planned: true });
    const forged = await post(token, { level: '5' }, { origin: 'https://forms.evil.example' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('csrf_rejected');
    const json = await t.request({ method: 'POST', url: `/survey/${token}`, payload: { ratings: { level: 5 } } });
    expect(json.statusCode).toBe(415);
    expect((await rowsOf(t, 'mission_surveys', mission.id)).map((row) => row.submitted_at)).toEqual([null, null]);
    // The same answer from the page's own origin is taken.
    expect((await post(token, { level: '5' })).statusCode).toBe(303);
  });
});
