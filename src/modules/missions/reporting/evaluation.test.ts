import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { livesIn } from '../../applications/applications.test-helper.ts';
import { registerExpert } from '../../experts/experts.test-helper.ts';
import { evaluationsByExpert } from './evaluation.ts';
import { evaluationQuestionKeys } from './questions.ts';
import {
  auditActions,
  dayFromToday,
  expectError,
  insertMission,
  missionScene,
  rowsOf,
} from './reporting.test-helper.ts';

let t: TestApp;
let cookies: Awaited<ReturnType<typeof missionScene>>;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  cookies = await missionScene(t);
});
afterAll(() => t.close());

const ratings = { preparation: 4, expertise: 5, communication: 4, relevance: 5, overall: 5 };
const evaluation = (overrides: Record<string, unknown> = {}) => ({
  ratings,
  knowledgeTransferred: 'Méthodes de conception de cursus par compétences.',
  needMet: 'yes',
  followUpWanted: true,
  ...overrides,
});
const evaluate = (cookie: string, missionId: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/missions/${missionId}/evaluation`, cookie, payload });
const read = (cookie: string, missionId: string) =>
  t.request({ method: 'GET', url: `/api/missions/${missionId}/evaluation`, cookie });

describe('the host’s evaluation', () => {
  it('is given once by the focal point of a reporting mission and read by staff, the expert and the host', async () => {
    const mission = await insertMission(t, { state: 'reporting' });
    expect((await read(cookies.focal, mission.id)).json()).toEqual({
      questions: [...evaluationQuestionKeys],
      evaluation: null,
    });
    const given = await evaluate(cookies.focal, mission.id, evaluation({ comment: 'Très utile.' }));
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json().evaluation).toMatchObject({
      ratings,
      needMet: 'yes',
      followUpWanted: true,
      comment: 'Très utile.',
    });
    for (const cookie of [cookies.officer, cookies.me, cookies.admin, cookies.expert, cookies.focal]) {
      const answer = await read(cookie, mission.id);
      expect(answer.statusCode).toBe(200);
      expect(answer.json().evaluation.ratings).toEqual(ratings);
    }
    expectError(await read(cookies.donor, mission.id), 404, 'not_found');
    expectError(await evaluate(cookies.focal, mission.id, evaluation({ needMet: 'no' })), 409, 'evaluation_exists');
    expect((await rowsOf(t, 'mission_evaluations', mission.id))[0]!.need_met).toBe('yes');
    expect(await auditActions(t, mission.id)).toEqual(['mission.evaluated']);
  });

  it('is open on a mission in progress after its last day, not before', async () => {
    const ended = await insertMission(t, { startsOn: dayFromToday(-10), endsOn: dayFromToday(-1) });
    expect((await evaluate(cookies.focal, ended.id, evaluation())).statusCode).toBe(201);
    const running = await insertMission(t, { startsOn: dayFromToday(-3), endsOn: dayFromToday(0) });
    expectError(await evaluate(cookies.focal, running.id, evaluation()), 409, 'mission_not_ready_for_evaluation');
    for (const state of ['planned', 'agreed', 'ready'] as const) {
      const early = await insertMission(t, { state, startsOn: dayFromToday(-10), endsOn: dayFromToday(-1) });
      expectError(await evaluate(cookies.focal, early.id, evaluation()), 409, 'mission_not_ready_for_evaluation');
      expect(await rowsOf(t, 'mission_evaluations', early.id)).toEqual([]);
    }
    const cancelled = await insertMission(t, { state: 'cancelled' });
    expectError(await evaluate(cookies.focal, cancelled.id, evaluation()), 409, 'mission_settled');
    expect(await rowsOf(t, 'mission_evaluations', running.id)).toEqual([]);
  });

  it('refuses bad ratings and other evaluators with their codes, writing nothing', async () => {
    const mission = await insertMission(t, { state: 'reporting' });
    const bad = [
      evaluation({ ratings: { ...ratings, overall: 6 } }),
      evaluation({ ratings: { ...ratings, overall: 0 } }),
      evaluation({ ratings: { preparation: 4, expertise: 5, communication: 4, relevance: 5 } }),
      evaluation({ ratings: { ...ratings, punctuality: 3 } }),
      evaluation({ needMet: 'maybe' }),
      evaluation({ knowledgeTransferred: '' }),
      evaluation({ followUpWanted: 'yes' }),
    ];
    for (const payload of bad)
      expectError(await evaluate(cookies.focal, mission.id, payload), 400, 'validation_failed');
    expectError(await evaluate(cookies.officer, mission.id, evaluation()), 403, 'forbidden');
    expectError(await evaluate(cookies.expert, mission.id, evaluation()), 403, 'forbidden');
    expectError(await evaluate(cookies.donor, mission.id, evaluation()), 404, 'not_found');
    expect(await rowsOf(t, 'mission_evaluations', mission.id)).toEqual([]);
    expect(await auditActions(t, mission.id)).toEqual([]);
  });

  it('gives the matching engine each expert’s overall ratings, oldest mission first', async () => {
    await t.database.query("delete from rate_limit_events where bucket like 'register%'");
    const rated = await registerExpert(t, 'Leila Rated', 'leila.rated@example.org');
    const unrated = await registerExpert(t, 'Omar Unrated', 'omar.unrated@example.org');
    for (const expert of [rated, unrated]) await livesIn(t, expert.id, 'NL');
    const first = await insertMission(t, {
      expertId: rated.id,
      state: 'reporting',
      startsOn: dayFromToday(-400),
      endsOn: dayFromToday(-390),
    });
    const second = await insertMission(t, { expertId: rated.id, state: 'reporting' });
    await insertMission(t, { expertId: unrated.id, state: 'reporting' });
    await evaluate(cookies.focal, second.id, evaluation({ ratings: { ...ratings, overall: 3 } }));
    await evaluate(cookies.focal, first.id, evaluation({ ratings: { ...ratings, overall: 4 } }));
    const found = await evaluationsByExpert(t.database.db, [rated.id, unrated.id]);
    expect(found.get(rated.id)).toEqual([4, 3]);
    expect(found.has(unrated.id)).toBe(false);
    expect((await evaluationsByExpert(t.database.db, [])).size).toBe(0);
  });
});
