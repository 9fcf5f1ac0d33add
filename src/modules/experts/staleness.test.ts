import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, origin, type TestApp } from '../../../test/helpers/app.ts';
import { registerExpert } from './experts.test-helper.ts';
import { remindAndFlagStaleProfiles } from './staleness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const day = 24 * 60 * 60 * 1000;

/** An expert with a profile last confirmed `monthsAgo` months before now. */
async function expertConfirmed(name: string, email: string, monthsAgo: number) {
  const expert = await registerExpert(t, name, email);
  await t.request({ method: 'GET', url: '/api/experts/me', cookie: expert.cookie });
  await t.database.query(
    `update expert_profiles set confirmed_at = now() - make_interval(months => $2) where user_id = $1`,
    [expert.id, monthsAgo],
  );
  return expert;
}

const reminders = (userId: string) =>
  t.database.query<{ text_body: string; locale: string }>(
    "select text_body, locale from email_outbox where to_user_id = $1 and template = 'profile_reconfirm'",
    [userId],
  );
const staleSince = async (userId: string) =>
  (
    await t.database.query<{ stale_since: Date | null }>('select stale_since from expert_profiles where user_id = $1', [
      userId,
    ])
  )[0]!.stale_since;

describe('yearly re-confirmation', () => {
  it('asks once after 12 months, flags stale 30 days later, never deletes, and confirming clears it', async () => {
    const old = await expertConfirmed('Ilham Saadi', 'ilham@example.org', 13);
    const recent = await expertConfirmed('Badr Kabbaj', 'badr@example.org', 10);
    const withdrawn = await expertConfirmed('Hind Zniber', 'hind@example.org', 13);
    await t.request({
      method: 'POST',
      url: '/api/experts/me/consents',
      cookie: withdrawn.cookie,
      payload: { purpose: 'processing', granted: false },
    });

    const now = new Date();
    expect(await remindAndFlagStaleProfiles(t.database.db, now, origin)).toEqual({ reminded: 1, flagged: 0 });
    const [mail] = await reminders(old.id);
    expect(mail!.text_body).toContain(`${origin}/profile?confirm=1`);
    expect(mail!.text_body).toContain('Ilham Saadi');
    expect(await reminders(recent.id)).toHaveLength(0);
    expect(await reminders(withdrawn.id)).toHaveLength(0);

    // Running again, on this node or another, does not ask twice; nothing is stale before 30 days.
    expect(await remindAndFlagStaleProfiles(t.database.db, new Date(now.getTime() + 29 * day), origin)).toEqual({
      reminded: 0,
      flagged: 0,
    });
    const later = new Date(now.getTime() + 31 * day);
    expect(await remindAndFlagStaleProfiles(t.database.db, later, origin)).toEqual({ reminded: 0, flagged: 1 });
    expect(await staleSince(old.id)).toEqual(later);
    expect(await staleSince(recent.id)).toBeNull();
    expect(await remindAndFlagStaleProfiles(t.database.db, later, origin)).toEqual({ reminded: 0, flagged: 0 });
    expect(await reminders(old.id)).toHaveLength(1);

    const view = await t.request({ method: 'GET', url: `/api/experts/me`, cookie: old.cookie });
    expect(view.json().stale).toBe(true);
    const profiles = await t.database.query('select 1 from expert_profiles where user_id = $1 and erased_at is null', [
      old.id,
    ]);
    expect(profiles).toHaveLength(1);

    const confirmed = await t.request({ method: 'POST', url: '/api/experts/me/confirm', cookie: old.cookie });
    expect(confirmed.json().stale).toBe(false);
    expect(await remindAndFlagStaleProfiles(t.database.db, later, origin)).toEqual({ reminded: 0, flagged: 0 });
    expect(await staleSince(old.id)).toBeNull();
  });

  it('writes the reminder in the expert’s language', async () => {
    // 13 months: at exactly 12 the database's microseconds can outrun the millisecond `now` given below.
    const expert = await expertConfirmed('Noor Haddad', 'noor@example.org', 13);
    await t.database.query("update users set locale = 'ar' where id = $1", [expert.id]);
    await remindAndFlagStaleProfiles(t.database.db, new Date(), origin);
    const [mail] = await reminders(expert.id);
    expect(mail!.locale).toBe('ar');
    expect(mail!.text_body).toMatch(/[\u0600-\u06FF]/);
  });
});
