import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { applicant, demandScene, motivation, transition } from './applications.test-helper.ts';

let t: TestApp;
let scene: Awaited<ReturnType<typeof demandScene>>;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  scene = await demandScene(t);
});
afterAll(() => t.close());

describe("an expert's applications under the data rights", () => {
  it('are in the data export with their history, and erasure keeps only their status and dates', async () => {
    const nadia = await applicant(t, scene.callId, 'nadia.rights@example.org');
    expect((await transition(t, scene.officer, nadia.applicationId, 'under_review')).statusCode).toBe(200);
    const reason = 'Profil solide, mais un autre candidat parle néerlandais.';
    const refused = await transition(t, scene.officer, nadia.applicationId, 'not_selected', reason);
    expect(refused.statusCode, refused.body).toBe(200);

    const exported = await t.request({ method: 'GET', url: '/api/experts/me/export', cookie: nadia.cookie });
    expect(exported.statusCode).toBe(200);
    const data = JSON.parse(strFromU8(unzipSync(new Uint8Array(exported.rawPayload))['me.json']!));
    expect(data.applications).toHaveLength(1);
    expect(data.applications[0]).toMatchObject({ id: nadia.applicationId, status: 'not_selected', motivation });
    expect(data.applications[0].history.map((step: { toStatus: string }) => step.toStatus)).toEqual([
      'submitted',
      'under_review',
      'not_selected',
    ]);
    expect(data.applications[0].history.at(-1).reason).toBe(reason);

    const erased = await t.request({
      method: 'DELETE',
      url: '/api/experts/me',
      cookie: nadia.cookie,
      payload: { password: nadia.password },
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const [row] = await t.database.query<{ status: string; motivation: string; reasons: (string | null)[] }>(
      `select a.status, a.motivation, array_agg(e.reason) as reasons
       from applications a join application_events e on e.application_id = a.id where a.id = $1
       group by a.status, a.motivation`,
      [nadia.applicationId],
    );
    expect(row).toEqual({ status: 'not_selected', motivation: '', reasons: [null, null, null] });
    const notices = await t.database.query('select 1 from in_app_notifications where user_id = $1', [nadia.id]);
    expect(notices).toEqual([]);
  });
});
