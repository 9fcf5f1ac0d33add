import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';
import { findCapacityNeed } from './service.ts';

let t: TestApp;
let officer: string;
let me: string;
let donor: string;
let focal: string;
let cd4d: string;
let trqn: string;
let civilService: string;
let higherEducation: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  me = await signInDemo(t, 'me');
  donor = await signInDemo(t, 'donor');
  focal = await signInDemo(t, 'focal.point');
  const programmes = await t.database.query<{ id: string; code: string }>('select id, code from programmes');
  cd4d = programmes.find((row) => row.code === 'cd4d-ma')!.id;
  trqn = programmes.find((row) => row.code === 'trqn-3-ma')!.id;
  const rows = await t.database.query<{ id: string; name_en: string }>('select id, name_en from institutions');
  civilService = rows.find((row) => row.name_en.startsWith('Ministry of Civil Service'))!.id;
  higherEducation = rows.find((row) => row.name_en.startsWith('Ministry of Higher Education'))!.id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.request({ method, url, cookie, ...(payload ? { payload } : {}) });

type Plan = {
  outcomes: { id: string; position: number; statement: string; needs: { id: string; priority: string }[] }[];
  unassignedNeeds: { id: string; title: string; status: string }[];
  allowedActions: string[];
};
const planOf = async (institutionId: string, cookie = officer, programmeId = cd4d): Promise<Plan> =>
  (await call('GET', `/api/institutions/${institutionId}/plan?programmeId=${programmeId}`, cookie)).json();
const statements = (plan: Plan) => plan.outcomes.map((outcome) => `${outcome.position}:${outcome.statement}`);

describe('development plans', () => {
  it('reads the demo plan in order, needs by priority, for staff and the institution’s focal point', async () => {
    const plan = await planOf(higherEducation, focal);
    expect(plan.outcomes.map((outcome) => outcome.position)).toEqual([1, 2, 3]);
    for (const outcome of plan.outcomes) {
      const ranks = outcome.needs.map((need) => ['high', 'medium', 'low'].indexOf(need.priority));
      expect(ranks).toEqual([...ranks].sort());
    }
    expect(plan.allowedActions).toEqual(['need.propose']);
    expect((await planOf(higherEducation, officer)).allowedActions).toEqual(['plan.edit', 'need.propose']);
    expect((await planOf(higherEducation, me)).allowedActions).toEqual([]);
    expect((await planOf(higherEducation, officer, trqn)).outcomes).toEqual([]);
  });

  it('hides other institutions’ plans from a focal point, and every plan from donors', async () => {
    const url = `/api/institutions/${civilService}/plan?programmeId=${cd4d}`;
    expect((await call('GET', url, focal)).statusCode).toBe(404);
    expect((await call('GET', url, donor)).statusCode).toBe(404);
    const missing = await call('GET', `/api/institutions/${civilService}/plan`, officer);
    expect(missing.json().error.fields).toEqual([
      expect.objectContaining({ path: 'querystring.programmeId', code: 'required' }),
    ]);
  });

  it('inserts, moves and deletes outcomes, keeping positions 1..n, and audits each change', async () => {
    const base = `/api/institutions/${civilService}/outcomes`;
    const add = (statement: string, position?: number) =>
      call('POST', base, officer, { programmeId: cd4d, statement, ...(position ? { position } : {}) });
    expect((await add('B')).statusCode).toBe(201);
    await add('C');
    const first = await add('A', 1);
    expect(statements(first.json())).toEqual(['1:A', '2:B', '3:C']);
    const far = await add('D', 99);
    expect(statements(far.json())).toEqual(['1:A', '2:B', '3:C', '4:D']);
    const [a, b, , d] = far.json().outcomes;
    const moved = await call('PATCH', `${base}/${d.id}`, officer, { position: 2, statement: 'D!' });
    expect(statements(moved.json())).toEqual(['1:A', '2:D!', '3:B', '4:C']);
    const need = await call('POST', `/api/institutions/${civilService}/needs`, officer, {
      programmeId: cd4d,
      outcomeId: b.id,
      title: 'Dématérialisation des concours',
      priority: 'high',
      status: 'in_progress',
    });
    expect(need.statusCode, need.body).toBe(201);
    expect(need.json()).toMatchObject({ outcomeId: b.id, status: 'in_progress' });
    const deleted = await call('DELETE', `${base}/${b.id}`, officer);
    expect(deleted.json()).toEqual({ status: 'deleted', needsUnassigned: 1 });
    const plan = await planOf(civilService);
    expect(statements(plan)).toEqual(['1:A', '2:D!', '3:C']);
    expect(plan.unassignedNeeds).toEqual([
      expect.objectContaining({ id: need.json().id, title: 'Dématérialisation des concours' }),
    ]);
    const actions = await t.database.query<{ action: string }>(
      "select action from audit_events where entity_id = $1 and action like 'outcome.%' order by at, id",
      [civilService],
    );
    expect(actions.map((row) => row.action)).toEqual([
      'outcome.created',
      'outcome.created',
      'outcome.created',
      'outcome.created',
      'outcome.updated',
      'outcome.deleted',
    ]);
    expect((await call('PATCH', `${base}/${a.id}`, me, { position: 3 })).statusCode).toBe(403);
    expect((await call('DELETE', `${base}/${b.id}`, officer)).statusCode).toBe(404);
  });

  it('lets a focal point propose a need for their institution, always open, but not edit the plan', async () => {
    const plan = await planOf(higherEducation, focal);
    const outcome = plan.outcomes[0]!;
    const proposal = await call('POST', `/api/institutions/${higherEducation}/needs`, focal, {
      programmeId: cd4d,
      outcomeId: outcome.id,
      title: '<b>Tutorat</b> en ligne',
      priority: 'high',
      status: 'met',
    });
    expect(proposal.statusCode, proposal.body).toBe(201);
    expect(proposal.json()).toMatchObject({ status: 'open', title: '<b>Tutorat</b> en ligne' });
    const [event] = await t.database.query<{ action: string }>('select action from audit_events where entity_id = $1', [
      proposal.json().id,
    ]);
    expect(event?.action).toBe('need.proposed');
    // The programme's officers are told, by e-mail and in the app; staff adding a need tell nobody.
    const mails = await t.database.query<{ to_address: string; text_body: string }>(
      "select to_address, text_body from email_outbox where template = 'need_proposed'",
    );
    expect(mails.map((mail) => mail.to_address)).toEqual(['officer@passerelle.example']);
    expect(mails[0]!.text_body).toContain('<b>Tutorat</b> en ligne');
    expect(mails[0]!.text_body).toContain(`/institutions/${higherEducation}`);
    const inbox = await call('GET', '/api/notifications', officer);
    expect(inbox.json().items[0]).toMatchObject({ kind: 'need.proposed', link: `/institutions/${higherEducation}` });
    expect((await findCapacityNeed(t.database.db, proposal.json().id))?.institutionId).toBe(higherEducation);
    const needUrl = `/api/institutions/${higherEducation}/needs/${proposal.json().id}`;
    expect((await call('PATCH', needUrl, focal, { status: 'met' })).statusCode).toBe(403);
    const outcomes = `/api/institutions/${higherEducation}/outcomes`;
    expect((await call('POST', outcomes, focal, { programmeId: cd4d, statement: 'X' })).statusCode).toBe(403);
    const elsewhere = await call('POST', `/api/institutions/${civilService}/needs`, focal, {
      programmeId: cd4d,
      title: 'X',
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(
      (await call('POST', `/api/institutions/${higherEducation}/needs`, me, { programmeId: cd4d, title: 'X' }))
        .statusCode,
    ).toBe(403);
  });

  it('updates a need and refuses an outcome from another plan or programme', async () => {
    const plan = await planOf(higherEducation);
    const need = plan.outcomes[0]!.needs[0]!;
    const url = `/api/institutions/${higherEducation}/needs/${need.id}`;
    const otherPlan = await planOf(civilService);
    const foreign = await call('PATCH', url, officer, { outcomeId: otherPlan.outcomes[0]!.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual([expect.objectContaining({ path: 'outcomeId', code: 'not_found' })]);
    const unknownProgramme = await call('POST', `/api/institutions/${higherEducation}/needs`, officer, {
      programmeId: '00000000-0000-4000-8000-000000000000',
      title: 'X',
    });
    expect(unknownProgramme.json().error.fields).toEqual([
      expect.objectContaining({ path: 'programmeId', code: 'not_found' }),
    ]);
    const response = await call('PATCH', url, officer, { status: 'met', outcomeId: null, priority: 'low' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'met', outcomeId: null, priority: 'low' });
    const [event] = await t.database.query<{ changes: Record<string, { after: unknown }> }>(
      "select changes from audit_events where action = 'need.updated' and entity_id = $1",
      [need.id],
    );
    expect(event?.changes.status?.after).toBe('met');
    expect(event?.changes.outcomeId?.after).toBeNull();
    const elsewhere = await call('PATCH', `/api/institutions/${civilService}/needs/${need.id}`, officer, {
      status: 'open',
    });
    expect(elsewhere.statusCode).toBe(404);
  });
});
