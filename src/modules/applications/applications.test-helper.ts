import { expect } from 'vitest';
import type { TestApp } from '../../../test/helpers/app.ts';
import { insertAssignment } from '../../../test/helpers/assignments.ts';
import { minimalPdf, upload } from '../experts/documents/documents.test-helper.ts';
import { registerExpert, signInDemo } from '../experts/experts.test-helper.ts';

/** A motivation long enough to pass (50 characters at least). */
export const motivation =
  'J’ai conduit la réforme de trois cursus de licence à Utrecht et je connais bien le système marocain.';

/** Applies to call `callId` as the expert with `cookie`. */
export function apply(t: TestApp, cookie: string, callId: string, body: Record<string, unknown> = {}) {
  return t.request({
    method: 'POST',
    url: `/api/assignments/${callId}/applications`,
    cookie,
    payload: { motivation, availabilityConfirmed: true, ...body },
  });
}

/** Moves application `id` to `to` as the caller with `cookie`. */
export function transition(t: TestApp, cookie: string, id: string, to: string, reason?: string) {
  return t.request({
    method: 'POST',
    url: `/api/applications/${id}/transitions`,
    cookie,
    payload: { to, ...(reason ? { reason } : {}) },
  });
}

/** Gives or withdraws a consent as the expert with `cookie`. */
export async function consent(t: TestApp, cookie: string, purpose: string, granted: boolean) {
  const response = await t.request({
    method: 'POST',
    url: '/api/experts/me/consents',
    cookie,
    payload: { purpose, granted },
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** Uploads a CV as the expert with `cookie` and returns its id. */
export async function uploadCv(t: TestApp, cookie: string, fileName = 'cv.pdf'): Promise<string> {
  const response = await upload(t, cookie, 'cv', fileName, minimalPdf(['Curriculum vitae', 'Enseignement']));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** Sets where an expert lives (the programme's eligibility depends on it); creates the profile if needed. */
export async function livesIn(t: TestApp, userId: string, country: string) {
  await t.database.query(
    `insert into expert_profiles (user_id, first_name, last_name, residence_country) values ($1, 'Nadia', 'Bennani', $2)
     on conflict (user_id) do update set residence_country = excluded.residence_country`,
    [userId, country],
  );
}

/** Messages queued for an address, oldest first. */
export function outboxFor(t: TestApp, address: string) {
  return t.database.query<{ template: string; locale: string; subject: string; text_body: string }>(
    'select template, locale, subject, text_body from email_outbox where to_address = $1 order by created_at, id',
    [address],
  );
}

/** The demo's cookies for each role, and a fresh published call of the focal point's institution. */
export async function demandScene(t: TestApp, overrides: Parameters<typeof insertAssignment>[1] = {}) {
  return {
    callId: await insertAssignment(t.database.db, overrides),
    expert: await signInDemo(t, 'expert'),
    officer: await signInDemo(t, 'officer'),
    me: await signInDemo(t, 'me'),
    focal: await signInDemo(t, 'focal.point'),
    donor: await signInDemo(t, 'donor'),
  };
}

/** A new expert who applies to `callId` and consents to sharing; returns their cookie, id and application id. */
export async function applicant(t: TestApp, callId: string, email: string, { share = true } = {}) {
  // Registration is rate limited per address of origin, and every test request comes from the same one.
  await t.database.query("delete from rate_limit_events where bucket like 'register%'");
  const expert = await registerExpert(t, 'Nadia Bennani', email);
  if (share) await consent(t, expert.cookie, 'share_cv_with_host', true);
  await livesIn(t, expert.id, 'NL');
  const response = await apply(t, expert.cookie, callId);
  expect(response.statusCode, response.body).toBe(201);
  return { ...expert, applicationId: response.json().id as string };
}
