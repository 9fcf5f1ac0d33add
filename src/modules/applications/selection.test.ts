import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { insertAssignment } from '../../../test/helpers/assignments.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';
import { applicant, consent, outboxFor, transition, uploadCv } from './applications.test-helper.ts';

let t: TestApp;
let officer: string;
let me: string;
let focal: string;
let donor: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  me = await signInDemo(t, 'me');
  focal = await signInDemo(t, 'focal.point');
  donor = await signInDemo(t, 'donor');
});
afterAll(() => t.close());

const get = (cookie: string, url: string) => t.request({ method: 'GET', url, cookie });
const criteria = [
  { id: 'expertise', label: 'Expertise', weight: 3 },
  { id: 'languages', label: 'Langues', weight: 1 },
];

/** Screens an application up to the shortlist. */
async function shortlist(id: string) {
  expect((await transition(t, officer, id, 'under_review')).statusCode).toBe(200);
  expect((await transition(t, officer, id, 'shortlisted')).statusCode).toBe(200);
}

const share = (callId: string, cookie = officer) =>
  t.request({ method: 'POST', url: `/api/assignments/${callId}/shortlist/share`, cookie });

describe('screening', () => {
  it('scores with a weighted grid (0–100), sorts by score, and keeps scores and notes from the applicant', async () => {
    const callId = await insertAssignment(t.database.db);
    const a = await applicant(t, callId, 'amina.score@example.org');
    const b = await applicant(t, callId, 'bilal.score@example.org');
    const noGrid = await t.request({
      method: 'PUT',
      url: `/api/applications/${a.applicationId}/scores`,
      cookie: officer,
      payload: { scores: { expertise: 5 } },
    });
    expect(noGrid.json().error.code).toBe('scoring_criteria_missing');
    const grid = await t.request({
      method: 'PUT',
      url: `/api/assignments/${callId}/scoring-criteria`,
      cookie: officer,
      payload: { criteria },
    });
    expect(grid.statusCode, grid.body).toBe(200);
    const score = (id: string, scores: Record<string, number>, screeningNote?: string) =>
      t.request({
        method: 'PUT',
        url: `/api/applications/${id}/scores`,
        cookie: officer,
        payload: { scores, screeningNote },
      });
    const partial = await score(a.applicationId, { expertise: 5 });
    expect(partial.json().error.fields).toEqual([
      expect.objectContaining({ path: 'scores.languages', code: 'required' }),
    ]);
    expect((await score(a.applicationId, { expertise: 5, languages: 5, extra: 1 })).statusCode).toBe(400);
    const scored = await score(a.applicationId, { expertise: 4, languages: 2 }, 'Solide, à vérifier.');
    expect(scored.json()).toMatchObject({ totalScore: 70, screeningNote: 'Solide, à vérifier.' });
    expect((await score(b.applicationId, { expertise: 5, languages: 5 })).json().totalScore).toBe(100);
    expect((await score(b.applicationId, { expertise: 5, languages: 5 }, undefined)).statusCode).toBe(200);
    // M&E officers read, they do not score.
    const meScore = await t.request({
      method: 'PUT',
      url: `/api/applications/${b.applicationId}/scores`,
      cookie: me,
      payload: { scores: { expertise: 1, languages: 1 } },
    });
    expect(meScore.statusCode).toBe(403);

    const byScore = await get(officer, `/api/assignments/${callId}/applications?sort=score`);
    expect(byScore.json().items.map((i: { id: string }) => i.id)).toEqual([b.applicationId, a.applicationId]);
    expect(byScore.json().items[1]).toMatchObject({ applicant: { name: 'Nadia Bennani' }, totalScore: 70 });
    const byDate = await get(officer, `/api/assignments/${callId}/applications?sort=date`);
    expect(byDate.json().items.map((i: { id: string }) => i.id)).toEqual([b.applicationId, a.applicationId]);
    const asApplicant = (await get(a.cookie, `/api/applications/${a.applicationId}`)).json();
    expect(asApplicant.scores).toBeUndefined();
    expect(asApplicant.screeningNote).toBeUndefined();
    expect(asApplicant.totalScore).toBeUndefined();
    expect((await get(me, `/api/assignments/${callId}/applications`)).statusCode).toBe(200);
    expect((await get(donor, `/api/assignments/${callId}/applications`)).statusCode).toBe(404);
    expect((await get(focal, `/api/assignments/${callId}/applications`)).statusCode).toBe(404);
    const audit = await t.database.query<{ changes: unknown }>(
      "select changes from audit_events where action = 'application.scored' and entity_id = $1",
      [a.applicationId],
    );
    expect(JSON.stringify(audit)).not.toContain('Solide');
  });

  it('refuses illegal staff moves with 409 illegal_transition and changes nothing', async () => {
    const callId = await insertAssignment(t.database.db);
    const a = await applicant(t, callId, 'chaimae.illegal@example.org');
    for (const to of ['shortlisted', 'selected', 'not_selected', 'withdrawn', 'submitted']) {
      const response = await transition(t, officer, a.applicationId, to);
      expect(response.statusCode, to).toBe(409);
      expect(response.json().error.code).toBe('illegal_transition');
    }
    expect((await transition(t, me, a.applicationId, 'under_review')).statusCode).toBe(403);
    const [row] = await t.database.query('select status, version from applications where id = $1', [a.applicationId]);
    expect(row).toEqual({ status: 'submitted', version: 1 });
  });

  it('tells a turned-down applicant why, in their language', async () => {
    const callId = await insertAssignment(t.database.db);
    const a = await applicant(t, callId, 'driss.notselected@example.org');
    await t.database.query("update users set locale = 'nl' where email = 'driss.notselected@example.org'");
    await transition(t, officer, a.applicationId, 'under_review');
    const refused = await transition(t, officer, a.applicationId, 'not_selected', 'Geen ervaring met curricula.');
    expect(refused.json().status).toBe('not_selected');
    const last = (await outboxFor(t, a.email)).at(-1)!;
    expect(last).toMatchObject({ template: 'application_not_selected', locale: 'nl' });
    expect(last.text_body).toContain('Geen ervaring met curricula.');
    const mine = (await get(a.cookie, '/api/experts/me/applications')).json().items[0];
    expect(mine.events.at(-1)).toMatchObject({ to: 'not_selected', reason: 'Geen ervaring met curricula.' });
  });
});

describe('the shortlist shared with the host', () => {
  it('shows the focal point only shared, shortlisted, consenting applicants, with what sharing allows', async () => {
    const callId = await insertAssignment(t.database.db);
    const consenting = await applicant(t, callId, 'fatima.shared@example.org');
    const cv = await uploadCv(t, consenting.cookie, 'CV Fatima.pdf');
    await t.database.query('update applications set cv_document_id = $1 where id = $2', [cv, consenting.applicationId]);
    const private_ = await applicant(t, callId, 'ghita.private@example.org', { share: false });
    const notShortlisted = await applicant(t, callId, 'hamza.waiting@example.org');
    await shortlist(consenting.applicationId);
    await shortlist(private_.applicationId);

    expect((await share(callId, me)).statusCode).toBe(403);
    // Before sharing, the host sees nothing, not even that the shortlist exists.
    expect((await get(focal, `/api/assignments/${callId}/applications`)).statusCode).toBe(404);
    expect((await get(focal, `/api/applications/${consenting.applicationId}`)).statusCode).toBe(404);
    expect((await get(focal, `/api/experts/${consenting.id}`)).statusCode).toBe(404);

    const shared = await share(callId);
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json().shortlisted).toBe(2);
    const focalMail = (await outboxFor(t, 'focal.point@passerelle.example')).at(-1)!;
    expect(focalMail.template).toBe('shortlist_shared');
    expect(focalMail.text_body).toContain(`/assignments/${callId}/shortlist`);
    const sharedAudit = await t.database.query(
      "select 1 from audit_events where action = 'assignment.shortlist_shared' and entity_id = $1",
      [callId],
    );
    expect(sharedAudit).toHaveLength(1);

    const list = (await get(focal, `/api/assignments/${callId}/applications`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([consenting.applicationId]);
    const seen = list.items[0];
    expect(seen.applicant).toMatchObject({ name: 'Nadia Bennani', headline: null, languages: [], sectors: [] });
    expect(seen.cv).toEqual({ id: cv, fileName: 'CV Fatima.pdf' });
    for (const hidden of ['scores', 'totalScore', 'screeningNote', 'events']) expect(seen[hidden]).toBeUndefined();
    expect(list.scoringCriteria).toEqual([]);
    expect((await get(focal, `/api/applications/${private_.applicationId}`)).statusCode).toBe(404);
    expect((await get(focal, `/api/applications/${notShortlisted.applicationId}`)).statusCode).toBe(404);
    // The profile policy now lets the host read the shortlisted, consenting expert's profile.
    expect((await get(focal, `/api/experts/${consenting.id}`)).statusCode).toBe(200);
    expect((await get(focal, `/api/experts/${private_.id}`)).statusCode).toBe(404);

    const download = await get(focal, `/api/applications/${consenting.applicationId}/cv`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('CV%20Fatima.pdf');
    const downloads = await t.database.query(
      "select 1 from audit_events where action = 'expert.document_downloaded' and entity_id = $1",
      [consenting.id],
    );
    expect(downloads).toHaveLength(1);
    expect((await get(focal, `/api/applications/${private_.applicationId}/cv`)).statusCode).toBe(404);
    expect((await get(donor, `/api/applications/${consenting.applicationId}/cv`)).statusCode).toBe(404);

    // A withdrawn consent hides the applicant at once.
    await consent(t, consenting.cookie, 'share_cv_with_host', false);
    expect((await get(focal, `/api/applications/${consenting.applicationId}`)).statusCode).toBe(404);
    expect((await get(focal, `/api/applications/${consenting.applicationId}/cv`)).statusCode).toBe(404);
    expect((await get(focal, `/api/experts/${consenting.id}`)).statusCode).toBe(404);
    expect((await get(focal, `/api/assignments/${callId}/applications`)).json().items).toEqual([]);
  });

  it('refuses to share an empty shortlist, and hides another institution’s call from the focal point', async () => {
    const callId = await insertAssignment(t.database.db);
    await applicant(t, callId, 'ilyas.empty@example.org');
    const empty = await share(callId);
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.code).toBe('shortlist_empty');
    const [other] = await t.database.query<{ id: string }>(
      'select id from institutions where name_fr not in (select i.name_fr from institutions i join role_assignments r on r.institution_id = i.id) limit 1',
    );
    const otherCall = await insertAssignment(t.database.db, { institutionId: other!.id });
    const a = await applicant(t, otherCall, 'jamal.other@example.org');
    await shortlist(a.applicationId);
    expect((await share(otherCall)).statusCode).toBe(200);
    expect((await get(focal, `/api/assignments/${otherCall}/applications`)).statusCode).toBe(404);
    expect((await get(focal, `/api/applications/${a.applicationId}`)).statusCode).toBe(404);
    const select = await t.request({
      method: 'POST',
      url: `/api/applications/${a.applicationId}/host-selection`,
      cookie: focal,
      payload: { reason: 'Bon profil' },
    });
    expect(select.statusCode).toBe(404);
  });
});

describe('selection', () => {
  it('the focal point selects, staff confirm; when enough are selected the others are told and the call is filled', async () => {
    const callId = await insertAssignment(t.database.db, { expertsNeeded: 1 });
    const chosen = await applicant(t, callId, 'karima.chosen@example.org');
    const other = await applicant(t, callId, 'layla.other@example.org');
    const waiting = await applicant(t, callId, 'mehdi.waiting@example.org');
    await shortlist(chosen.applicationId);
    await shortlist(other.applicationId);
    await share(callId);

    const early = await transition(t, officer, chosen.applicationId, 'selected');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('host_selection_missing');

    const hostSelect = (id: string, reason?: string) =>
      t.request({
        method: 'POST',
        url: `/api/applications/${id}/host-selection`,
        cookie: focal,
        payload: reason === undefined ? {} : { reason },
      });
    expect((await hostSelect(chosen.applicationId)).statusCode).toBe(400);
    expect((await hostSelect(waiting.applicationId, 'Bon profil')).statusCode).toBe(404);
    const selected = await hostSelect(chosen.applicationId, 'Expérience directe des cursus de licence.');
    expect(selected.statusCode, selected.body).toBe(200);
    expect(selected.json()).toMatchObject({ status: 'shortlisted', allowedActions: ['application.host_unselect'] });
    expect(selected.json().hostSelection.reason).toBe('Expérience directe des cursus de licence.');
    expect((await outboxFor(t, 'officer@passerelle.example')).at(-1)!.template).toBe('host_selection_made');
    // Staff cannot make the host's choice, nor can the applicant.
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/applications/${other.applicationId}/host-selection`,
          cookie: officer,
          payload: { reason: 'x' },
        })
      ).statusCode,
    ).toBe(403);

    // Undo, then select again.
    const undone = await t.request({
      method: 'DELETE',
      url: `/api/applications/${chosen.applicationId}/host-selection`,
      cookie: focal,
    });
    expect(undone.json().hostSelection).toBeNull();
    await hostSelect(chosen.applicationId, 'Expérience directe des cursus de licence.');

    const confirmed = await transition(t, officer, chosen.applicationId, 'selected');
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('selected');
    const undoLate = await t.request({
      method: 'DELETE',
      url: `/api/applications/${chosen.applicationId}/host-selection`,
      cookie: focal,
    });
    expect(undoLate.json().error.code).toBe('illegal_transition');

    const statuses = await t.database.query<{ id: string; status: string }>(
      'select id, status from applications where assignment_id = $1',
      [callId],
    );
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({
      [chosen.applicationId]: 'selected',
      [other.applicationId]: 'not_selected',
      [waiting.applicationId]: 'not_selected',
    });
    const [call] = await t.database.query<{ state: string }>('select state from assignments where id = $1', [callId]);
    expect(call!.state).toBe('filled');
    expect((await outboxFor(t, chosen.email)).at(-1)!.template).toBe('application_selected');
    expect((await outboxFor(t, other.email)).at(-1)!.template).toBe('application_not_selected');
    expect((await outboxFor(t, waiting.email)).at(-1)!.template).toBe('application_not_selected');
    const mine = (await get(chosen.cookie, '/api/experts/me/applications')).json().items[0];
    expect(mine).toMatchObject({ status: 'selected', call: { state: 'filled' } });
    expect(mine.hostSelection).toBeUndefined();
    // The selected expert stays visible to the host.
    expect((await get(focal, `/api/applications/${chosen.applicationId}`)).statusCode).toBe(200);
    // Settled: no more moves.
    expect((await transition(t, chosen.cookie, chosen.applicationId, 'withdrawn')).json().error.code).toBe(
      'illegal_transition',
    );
    const events = await t.database.query(
      "select 1 from audit_events where action = 'application.status_changed' and entity_id = $1",
      [chosen.applicationId],
    );
    expect(events).toHaveLength(3);
  });

  it('keeps the call open until as many experts as needed are selected', async () => {
    const callId = await insertAssignment(t.database.db, { expertsNeeded: 2 });
    const first = await applicant(t, callId, 'nora.first@example.org');
    const second = await applicant(t, callId, 'othmane.second@example.org');
    await shortlist(first.applicationId);
    await shortlist(second.applicationId);
    await share(callId);
    for (const a of [first, second]) {
      await t.request({
        method: 'POST',
        url: `/api/applications/${a.applicationId}/host-selection`,
        cookie: focal,
        payload: { reason: 'Complémentaires' },
      });
    }
    await transition(t, officer, first.applicationId, 'selected');
    const [open] = await t.database.query<{ state: string }>('select state from assignments where id = $1', [callId]);
    expect(open!.state).toBe('published');
    await transition(t, officer, second.applicationId, 'selected');
    const [filled] = await t.database.query<{ state: string }>('select state from assignments where id = $1', [callId]);
    expect(filled!.state).toBe('filled');
  });
});
