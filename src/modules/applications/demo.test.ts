import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

describe('demo applications', () => {
  it('puts applications at several stages on the open calls, and a shared shortlist before the focal point', async () => {
    const rows = await t.database.query<{ status: string }>('select status from applications');
    const statuses = new Set(rows.map((row) => row.status));
    for (const status of ['submitted', 'under_review', 'shortlisted', 'not_selected', 'withdrawn']) {
      expect(statuses.has(status), status).toBe(true);
    }
    const expert = await signInDemo(t, 'expert');
    const mine = await t.request({ method: 'GET', url: '/api/experts/me/applications', cookie: expert });
    // One on an open call, and the selection the demo expert's planned CD4D mission comes from (src/demo/missions.ts).
    const mineStatuses = mine.json().items.map((item: { status: string }) => item.status);
    expect(mineStatuses.sort()).toEqual(['selected', 'under_review']);
    expect(mine.json().items[0].events.length).toBeGreaterThan(1);

    const [shared] = await t.database.query<{ id: string }>(
      'select id from assignments where shortlist_shared_at is not null',
    );
    const focal = await signInDemo(t, 'focal.point');
    const shortlist = await t.request({
      method: 'GET',
      url: `/api/assignments/${shared!.id}/applications`,
      cookie: focal,
    });
    expect(shortlist.statusCode).toBe(200);
    expect(shortlist.json().items.length).toBe(2);
    expect(shortlist.json().items.some((item: { hostSelection: unknown }) => item.hostSelection !== null)).toBe(true);
  });
});
