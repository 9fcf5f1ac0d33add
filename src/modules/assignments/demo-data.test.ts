import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';
import { legalMoves } from './lifecycle.ts';
import { assignments, assignmentStates, type AssignmentState } from './schema.ts';
import { checkContent, contentOf } from './validate.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

interface Row {
  id: string;
  reference: string;
  state: AssignmentState;
  deadline_at: Date;
  institution_id: string;
  programme_id: string;
}

describe('demo Terms of Reference', () => {
  it('has CD4D ToRs in every state, at least three open calls, and histories that lead to each state', async () => {
    const rows = await t.database.query<Row>(
      "select a.* from assignments a join programmes p on p.id = a.programme_id where p.code = 'cd4d-ma' order by reference",
    );
    expect(new Set(rows.map((row) => row.state))).toEqual(new Set(assignmentStates));
    const open = rows.filter((row) => row.state === 'published');
    expect(open.length).toBeGreaterThanOrEqual(3);
    for (const call of open) expect(new Date(call.deadline_at).getTime()).toBeGreaterThan(Date.now());
    expect(new Set(rows.map((row) => row.institution_id)).size).toBeGreaterThanOrEqual(5);
    for (const row of rows) {
      expect(row.reference).toMatch(/^CD4D-\d{4}-\d{3}$/);
      const moves = await t.database.query<{ from_state: AssignmentState; to_state: AssignmentState; comment: string }>(
        'select from_state, to_state, comment from assignment_transitions where assignment_id = $1 order by at',
        [row.id],
      );
      let state: AssignmentState = 'draft';
      for (const move of moves) {
        expect(move.from_state).toBe(state);
        expect(legalMoves[state]).toContain(move.to_state);
        if (move.to_state === 'returned' || move.to_state === 'cancelled') expect(move.comment).toBeTruthy();
        state = move.to_state;
      }
      expect(state, row.reference).toBe(row.state);
    }
  });

  it('holds only content the API itself would accept', async () => {
    await t.database.db.transaction(async (tx) => {
      for (const row of await tx.select().from(assignments)) {
        await checkContent(tx, contentOf(row as never), row);
      }
    });
  });

  it('shows the focal point their institution’s ToRs, with the return comment', async () => {
    const focal = await signInDemo(t, 'focal.point');
    const list = await t.request({ method: 'GET', url: '/api/assignments?pageSize=100', cookie: focal });
    expect(list.json().total).toBeGreaterThanOrEqual(3);
    const officer = await signInDemo(t, 'officer');
    const all = await t.request({ method: 'GET', url: '/api/assignments?state=returned', cookie: officer });
    const returned = await t.request({
      method: 'GET',
      url: `/api/assignments/${all.json().items[0].id}`,
      cookie: officer,
    });
    expect(returned.json().returnComment).toContain('préciser');
  });
});
