import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { checkContent, contentOf } from '../modules/assignments/validate.ts';
import { legalMoves as torMoves } from '../modules/assignments/lifecycle.ts';
import { assignments, type AssignmentState } from '../modules/assignments/schema.ts';
import { signInDemo } from '../modules/experts/experts.test-helper.ts';
import { evaluationQuestionKeys } from '../modules/missions/reporting/questions.ts';
import { missions, missionStates } from '../modules/missions/schema.ts';
import { oneYearAfter } from '../modules/missions/surveys/respondents.ts';
import { todayInMorocco } from '../modules/assignments/dates.ts';
import { endAfterWorkingDays } from './missions-common.ts';
import { trqnExperts, trqnMissions } from './trqn-roster.ts';

let t: TestApp;
let officer: string;
let focal: string;
let expert: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  focal = await signInDemo(t, 'focal.point');
  expert = await signInDemo(t, 'expert');
});
afterAll(() => t.close());

interface Summary {
  id: string;
  reference: string;
  state: string;
  modality: string;
  startsOn: string;
  endsOn: string;
  workingDays: number;
  expert: { id: string; name: string };
  host: { id: string; name: string };
  tor: { id: string; reference: string; title: string };
}

const get = async (cookie: string, url: string) => {
  const response = await t.request({ method: 'GET', url, cookie });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
};
const programmeId = async (code: string) =>
  (await t.database.query<{ id: string }>('select id from programmes where code = $1', [code]))[0]!.id;
const missionsOf = async (cookie: string, code: string): Promise<Summary[]> => {
  const page = await get(cookie, `/api/missions?programmeId=${await programmeId(code)}&pageSize=200`);
  expect(page.items).toHaveLength(page.total);
  return page.items;
};

describe('the TRQN III missions', () => {
  it('count 78 missions of 48 experts through the API, all closed, each with an accepted report and an evaluation', async () => {
    const items = await missionsOf(officer, 'trqn-3-ma');
    expect(items).toHaveLength(78);
    expect(new Set(items.map((item) => item.expert.id)).size).toBe(48);
    expect(new Set(items.map((item) => item.state))).toEqual(new Set(['closed']));
    expect(new Set(items.map((item) => item.modality))).toEqual(new Set(['on_site']));
    for (const item of items) {
      expect(item.reference).toMatch(/^TRQN-201[2-6]-\d{3}-M1$/);
      expect(item.tor.title).not.toBe('');
      expect(item.startsOn >= '2013-03-01' && item.endsOn <= '2016-04-30').toBe(true);
      const { report } = await get(officer, `/api/missions/${item.id}/report`);
      expect(report).toMatchObject({ status: 'accepted' });
      expect(report.activities.length).toBeGreaterThan(20);
      const { evaluation } = await get(officer, `/api/missions/${item.id}/evaluation`);
      expect(Object.keys(evaluation.ratings).sort()).toEqual([...evaluationQuestionKeys].sort());
      for (const value of Object.values(evaluation.ratings) as number[]) {
        expect(value).toBeGreaterThanOrEqual(3);
        expect(value).toBeLessThanOrEqual(5);
      }
      expect(['yes', 'partly']).toContain(evaluation.needMet);
    }
    const ratings = await t.database.query<{ low: number; follow: number; partly: number }>(`
      select count(*) filter (where (ratings->>'overall')::int < 4)::int as low,
             count(*) filter (where follow_up_wanted)::int as follow,
             count(*) filter (where need_met = 'partly')::int as partly
      from mission_evaluations e join missions m on m.id = e.mission_id
      join programmes p on p.id = m.programme_id and p.code = 'trqn-3-ma'`);
    expect(ratings[0]!.low).toBeLessThan(20);
    expect(ratings[0]!.follow).toBeGreaterThan(0);
    expect(ratings[0]!.follow).toBeLessThan(78);
    expect(ratings[0]!.partly).toBeGreaterThan(0);
  });

  it('add up in the results to 78 closed missions of 48 experts', async () => {
    const results = await get(officer, `/api/missions/results?programmeId=${await programmeId('trqn-3-ma')}`);
    expect(results.missions.byState.closed).toBe(78);
    expect(results.missions.experts).toBe(48);
    expect(results.knowledgeTransferActivities).toBeGreaterThanOrEqual(78);
  });

  it('follow the roster: the expert, host, start and working days of each mission, ending on its last working day', async () => {
    const rows = await t.database.query<{ email: string; starts_on: string; ends_on: string; working_days: number }>(`
      select u.email, m.starts_on::text, m.ends_on::text, m.working_days
      from missions m join users u on u.id = m.expert_id
      join programmes p on p.id = m.programme_id and p.code = 'trqn-3-ma'`);
    const emailOf = new Map(trqnExperts.map((e) => [e.key, e.email]));
    const expected = trqnMissions
      .map(
        (m) =>
          `${emailOf.get(m.expertKey)} ${m.startsOn} ${endAfterWorkingDays(m.startsOn, m.workingDays)} ${m.workingDays}`,
      )
      .sort();
    expect(rows.map((r) => `${r.email} ${r.starts_on} ${r.ends_on} ${r.working_days}`).sort()).toEqual(expected);
  });

  it('went through every state in order, with the checklist done, costs in dirhams and euros, closed after its end', async () => {
    const items = await missionsOf(officer, 'trqn-3-ma');
    for (const item of items.slice(0, 8)) {
      const mission = await get(officer, `/api/missions/${item.id}`);
      expect(mission.history.map((event: { to: string }) => event.to)).toEqual([
        'planned',
        'agreed',
        'ready',
        'in_progress',
        'reporting',
        'closed',
      ]);
      const times = mission.history.map((event: { at: string }) => event.at);
      expect([...times].sort()).toEqual(times);
      expect(mission.closedAt > `${mission.endsOn}T23:59:59`).toBe(true);
      expect(mission.city).toMatch(/^(Rabat|Témara)$/);
      expect(mission.hostContact.name).not.toBe('');
      expect(mission.applicationId).toBeNull();

      const checklist = await get(officer, `/api/missions/${item.id}/checklist`);
      expect(checklist.complete).toBe(true);

      const costs = await get(officer, `/api/missions/${item.id}/costs`);
      expect(costs.reportingCurrency).toBe('EUR');
      const line = (category: string, kind: string) =>
        costs.lines.find((l: { category: string; kind: string }) => l.category === category && l.kind === kind);
      for (const kind of ['planned', 'actual']) {
        expect(line('dsa', kind)).toMatchObject({ currency: 'MAD', reportingCurrency: 'EUR' });
        expect(line('travel', kind)).toMatchObject({ currency: 'EUR', rate: '1.00000000' });
      }
      // The planned allowance is the rate of the place on the first day times the nights, as the app computes it.
      expect(costs.dsa.amount).toBe(line('dsa', 'planned').amount);
      expect(line('dsa', 'planned').nights).toBe(costs.dsa.nights);
    }
  });

  it('sits on completed TRQN III ToRs whose history is legal and whose content the API accepts', async () => {
    const tors = await t.database.query<{ id: string; state: string; reference: string }>(`
      select a.id, a.state, a.reference from assignments a
      join programmes p on p.id = a.programme_id and p.code = 'trqn-3-ma'`);
    expect(tors).toHaveLength(78);
    const moves = await t.database.query<{
      assignment_id: string;
      from_state: AssignmentState;
      to_state: AssignmentState;
    }>(`select assignment_id, from_state, to_state from assignment_transitions order by at`);
    for (const tor of tors) {
      expect(tor.state).toBe('completed');
      let state: AssignmentState = 'draft';
      for (const move of moves.filter((m) => m.assignment_id === tor.id)) {
        expect(move.from_state).toBe(state);
        expect(torMoves[state]).toContain(move.to_state);
        state = move.to_state;
      }
      expect(state, tor.reference).toBe('completed');
    }
  });
});

describe('the CD4D Maroc missions', () => {
  const byState = async () => {
    const items = await missionsOf(officer, 'cd4d-ma');
    return new Map(items.map((item) => [item.state, item]));
  };

  it('has one mission in each state, each from a selected application of its ToR', async () => {
    const items = await missionsOf(officer, 'cd4d-ma');
    expect(items.map((item) => item.state).sort()).toEqual([...missionStates].sort());
    for (const item of items) {
      const mission = await get(officer, `/api/missions/${item.id}`);
      expect(mission.applicationId).not.toBeNull();
      const application = await get(officer, `/api/applications/${mission.applicationId}`);
      expect(application.status).toBe('selected');
      expect(mission.history.at(-1).to).toBe(item.state);
      if (item.state === 'cancelled') expect(mission.cancelReason).toBeTruthy();
    }
    const tors = await t.database.query<{ state: string }>(
      `select a.state from missions m join assignments a on a.id = m.assignment_id
       join programmes p on p.id = m.programme_id and p.code = 'cd4d-ma'`,
    );
    expect(tors.map((row) => row.state).sort()).toEqual([...Array(6).fill('filled'), 'completed'].sort());
  });

  it('is dated around today: planned and agreed ahead, in progress now, reporting and closed behind', async () => {
    const missions = await byState();
    const today = todayInMorocco(new Date());
    expect(missions.get('planned')!.startsOn > today).toBe(true);
    expect(missions.get('agreed')!.startsOn > today).toBe(true);
    expect(missions.get('ready')!.startsOn > today).toBe(true);
    expect(missions.get('in_progress')!.startsOn < today && missions.get('in_progress')!.endsOn > today).toBe(true);
    expect(missions.get('reporting')!.endsOn < today).toBe(true);
    expect(missions.get('closed')!.endsOn < missions.get('reporting')!.startsOn).toBe(true);
  });

  it('gives the demo expert the planned mission with an agreement to accept, besides their TRQN III missions', async () => {
    const mine = await get(expert, '/api/missions?pageSize=200');
    const states = mine.items.map((item: Summary) => item.state).sort();
    expect(states).toEqual(['closed', 'closed', 'planned']);
    const planned = mine.items.find((item: Summary) => item.state === 'planned');
    const agreement = await get(expert, `/api/missions/${planned.id}/agreement`);
    expect(agreement).toMatchObject({ canAccept: true, accepted: null });
  });

  it('shows the focal point the missions in progress and reporting at their ministry, the latter to evaluate', async () => {
    const missions = await byState();
    const seen = await get(focal, '/api/missions?pageSize=200');
    const ids = seen.items.map((item: Summary) => item.id);
    for (const state of ['in_progress', 'reporting', 'closed']) expect(ids).toContain(missions.get(state)!.id);
    const reporting = missions.get('reporting')!;
    expect((await get(focal, `/api/missions/${reporting.id}/report`)).report).toMatchObject({ status: 'submitted' });
    expect((await get(focal, `/api/missions/${reporting.id}/evaluation`)).evaluation).toBeNull();
  });

  it('keeps the accepted agreements’ fingerprints current, the hybrid mission’s sessions and the closed one’s surveys', async () => {
    const missions = await byState();
    for (const state of ['agreed', 'ready', 'in_progress', 'reporting', 'closed']) {
      const agreement = await get(officer, `/api/missions/${missions.get(state)!.id}/agreement`);
      expect(agreement.accepted, state).toMatchObject({ matchesCurrent: true, language: 'fr' });
    }

    const running = missions.get('in_progress')!;
    expect(running.modality).toBe('hybrid');
    const sessions = (await get(officer, `/api/missions/${running.id}/sessions`)).items;
    expect(sessions).toHaveLength(2);
    const now = new Date().toISOString();
    expect(
      sessions.filter((s: { startsAt: string; attended: number | null }) => s.startsAt < now && s.attended),
    ).toHaveLength(1);
    expect(
      sessions.filter((s: { startsAt: string; attended: number | null }) => s.startsAt > now && s.attended === null),
    ).toHaveLength(1);

    const closed = await get(officer, `/api/missions/${missions.get('closed')!.id}`);
    const surveys = (await get(officer, `/api/missions/${closed.id}/surveys`)).items as {
      moment: string;
      dueOn: string;
      sentAt: string | null;
      submittedAt: string | null;
    }[];
    expect(surveys).toHaveLength(6);
    for (const survey of surveys.filter((s) => s.moment !== 'one_year')) expect(survey.submittedAt).not.toBeNull();
    const oneYear = surveys.filter((s) => s.moment === 'one_year');
    expect(oneYear).toHaveLength(2);
    for (const survey of oneYear) {
      expect(survey).toMatchObject({ dueOn: oneYearAfter(todayInMorocco(new Date(closed.closedAt))), sentAt: null });
    }
  });

  it('writes only ToR content the API itself would accept', async () => {
    await t.database.db.transaction(async (tx) => {
      const used = tx.select({ id: missions.assignmentId }).from(missions);
      const rows = await tx.select().from(assignments).where(inArray(assignments.id, used));
      expect(rows).toHaveLength(85);
      for (const row of rows) await checkContent(tx, contentOf(row as never), row);
    });
  });
});
