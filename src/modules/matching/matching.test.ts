import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { insertAssignment } from '../../../test/helpers/assignments.ts';
import { applicant, outboxFor } from '../applications/applications.test-helper.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';

let t: TestApp;
let officer: string;
let me: string;
let focal: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  me = await signInDemo(t, 'me');
  focal = await signInDemo(t, 'focal.point');
});
afterAll(() => t.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A call with no language asked, online, in a window 60–120 days from now. */
const onlineCall = (overrides: Parameters<typeof insertAssignment>[1] = {}) =>
  insertAssignment(t.database.db, { languages: [], modality: 'online', region: null, city: null, ...overrides });

/** Gives an applicant what the filters ask (availability over the window) and the skills they wrote. */
async function makeAvailable(userId: string, skills: string[] = []) {
  await t.database.query(
    `insert into expert_availability (user_id, starts_on, ends_on, on_site, online) values ($1, $2, $3, true, true)`,
    [userId, day(30), day(200)],
  );
  for (const label of skills) {
    await t.database.query('insert into expert_skills (user_id, label) values ($1, $2)', [userId, label]);
  }
}

const get = (cookie: string, url: string) => t.request({ method: 'GET', url, cookie });
const post = (cookie: string, url: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url, cookie, payload });

describe('ranked candidates for a ToR', () => {
  it('ranks across languages, explains each score, and says why the others are kept off', async () => {
    const callId = await onlineCall({
      skills: [{ label: 'gestion hospitalière', conceptId: null }],
      sectors: ['12110'],
    });
    const dutch = await applicant(t, callId, 'ziekenhuis@example.org');
    await makeAvailable(dutch.id, ['ziekenhuismanagement']);
    const response = await get(officer, `/api/assignments/${callId}/candidates?limit=5`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.ranked.length).toBeGreaterThan(0);
    expect(body.ranked.length).toBeLessThanOrEqual(5);
    const scores = body.ranked.map((entry: { score: number }) => entry.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) expect(score >= 0 && score <= 1).toBe(true);
    const top = body.ranked[0];
    expect(top.expert.id).toBe(dutch.id);
    const skills = top.components.find((component: { name: string }) => component.name === 'skills');
    expect(skills.explanation).toMatchObject({ code: 'skills.matched', matched: ['hospital-management'] });
    expect(body.skillLabels['hospital-management']).toBe('gestion hospitalière');
    // The demo roster: whoever is not ranked is kept off, with a reason counted.
    const [roster] = await t.database.query<{ count: number }>(
      'select count(*)::int as count from expert_profiles where erased_at is null',
    );
    const ranked = (await get(officer, `/api/assignments/${callId}/candidates?limit=200`)).json();
    expect(ranked.ranked.length + ranked.excludedTotal).toBe(roster!.count);
    expect(
      Object.values(ranked.excludedByReason as Record<string, number>).reduce((a, b) => a + b, 0),
    ).toBeGreaterThanOrEqual(ranked.excludedTotal);
    expect(ranked.excluded[0]?.reasons[0]?.code).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });

  it('is for staff only, and 404 for an unknown ToR', async () => {
    const callId = await onlineCall();
    expect((await get(me, `/api/assignments/${callId}/candidates`)).statusCode).toBe(200);
    expect((await get(focal, `/api/assignments/${callId}/candidates`)).statusCode).toBe(403);
    const unknown = await get(officer, '/api/assignments/00000000-0000-4000-8000-000000000000/candidates');
    expect(unknown.json().error.code).toBe('not_found');
    expect((await get(officer, `/api/assignments/${callId}/candidates?limit=0`)).statusCode).toBe(400);
  });
});

describe('calls for an expert', () => {
  it('ranks the open calls that fit and says why the others do not', async () => {
    const fitting = await onlineCall({ skills: [{ label: 'hospital management', conceptId: null }] });
    const french = await onlineCall({ languages: [{ language: 'fr', minLevel: 'C2' }] });
    const expert = await applicant(t, fitting, 'calls.for.me@example.org');
    await makeAvailable(expert.id, ['gestion hospitalière']);
    const response = await get(expert.cookie, '/api/experts/me/recommended-calls');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const fits = body.items.find((entry: { call: { id: string } }) => entry.call.id === fitting);
    expect(fits.score).toBeGreaterThan(0);
    const skills = fits.components.find((component: { name: string }) => component.name === 'skills');
    expect(skills).toMatchObject({
      value: 1,
      explanation: { code: 'skills.matched', matched: ['hospital-management'] },
    });
    expect(body.skillLabels['hospital-management']).toBe('gestion hospitalière');
    const scores = body.items.map((entry: { score: number }) => entry.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const notForMe = body.notForYou.find((entry: { call: { id: string } }) => entry.call.id === french);
    expect(notForMe.reasons).toContainEqual({ code: 'language.missing', language: 'fr', minLevel: 'C2' });
    expect((await get(officer, '/api/experts/me/recommended-calls')).statusCode).toBe(403);
  });
});

describe('allocation rounds', () => {
  it('proposes the exact optimum, honours locks and exclusions, and shortlists what staff accept', async () => {
    const first = await onlineCall({ skills: [{ label: 'hospital management', conceptId: null }] });
    const second = await onlineCall();
    // Amal fits the first call best but also applied to the second; Badr applied to the first only.
    const amal = await applicant(t, first, 'amal.round@example.org');
    await makeAvailable(amal.id, ['hospital management']);
    expect(
      (
        await post(amal.cookie, `/api/assignments/${second}/applications`, {
          motivation: 'J’ai dirigé deux hôpitaux universitaires et formé leurs équipes de gestion pendant dix ans.',
          availabilityConfirmed: true,
        })
      ).statusCode,
    ).toBe(201);
    const badr = await applicant(t, first, 'badr.round@example.org');
    await makeAvailable(badr.id);

    const run = (body: Record<string, unknown>) =>
      post(officer, '/api/allocation-rounds', { assignmentIds: [first, second], ...body });
    const round = await run({});
    expect(round.statusCode, round.body).toBe(201);
    const proposal = round.json();
    // Both slots filled: Badr on the first call, Amal on the second, though Amal scores higher on the first.
    expect(proposal.filled).toBe(2);
    expect(proposal.slots).toBe(2);
    const pairs = proposal.pairs.map((pair: { expert: { id: string }; assignmentId: string }) => [
      pair.expert.id,
      pair.assignmentId,
    ]);
    expect(pairs.sort()).toEqual(
      [
        [amal.id, second],
        [badr.id, first],
      ].sort(),
    );
    // Each pair comes with its reasons, the skills named in the reader's language.
    expect(proposal.pairs[0].components.map((component: { name: string }) => component.name)).toEqual([
      'skills',
      'sectors',
      'occupation',
      'languages',
      'availability',
      'experience',
      'evaluations',
      'freshness',
    ]);
    expect(proposal.skillLabels['hospital-management']).toBe('gestion hospitalière');
    // Best score first puts Amal on the first call and leaves the second empty.
    expect(proposal.greedy.filled).toBe(1);

    const locked = await run({ locked: [{ expertId: amal.id, assignmentId: first }] });
    expect(locked.json().filled).toBe(1);
    expect(locked.json().pairs).toEqual([expect.objectContaining({ assignmentId: first, locked: true })]);
    const excluded = await run({ excluded: [{ expertId: badr.id, assignmentId: first }] });
    expect(excluded.json().filled).toBe(1);

    const impossible = await run({
      locked: [
        { expertId: amal.id, assignmentId: first },
        { expertId: amal.id, assignmentId: second },
      ],
    });
    expect(impossible.statusCode).toBe(422);
    expect(impossible.json().error.code).toBe('allocation_infeasible');
    const stranger = await run({ locked: [{ expertId: badr.id, assignmentId: second }] });
    expect(stranger.json().error.code).toBe('locked_pair_not_candidate');
    const draft = await insertAssignment(t.database.db, { state: 'draft' });
    const notOpen = await post(officer, '/api/allocation-rounds', { assignmentIds: [first, draft] });
    expect(notOpen.json().error).toMatchObject({
      code: 'round_assignment_not_open',
      details: { assignmentIds: [draft] },
    });
    expect((await post(me, '/api/allocation-rounds', { assignmentIds: [first] })).statusCode).toBe(403);

    const url = `/api/allocation-rounds/${proposal.id}`;
    expect((await get(officer, url)).json()).toMatchObject({ id: proposal.id, status: 'proposed', filled: 2 });
    const foreign = await post(officer, `${url}/accept`, { pairs: [{ expertId: amal.id, assignmentId: first }] });
    expect(foreign.json().error.code).toBe('validation_failed');
    const accepted = await post(officer, `${url}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', skipped: [] });
    const statuses = await t.database.query<{ expert_id: string; assignment_id: string; status: string }>(
      'select expert_id, assignment_id, status from applications where expert_id = any($1) order by status',
      [[amal.id, badr.id]],
    );
    expect(
      statuses
        .filter((row) => row.status === 'shortlisted')
        .map((row) => [row.expert_id, row.assignment_id])
        .sort(),
    ).toEqual(
      [
        [amal.id, second],
        [badr.id, first],
      ].sort(),
    );
    expect((await outboxFor(t, badr.email)).map((mail) => mail.template)).toContain('application_shortlisted');
    expect((await post(officer, `${url}/accept`, {})).json().error.code).toBe('round_already_accepted');
  });
});

describe('programme weights', () => {
  it('rank with the weights the ToR’s programme sets', async () => {
    const callId = await onlineCall();
    const programme = (await get(officer, '/api/programmes'))
      .json()
      .items.find((item: { code: string }) => item.code === 'cd4d-ma');
    const weightOf = async (name: string) =>
      (await get(officer, `/api/assignments/${callId}/candidates?limit=1`))
        .json()
        .ranked[0].components.find((component: { name: string }) => component.name === name).weight;
    expect(await weightOf('freshness')).toBeGreaterThan(0);
    const patch = await t.request({
      method: 'PATCH',
      url: `/api/programmes/${programme.id}`,
      cookie: officer,
      payload: { matchingWeights: { freshness: 0 } },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(await weightOf('freshness')).toBe(0);
  });
});
