import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { insertAssignment } from '../../../test/helpers/assignments.ts';
import { registerExpert, signInDemo } from '../experts/experts.test-helper.ts';
import { apply, consent, livesIn, motivation, outboxFor, transition, uploadCv } from './applications.test-helper.ts';

let t: TestApp;
let expert: string;
let officer: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  expert = await signInDemo(t, 'expert');
  officer = await signInDemo(t, 'officer');
});
afterAll(() => t.close());

const countRows = async (table: string) =>
  Number((await t.database.query<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

describe('applying to a call', () => {
  it('stores the application, its first event and audit, e-mails the expert and writes an in-app notice', async () => {
    const callId = await insertAssignment(t.database.db, { titleFr: 'Refonte des cursus' });
    const cv = await uploadCv(t, expert);
    const response = await apply(t, expert, callId, { cvDocumentId: cv });
    expect(response.statusCode, response.body).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({ status: 'submitted', version: 1, motivation, cv: { id: cv, fileName: 'cv.pdf' } });
    expect(view.allowedActions).toEqual(['application.withdraw']);
    expect(view.scores).toBeUndefined();
    const mails = await outboxFor(t, 'expert@passerelle.example');
    expect(mails.at(-1)).toMatchObject({ template: 'application_received', locale: 'fr' });
    expect(mails.at(-1)!.text_body).toContain('Refonte des cursus');
    const [notice] = await t.database.query<{ kind: string; link: string }>(
      "select kind, link from in_app_notifications where kind = 'application.submitted' order by created_at desc limit 1",
    );
    expect(notice).toEqual({ kind: 'application.submitted', link: '/my-applications' });
    const audit = await t.database.query(
      "select 1 from audit_events where action = 'application.submitted' and entity_id = $1",
      [view.id],
    );
    expect(audit).toHaveLength(1);

    const mine = await t.request({ method: 'GET', url: '/api/experts/me/applications', cookie: expert });
    expect(mine.json().items[0]).toMatchObject({ id: view.id, call: { id: callId, titleFr: 'Refonte des cursus' } });
  });

  it('allows one application per expert per call: a second is 409 already_applied, nothing changed', async () => {
    const callId = await insertAssignment(t.database.db);
    expect((await apply(t, expert, callId)).statusCode).toBe(201);
    const before = await countRows('applications');
    const mails = (await outboxFor(t, 'expert@passerelle.example')).length;
    const again = await apply(t, expert, callId, { motivation: `${motivation} Encore.` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_applied');
    expect(await countRows('applications')).toBe(before);
    expect((await outboxFor(t, 'expert@passerelle.example')).length).toBe(mails);
  });

  it('refuses a call past its deadline, a closed call (409 call_not_open), a draft or unknown one (404)', async () => {
    const past = await insertAssignment(t.database.db, { deadlineAt: new Date(Date.now() - 60_000) });
    const closed = await insertAssignment(t.database.db, { state: 'closed' });
    const draft = await insertAssignment(t.database.db, { state: 'draft', publishedAt: null });
    const before = await countRows('applications');
    for (const id of [past, closed]) {
      const response = await apply(t, expert, id);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('call_not_open');
    }
    expect((await apply(t, expert, draft)).json().error.code).toBe('not_found');
    expect((await apply(t, expert, crypto.randomUUID())).statusCode).toBe(404);
    expect(await countRows('applications')).toBe(before);
  });

  it('enforces the programme’s residence eligibility', async () => {
    const callId = await insertAssignment(t.database.db);
    const [programme] = await t.database.query<{ eligible: string[] }>(
      "select eligible_residence_countries as eligible from programmes where code = 'cd4d-ma'",
    );
    await t.database.query("update programmes set eligible_residence_countries = '{BE}' where code = 'cd4d-ma'");
    try {
      const rows = await t.database.query<{ residence_country: string }>(
        "select residence_country from expert_profiles p join users u on u.id = p.user_id where u.email = 'expert@passerelle.example'",
      );
      const residence = rows[0]!.residence_country;
      expect(residence).not.toBe('BE');
      const refused = await apply(t, expert, callId);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('not_eligible_residence');
      // Someone who never said where they live is not eligible either.
      const newcomer = await registerExpert(t, 'Karim Idrissi', 'karim.eligibility@example.org');
      expect((await apply(t, newcomer.cookie, callId)).json().error.code).toBe('not_eligible_residence');
      await t.database.query("update programmes set eligible_residence_countries = $1 where code = 'cd4d-ma'", [
        `{BE,${residence}}`,
      ]);
      expect((await apply(t, expert, callId)).statusCode).toBe(201);
    } finally {
      await t.database.query("update programmes set eligible_residence_countries = $1 where code = 'cd4d-ma'", [
        programme!.eligible,
      ]);
    }
  });

  it('needs availability confirmed (422 with the field), a motivation of 50 to 5,000 characters, an own CV', async () => {
    const callId = await insertAssignment(t.database.db);
    const unavailable = await apply(t, expert, callId, { availabilityConfirmed: false });
    expect(unavailable.statusCode).toBe(422);
    expect(unavailable.json().error).toMatchObject({
      code: 'availability_not_confirmed',
      fields: [{ path: 'availabilityConfirmed', code: 'required' }],
    });
    expect((await apply(t, expert, callId, { motivation: 'Trop court.' })).json().error.fields[0]).toMatchObject({
      path: 'motivation',
      code: 'too_short',
    });
    expect((await apply(t, expert, callId, { motivation: 'x'.repeat(5001) })).statusCode).toBe(400);
    const other = await registerExpert(t, 'Samira Alaoui', 'samira.cv@example.org');
    const othersCv = await uploadCv(t, other.cookie);
    const stolen = await apply(t, expert, callId, { cvDocumentId: othersCv });
    expect(stolen.json().error.fields[0]).toMatchObject({ path: 'cvDocumentId', code: 'not_found' });
    // Text is stored as written, markup included; the web app renders it escaped.
    const markup = `<script>alert(1)</script> ${motivation}`;
    const stored = await apply(t, expert, callId, { motivation: markup });
    expect(stored.json().motivation).toBe(markup);
  });

  it('needs consent to processing, and is for experts only', async () => {
    const callId = await insertAssignment(t.database.db);
    const withdrawn = await registerExpert(t, 'Omar Tazi', 'omar.consent@example.org');
    await consent(t, withdrawn.cookie, 'processing', false);
    expect((await apply(t, withdrawn.cookie, callId)).json().error.code).toBe('processing_consent_required');
    expect((await apply(t, officer, callId)).statusCode).toBe(403);
    expect((await apply(t, await signInDemo(t, 'focal.point'), callId)).statusCode).toBe(403);
  });
});

describe('withdrawing', () => {
  it('lets the applicant withdraw until selection, then 409 illegal_transition with nothing changed', async () => {
    const callId = await insertAssignment(t.database.db);
    const expertB = await registerExpert(t, 'Hanane Chraibi', 'hanane.withdraw@example.org');
    await livesIn(t, expertB.id, 'DE');
    const id = (await apply(t, expertB.cookie, callId)).json().id;
    expect((await transition(t, officer, id, 'under_review')).statusCode).toBe(200);
    expect((await transition(t, officer, id, 'shortlisted')).statusCode).toBe(200);
    const withdrawn = await transition(t, expertB.cookie, id, 'withdrawn');
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', version: 4, allowedActions: [] });
    expect((await outboxFor(t, expertB.email)).map((m) => m.template)).toEqual([
      'verify_email',
      'application_received',
      'application_under_review',
      'application_shortlisted',
      'application_withdrawn',
    ]);
    // A shortlisted applicant withdrawing: the programme officers are told.
    expect((await outboxFor(t, 'officer@passerelle.example')).at(-1)!.template).toBe('application_withdrawn_staff');

    const again = await transition(t, expertB.cookie, id, 'withdrawn');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('illegal_transition');
    const events = await t.database.query('select 1 from application_events where application_id = $1', [id]);
    expect(events).toHaveLength(4);
  });

  it('does not let the applicant move their own application anywhere else, nor another expert touch it', async () => {
    const callId = await insertAssignment(t.database.db);
    const id = (await apply(t, expert, callId)).json().id;
    for (const to of ['under_review', 'shortlisted', 'selected']) {
      const response = await transition(t, expert, id, to);
      expect(response.json().error.code).toBe('illegal_transition');
    }
    const stranger = await registerExpert(t, 'Youssef Berrada', 'youssef.stranger@example.org');
    expect((await transition(t, stranger.cookie, id, 'withdrawn')).statusCode).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `/api/applications/${id}`, cookie: stranger.cookie })).statusCode,
    ).toBe(404);
    const [row] = await t.database.query<{ status: string; version: number }>(
      'select status, version from applications where id = $1',
      [id],
    );
    expect(row).toEqual({ status: 'submitted', version: 1 });
  });
});
