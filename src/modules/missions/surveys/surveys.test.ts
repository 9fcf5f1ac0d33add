import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, origin, type TestApp } from '../../../../test/helpers/app.ts';
import { outboxFor } from '../../applications/applications.test-helper.ts';
import {
  auditActions,
  dayFromToday,
  expectError,
  insertMission,
  missionScene,
  rowsOf,
} from '../reporting/reporting.test-helper.ts';
import { sendDueSurveys } from './job.ts';
import { oneYearAfter } from './respondents.ts';

let t: TestApp;
let cookies: Awaited<ReturnType<typeof missionScene>>;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  cookies = await missionScene(t);
});
afterAll(() => t.close());

let people = 0;
/** A new respondent with an address of their own, so each test reads only its own e-mails. */
function respondent(locale = 'fr') {
  people += 1;
  return { name: `Salma Idrissi ${people}`, email: `salma.${people}@host.example.org`, locale };
}
const addRespondent = (cookie: string, missionId: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/missions/${missionId}/survey-respondents`, cookie, payload });
const listSurveys = (cookie: string, missionId: string) =>
  t.request({ method: 'GET', url: `/api/missions/${missionId}/surveys`, cookie });
const openForm = (token: string) => t.request({ method: 'GET', url: `/api/surveys/${token}` });
const answer = (token: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/surveys/${token}`, payload });
const allRatings = { level: 4, apply: 4, practice_changed: 3, shared: 5 };

/** The personal links e-mailed to `address`, oldest first, with their template. */
async function linksTo(address: string) {
  return (await outboxFor(t, address)).map((mail) => ({
    template: mail.template,
    subject: mail.subject,
    token: /\/survey\/([A-Za-z0-9_-]+)$/m.exec(mail.text_body)?.[1] ?? '',
    link: /^https?:\/\/\S+\/survey\/\S+$/m.exec(mail.text_body)?.[0] ?? '',
  }));
}

describe('survey respondents', () => {
  it('gives a respondent of a mission not started the before survey (due today) and the after survey', async () => {
    const mission = await insertMission(t, { state: 'planned', startsOn: dayFromToday(20), endsOn: dayFromToday(30) });
    const person = respondent();
    const added = await addRespondent(cookies.focal, mission.id, person);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().items.map((item: { moment: string; dueOn: string }) => [item.moment, item.dueOn])).toEqual([
      ['before', dayFromToday(0)],
      ['after', dayFromToday(30)],
    ]);
    const again = await addRespondent(cookies.officer, mission.id, { ...person, email: person.email.toUpperCase() });
    expectError(again, 409, 'respondent_exists');
    for (const cookie of [cookies.officer, cookies.me, cookies.focal]) {
      const list = await listSurveys(cookie, mission.id);
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toHaveLength(2);
      expect(list.body).not.toMatch(/token/i);
    }
    expectError(await listSurveys(cookies.expert, mission.id), 403, 'forbidden');
    expectError(await listSurveys(cookies.donor, mission.id), 404, 'not_found');
    expect(await auditActions(t, mission.id)).toEqual(['mission.survey_respondent_added']);
  });

  it('gives only the after survey once the mission started, and the one-year survey too on a closed mission', async () => {
    const running = await insertMission(t);
    const first = await addRespondent(cookies.officer, running.id, respondent());
    expect(first.json().items.map((item: { moment: string }) => item.moment)).toEqual(['after']);
    const closedAt = new Date('2026-03-10T10:00:00Z');
    const closed = await insertMission(t, { state: 'closed', closedAt, startsOn: '2026-02-01', endsOn: '2026-02-20' });
    const second = await addRespondent(cookies.focal, closed.id, respondent());
    expect(second.json().items.map((item: { moment: string; dueOn: string }) => [item.moment, item.dueOn])).toEqual([
      ['after', '2026-02-20'],
      ['one_year', '2027-03-10'],
    ]);
  });

  it('refuses bad respondents and other callers with their codes, writing nothing', async () => {
    const cancelled = await insertMission(t, { state: 'cancelled' });
    expectError(await addRespondent(cookies.officer, cancelled.id, respondent()), 409, 'mission_settled');
    const mission = await insertMission(t);
    for (const payload of [
      { ...respondent(), email: 'not an address' },
      { ...respondent(), locale: 'de' },
      { ...respondent(), name: '' },
      { ...respondent(), phone: '0600000000' },
    ]) {
      expectError(await addRespondent(cookies.officer, mission.id, payload), 400, 'validation_failed');
    }
    expectError(await addRespondent(cookies.me, mission.id, respondent()), 403, 'forbidden');
    expectError(await addRespondent(cookies.expert, mission.id, respondent()), 403, 'forbidden');
    expectError(await addRespondent(cookies.donor, mission.id, respondent()), 404, 'not_found');
    for (const id of [cancelled.id, mission.id]) {
      expect(await rowsOf(t, 'mission_surveys', id)).toEqual([]);
      expect(await auditActions(t, id)).toEqual([]);
    }
  });
});

describe('the survey mailer and the public form', () => {
  it('e-mails a due survey with a working personal link, once, and takes one answer in the respondent’s language', async () => {
    const mission = await insertMission(t, { state: 'planned', startsOn: dayFromToday(20), endsOn: dayFromToday(30) });
    const person = respondent('nl');
    await addRespondent(cookies.focal, mission.id, person);
    const now = new Date();
    await Promise.all([sendDueSurveys(t.database.db, now, origin), sendDueSurveys(t.database.db, now, origin)]);
    expect((await sendDueSurveys(t.database.db, now, origin)).sent).toBe(0);
    const links = await linksTo(person.email);
    expect(links.map((link) => link.template)).toEqual(['mission_survey_before']);
    expect(links[0]!.link).toBe(`${origin}/survey/${links[0]!.token}`);
    const stored = await rowsOf(t, 'mission_surveys', mission.id);
    expect(JSON.stringify(stored)).not.toContain(links[0]!.token);

    const form = await openForm(links[0]!.token);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.json()).toMatchObject({
      moment: 'before',
      locale: 'nl',
      respondentName: person.name,
      mission: { reference: mission.reference, expert: expect.any(String), host: expect.any(String) },
    });
    expect(form.json().questions.map((q: { key: string }) => q.key)).toEqual(['level', 'text']);
    expect(form.json().questions[0].text).toBe('Ik beheers het onderwerp van de missie.');

    const missing = await answer(links[0]!.token, { ratings: {} });
    expectError(missing, 400, 'validation_failed');
    expect(missing.json().error.fields).toEqual([expect.objectContaining({ path: 'ratings.level', code: 'required' })]);
    const unknown = await answer(links[0]!.token, { ratings: { level: 3, apply: 4 } });
    expect(unknown.json().error.fields).toEqual([
      expect.objectContaining({ path: 'ratings.apply', code: 'unknown_field' }),
    ]);
    expectError(await answer(links[0]!.token, { ratings: { level: 6 } }), 400, 'validation_failed');
    const answered = await answer(links[0]!.token, { ratings: { level: 2 }, text: 'Mieux concevoir nos cursus.' });
    expect(answered.statusCode, answered.body).toBe(201);
    expectError(await answer(links[0]!.token, { ratings: { level: 5 } }), 409, 'survey_already_submitted');
    expectError(await openForm(links[0]!.token), 409, 'survey_already_submitted');
    const before = (await rowsOf(t, 'mission_surveys', mission.id)).find((row) => row.moment === 'before')!;
    expect(before.answers).toEqual({ ratings: { level: 2 }, text: 'Mieux concevoir nos cursus.' });
    expectError(await openForm('unknown-token-0000000000000'), 404, 'not_found');
    expectError(await answer('unknown-token-0000000000000', { ratings: { level: 3 } }), 404, 'not_found');
    expect(await auditActions(t, mission.id)).toContain('mission.survey_answered');
  });

  it('reminds an unanswered survey seven days later, once, with a second link beside the first', async () => {
    const mission = await insertMission(t, { startsOn: dayFromToday(-12), endsOn: dayFromToday(-8) });
    const person = respondent('en');
    await addRespondent(cookies.officer, mission.id, person);
    const sentAt = new Date();
    await sendDueSurveys(t.database.db, sentAt, origin);
    const sixDays = new Date(sentAt.getTime() + 6 * 86_400_000);
    expect((await sendDueSurveys(t.database.db, sixDays, origin)).reminded).toBe(0);
    const sevenDays = new Date(sentAt.getTime() + 7 * 86_400_000);
    expect((await sendDueSurveys(t.database.db, sevenDays, origin)).reminded).toBeGreaterThanOrEqual(1);
    expect((await sendDueSurveys(t.database.db, sevenDays, origin)).reminded).toBe(0);
    const links = await linksTo(person.email);
    expect(links.map((link) => link.template)).toEqual(['mission_survey_after', 'mission_survey_reminder']);
    expect(links[1]!.token).not.toBe(links[0]!.token);
    expect(links[1]!.link).toBe(`${origin}/survey/${links[1]!.token}`);
    const stored = JSON.stringify(await rowsOf(t, 'mission_surveys', mission.id));
    for (const link of links) expect(stored).not.toContain(link.token);
    for (const link of links) {
      const form = await openForm(link.token);
      expect(form.statusCode, form.body).toBe(200);
      expect(form.json()).toMatchObject({ moment: 'after', locale: 'en', respondentName: person.name });
      expect(form.json().questions[1].text).toBe('I can apply what the expert shared.');
    }
  });

  it('takes one answer through either link of a reminded survey and refuses the other afterwards', async () => {
    // Once through the first e-mail's link, once through the reminder's: the other link is refused either way.
    for (const answeredWith of [0, 1]) {
      const mission = await insertMission(t, { startsOn: dayFromToday(-12), endsOn: dayFromToday(-8) });
      const person = respondent('fr');
      await addRespondent(cookies.focal, mission.id, person);
      const sentAt = new Date();
      await sendDueSurveys(t.database.db, sentAt, origin);
      await sendDueSurveys(t.database.db, new Date(sentAt.getTime() + 7 * 86_400_000), origin);
      const links = await linksTo(person.email);
      expect(links.map((link) => link.template)).toEqual(['mission_survey_after', 'mission_survey_reminder']);
      const answered = await answer(links[answeredWith]!.token, { ratings: allRatings });
      expect(answered.statusCode, answered.body).toBe(201);
      for (const link of links) {
        expectError(await openForm(link.token), 409, 'survey_already_submitted');
        expectError(await answer(link.token, { ratings: allRatings }), 409, 'survey_already_submitted');
      }
      const after = (await rowsOf(t, 'mission_surveys', mission.id)).filter((row) => row.moment === 'after');
      expect(after.map((row) => row.answers)).toEqual([{ ratings: allRatings, text: null }]);
      expect((await auditActions(t, mission.id)).filter((action) => action === 'mission.survey_answered')).toHaveLength(
        1,
      );
    }
  });

  it('schedules the one-year survey when the mission closes and e-mails it a year after the closing day', async () => {
    const mission = await insertMission(t, {
      state: 'reporting',
      startsOn: dayFromToday(-20),
      endsOn: dayFromToday(-10),
    });
    const person = respondent('fr');
    await addRespondent(cookies.focal, mission.id, person);
    await t.database.query(
      "insert into mission_reports (mission_id, status, activities, results, recommendations) values ($1, 'accepted', 'a', 'r', 'c')",
      [mission.id],
    );
    await t.database.query(
      "insert into mission_evaluations (mission_id, ratings, knowledge_transferred, need_met, follow_up_wanted) values ($1, '{\"overall\": 5}', 'k', 'yes', false)",
      [mission.id],
    );
    const closed = await t.request({
      method: 'POST',
      url: `/api/missions/${mission.id}/transitions`,
      cookie: cookies.officer,
      payload: { to: 'closed', version: mission.version },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const closedAt = new Date(
      (await t.database.query<{ closed_at: string }>('select closed_at from missions where id = $1', [mission.id]))[0]!
        .closed_at,
    );
    const closingDay = dayFromToday(0, closedAt);
    const list = (await listSurveys(cookies.officer, mission.id)).json().items;
    const oneYear = list.find((item: { moment: string }) => item.moment === 'one_year');
    expect(oneYear).toMatchObject({ dueOn: oneYearAfter(closingDay), sentAt: null, respondentEmail: person.email });
    expect(await auditActions(t, mission.id)).toContain('mission.surveys_scheduled');

    const dayBefore = new Date(Date.parse(`${oneYearAfter(closingDay)}T12:00:00Z`) - 86_400_000);
    await sendDueSurveys(t.database.db, dayBefore, origin);
    expect((await linksTo(person.email)).map((link) => link.template)).not.toContain('mission_survey_one_year');
    const aYearOn = new Date(Date.parse(`${oneYearAfter(closingDay)}T12:00:00Z`));
    await sendDueSurveys(t.database.db, aYearOn, origin);
    const mail = (await linksTo(person.email)).find((link) => link.template === 'mission_survey_one_year')!;
    expect(mail.subject).toContain(mission.reference);
    expect(mail.link).toBe(`${origin}/survey/${mail.token}`);
    const sent = (await rowsOf(t, 'mission_surveys', mission.id)).find((row) => row.moment === 'one_year')!;
    expect(new Date(sent.sent_at as string).toISOString()).toBe(aYearOn.toISOString());
    const form = await openForm(mail.token);
    expect(form.json()).toMatchObject({ moment: 'one_year', locale: 'fr' });
    expect(form.json().questions.map((q: { key: string }) => q.key)).toEqual([
      'level',
      'apply',
      'practice_changed',
      'shared',
      'text',
    ]);
  });

  it('leaves the surveys of a cancelled mission unsent and their links dead', async () => {
    const mission = await insertMission(t, { state: 'planned', startsOn: dayFromToday(20), endsOn: dayFromToday(30) });
    const person = respondent();
    await addRespondent(cookies.focal, mission.id, person);
    await sendDueSurveys(t.database.db, new Date(), origin);
    const [link] = await linksTo(person.email);
    await t.database.query("update missions set state = 'cancelled' where id = $1", [mission.id]);
    expectError(await openForm(link!.token), 404, 'not_found');
    await sendDueSurveys(t.database.db, new Date(Date.now() + 60 * 86_400_000), origin);
    expect(await linksTo(person.email)).toHaveLength(1);
  });
});
