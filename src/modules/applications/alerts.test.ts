import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { insertAssignment } from '../../../test/helpers/assignments.ts';
import { registerExpert, signInDemo } from '../experts/experts.test-helper.ts';
import { sendCallDigests } from './alerts.ts';
import { apply, livesIn, outboxFor } from './applications.test-helper.ts';

let t: TestApp;
const hour = 60 * 60 * 1000;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

/** A registered expert living in the Netherlands, working in `sectors`, speaking French at `level`. */
async function expertWith(email: string, sectors: string[], level: string) {
  await t.database.query("delete from rate_limit_events where bucket like 'register%'");
  const expert = await registerExpert(t, 'Rachid Lahlou', email);
  await livesIn(t, expert.id, 'NL');
  await t.database.query('update expert_profiles set sectors = $1 where user_id = $2', [sectors, expert.id]);
  await t.database.query("insert into expert_languages (user_id, language, level) values ($1, 'fr', $2)", [
    expert.id,
    level,
  ]);
  return expert;
}

const digests = async (email: string) => (await outboxFor(t, email)).filter((mail) => mail.template === 'call_digest');

describe('call alerts', () => {
  it('lets an expert read and set their alerts, and nobody else', async () => {
    const expert = await signInDemo(t, 'expert');
    const initial = await t.request({ method: 'GET', url: '/api/experts/me/call-alerts', cookie: expert });
    expect(initial.json()).toEqual({ email: true, sectors: [], lastDigestAt: null });
    const saved = await t.request({
      method: 'PUT',
      url: '/api/experts/me/call-alerts',
      cookie: expert,
      payload: { email: false, sectors: ['12220', '12220', '11420'] },
    });
    expect(saved.json()).toEqual({ email: false, sectors: ['12220', '11420'], lastDigestAt: null });
    const unknown = await t.request({
      method: 'PUT',
      url: '/api/experts/me/call-alerts',
      cookie: expert,
      payload: { email: true, sectors: ['99999'] },
    });
    expect(unknown.statusCode).toBe(400);
    const officer = await signInDemo(t, 'officer');
    expect((await t.request({ method: 'GET', url: '/api/experts/me/call-alerts', cookie: officer })).statusCode).toBe(
      403,
    );
  });

  it('sends at most one digest a day, of new calls that fit, by e-mail and in the app', async () => {
    const now = new Date();
    const fit = await expertWith('rachid.digest@example.org', ['11420'], 'C1');
    const weak = await expertWith('salma.weak@example.org', ['11420'], 'A2');
    const elsewhere = await expertWith('tarik.health@example.org', ['12220'], 'C2');
    const first = await insertAssignment(t.database.db, {
      sectors: ['11420'],
      titleFr: 'Appel numéro un',
      publishedAt: new Date(now.getTime() - hour),
    });
    const appliedTo = await insertAssignment(t.database.db, {
      sectors: ['11420'],
      titleFr: 'Appel déjà candidaté',
      publishedAt: new Date(now.getTime() - hour),
    });
    expect((await apply(t, fit.cookie, appliedTo)).statusCode).toBe(201);

    expect(await sendCallDigests(t.database.db, now, 'http://localhost:3000')).toBeGreaterThan(0);
    const [digest] = await digests(fit.email);
    expect(digest!.text_body).toContain('Appel numéro un');
    expect(digest!.text_body).not.toContain('Appel déjà candidaté');
    expect(digest!.text_body).toContain('http://localhost:3000/calls');
    expect(await digests(weak.email)).toEqual([]);
    expect(await digests(elsewhere.email)).toEqual([]);
    const notices = await t.database.query<{ kind: string; params: { count: number } }>(
      'select kind, params from in_app_notifications where user_id = $1 and kind = $2',
      [fit.id, 'calls.digest'],
    );
    expect(notices).toEqual([{ kind: 'calls.digest', params: { count: 1 } }]);

    // A new call an hour later: no second digest within 24 hours.
    await insertAssignment(t.database.db, {
      sectors: ['11420'],
      titleFr: 'Appel numéro deux',
      publishedAt: new Date(now.getTime() + hour),
    });
    await sendCallDigests(t.database.db, new Date(now.getTime() + 2 * hour), 'http://localhost:3000');
    expect(await digests(fit.email)).toHaveLength(1);
    // The next day, only what is new since the last digest.
    await sendCallDigests(t.database.db, new Date(now.getTime() + 25 * hour), 'http://localhost:3000');
    const both = await digests(fit.email);
    expect(both).toHaveLength(2);
    expect(both[1]!.text_body).toContain('Appel numéro deux');
    expect(both[1]!.text_body).not.toContain('Appel numéro un');
    expect(first).toBeTruthy();
  });

  it('writes only the in-app notice when e-mail alerts are off, and follows the chosen sectors', async () => {
    const now = new Date(Date.now() + 3 * 24 * hour);
    const quiet = await expertWith('ulla.quiet@example.org', ['11420'], 'C1');
    await t.request({
      method: 'PUT',
      url: '/api/experts/me/call-alerts',
      cookie: quiet.cookie,
      payload: { email: false, sectors: ['12220'] },
    });
    await insertAssignment(t.database.db, {
      sectors: ['12220'],
      titleFr: 'Appel santé',
      publishedAt: new Date(now.getTime() - hour),
      deadlineAt: new Date(now.getTime() + 10 * 24 * hour),
    });
    await sendCallDigests(t.database.db, now, 'http://localhost:3000');
    expect(await digests(quiet.email)).toEqual([]);
    const notices = await t.request({ method: 'GET', url: '/api/notifications', cookie: quiet.cookie });
    expect(notices.json()).toMatchObject({ total: 1, unread: 1, items: [{ kind: 'calls.digest', link: '/calls' }] });
    const id = notices.json().items[0].id;
    const read = await t.request({ method: 'POST', url: `/api/notifications/${id}/read`, cookie: quiet.cookie });
    expect(read.json().readAt).not.toBeNull();
    const again = await t.request({ method: 'GET', url: '/api/notifications', cookie: quiet.cookie });
    expect(again.json().unread).toBe(0);
    // Someone else's notice does not exist for another reader.
    const officer = await signInDemo(t, 'officer');
    expect(
      (await t.request({ method: 'POST', url: `/api/notifications/${id}/read`, cookie: officer })).statusCode,
    ).toBe(404);
  });
});
