import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { consentVersions } from './commands/consents.ts';
import { registerExpert } from './experts.test-helper.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const consent = (cookie: string, purpose: string, granted: boolean) =>
  t.request({ method: 'POST', url: '/api/experts/me/consents', cookie, payload: { purpose, granted } });

describe('consents', () => {
  it('grants with the current version and withdraws at once, keeping the history, audited', async () => {
    const expert = await registerExpert(t, 'Amina Benali', 'amina@example.org');
    const granted = await consent(expert.cookie, 'directory', true);
    expect(granted.statusCode).toBe(200);
    expect(granted.json().consents).toContainEqual(
      expect.objectContaining({ purpose: 'directory', version: consentVersions.directory, withdrawnAt: null }),
    );
    // Granting again what is already in force adds nothing.
    expect((await consent(expert.cookie, 'directory', true)).json().consents).toHaveLength(2);

    const withdrawn = await consent(expert.cookie, 'directory', false);
    const directory = withdrawn.json().consents.filter((c: { purpose: string }) => c.purpose === 'directory');
    expect(directory).toEqual([expect.objectContaining({ withdrawnAt: expect.any(String) })]);
    expect(withdrawn.json().visibleToStaffSearch).toBe(true);
    const active = await t.database.query(
      "select 1 from consents where user_id = $1 and purpose = 'directory' and withdrawn_at is null",
      [expert.id],
    );
    expect(active).toHaveLength(0);

    // The profile view carries the same history.
    const view = (await t.request({ method: 'GET', url: '/api/experts/me', cookie: expert.cookie })).json();
    expect(view.consents).toEqual(withdrawn.json().consents);
    const events = await t.database.query<{ action: string; changes: unknown }>(
      "select action, changes from audit_events where entity_id = $1 and action like 'expert.consent_%' order by at",
      [expert.id],
    );
    expect(events).toEqual([
      { action: 'expert.consent_granted', changes: { directory: { before: null, after: consentVersions.directory } } },
      {
        action: 'expert.consent_withdrawn',
        changes: { directory: { before: consentVersions.directory, after: null } },
      },
    ]);
  });

  it('lets the expert withdraw consent to processing, says the profile is hidden from staff search, and re-grant it', async () => {
    const expert = await registerExpert(t, 'Rachid Ouazzani', 'rachid@example.org');
    const withdrawn = await consent(expert.cookie, 'processing', false);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().visibleToStaffSearch).toBe(false);
    // A second withdrawal is a no-op, not an error.
    expect((await consent(expert.cookie, 'processing', false)).json().visibleToStaffSearch).toBe(false);
    const regranted = await consent(expert.cookie, 'processing', true);
    expect(regranted.json().visibleToStaffSearch).toBe(true);
    expect(regranted.json().consents.filter((c: { purpose: string }) => c.purpose === 'processing')).toHaveLength(2);
  });

  it('refuses an unknown purpose or a missing flag', async () => {
    const expert = await registerExpert(t, 'Sara Lahlou', 'sara@example.org');
    const unknown = await consent(expert.cookie, 'marketing', true);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toContainEqual(expect.objectContaining({ path: 'purpose' }));
    const missing = await t.request({
      method: 'POST',
      url: '/api/experts/me/consents',
      cookie: expert.cookie,
      payload: { purpose: 'directory' },
    });
    expect(missing.json().error.fields).toContainEqual(expect.objectContaining({ path: 'granted', code: 'required' }));
  });
});

describe('confirming the profile', () => {
  it('restarts the yearly clock, lifts the stale flag and is audited', async () => {
    const expert = await registerExpert(t, 'Omar Fassi', 'omar@example.org');
    await t.request({ method: 'GET', url: '/api/experts/me', cookie: expert.cookie });
    await t.database.query(
      "update expert_profiles set confirmed_at = now() - interval '14 months', stale_since = now() - interval '1 month' where user_id = $1",
      [expert.id],
    );
    const stale = (await t.request({ method: 'GET', url: '/api/experts/me', cookie: expert.cookie })).json();
    expect(stale.stale).toBe(true);
    const confirmed = await t.request({ method: 'POST', url: '/api/experts/me/confirm', cookie: expert.cookie });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().stale).toBe(false);
    expect(Date.now() - Date.parse(confirmed.json().confirmedAt)).toBeLessThan(60_000);
    const [event] = await t.database.query<{ changes: { stale: unknown } }>(
      "select changes from audit_events where action = 'expert.profile_confirmed' and entity_id = $1",
      [expert.id],
    );
    expect(event!.changes.stale).toEqual({ before: true, after: false });
  });
});
