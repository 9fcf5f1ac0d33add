import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';
import { createTor, demoIds, move, stored, validBody } from './assignments.test-helper.ts';
import { closeExpiredCalls, legalMoves } from './lifecycle.ts';
import { assignmentStates, type AssignmentState } from './schema.ts';

let t: TestApp;
let officer: string;
let focal: string;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  focal = await signInDemo(t, 'focal.point');
  ids = await demoIds(t);
});
afterAll(() => t.close());

const outboxFor = (reference: string) =>
  t.database.query<{ to_address: string; template: string; text_body: string }>(
    "select to_address, template, text_body from email_outbox where text_body like '%' || $1 || '%' order by created_at",
    [reference],
  );

/** Moves a fresh ToR of the focal point's institution to `state` through the API. */
async function torIn(state: AssignmentState): Promise<string> {
  const tor = await createTor(t, focal, validBody(ids.programmeId));
  const path: Partial<Record<AssignmentState, [AssignmentState, string?][]>> = {
    draft: [],
    submitted: [['submitted']],
    returned: [['submitted'], ['returned', 'Précisez']],
    approved: [['submitted'], ['approved']],
    published: [['submitted'], ['approved'], ['published']],
    closed: [['submitted'], ['approved'], ['published'], ['closed']],
    filled: [['submitted'], ['approved'], ['published'], ['closed'], ['filled']],
    completed: [['submitted'], ['approved'], ['published'], ['closed'], ['filled'], ['completed']],
    cancelled: [['cancelled', 'Plus nécessaire']],
  };
  for (const [to, comment] of path[state]!) {
    const response = await move(t, officer, tor.id, to, comment);
    expect(response.statusCode, `${to}: ${response.body}`).toBe(200);
  }
  return tor.id;
}

describe('ToR life cycle', () => {
  it('goes draft → submitted → returned → submitted → approved → published → closed → filled → completed', async () => {
    const tor = await createTor(t, focal, validBody(ids.programmeId));
    expect(tor.reference).toMatch(/^CD4D-\d{4}-\d{3}$/);
    expect(tor.state).toBe('draft');

    let response = await move(t, focal, tor.id, 'submitted');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ state: 'submitted', version: 2 });
    // The focal point can no longer edit nor approve.
    expect(response.json().allowedActions).toEqual(['assignment.read']);
    expect((await move(t, focal, tor.id, 'approved')).statusCode).toBe(403);

    response = await move(t, officer, tor.id, 'returned', 'Précisez les livrables, s’il vous plaît.');
    expect(response.json()).toMatchObject({
      state: 'returned',
      returnComment: 'Précisez les livrables, s’il vous plaît.',
    });
    response = await move(t, focal, tor.id, 'submitted');
    expect(response.json().state).toBe('submitted');
    response = await move(t, officer, tor.id, 'approved');
    expect(response.json().allowedActions).toEqual(
      expect.arrayContaining(['assignment.edit', 'assignment.publish', 'assignment.cancel']),
    );
    response = await move(t, officer, tor.id, 'published');
    expect(response.json().state).toBe('published');
    expect(response.json().publishedAt).not.toBeNull();
    for (const to of ['closed', 'filled', 'completed']) {
      response = await move(t, officer, tor.id, to);
      expect(response.statusCode, response.body).toBe(200);
    }
    expect(response.json()).toMatchObject({ state: 'completed', version: 9, allowedActions: ['assignment.read'] });

    const history = await t.request({ method: 'GET', url: `/api/assignments/${tor.id}/history`, cookie: focal });
    const items = history.json().items as {
      from: string;
      to: string;
      comment: string | null;
      actor: { name: string };
    }[];
    expect(items.map((item) => item.to)).toEqual([
      'submitted',
      'returned',
      'submitted',
      'approved',
      'published',
      'closed',
      'filled',
      'completed',
    ]);
    expect(items[1]).toMatchObject({ from: 'submitted', comment: 'Précisez les livrables, s’il vous plaît.' });
    expect(items[1]!.actor.name).toBe('Omar Officer');
    expect(items[0]!.actor.name).toBe('Farid Point Focal');

    // E-mails: the submissions to the programme officer; the return (with its comment), approval and
    // publication to the focal point; nothing for closing, filling, completing.
    const mails = await outboxFor(tor.reference);
    expect(mails.map((mail) => [mail.template, mail.to_address])).toEqual([
      ['assignment_submitted', 'officer@passerelle.example'],
      ['assignment_returned', 'focal.point@passerelle.example'],
      ['assignment_submitted', 'officer@passerelle.example'],
      ['assignment_approved', 'focal.point@passerelle.example'],
      ['assignment_published', 'focal.point@passerelle.example'],
    ]);
    expect(mails[1]!.text_body).toContain('Précisez les livrables');
    const notices = await t.database.query<{ kind: string }>(
      'select kind from in_app_notifications where link = $1 order by created_at',
      [`/assignments/${tor.id}`],
    );
    expect(notices.map((notice) => notice.kind)).toContain('assignment.returned');

    const audit = await t.database.query<{ changes: { state: { before: string; after: string } } }>(
      "select changes from audit_events where action = 'assignment.transitioned' and entity_id = $1 order by at",
      [tor.id],
    );
    expect(audit.map((event) => event.changes.state.after)).toEqual(items.map((item) => item.to));
  });

  it('refuses every move that does not exist, with from/to, and changes nothing', async () => {
    for (const from of assignmentStates) {
      const id = await torIn(from);
      const before = await stored(t, id);
      for (const to of assignmentStates) {
        if (legalMoves[from].includes(to)) continue;
        const response = await move(t, officer, id, to, 'Un commentaire');
        expect(response.statusCode, `${from} → ${to}`).toBe(409);
        expect(response.json().error).toMatchObject({ code: 'illegal_transition', details: { from, to } });
      }
      expect(await stored(t, id)).toEqual(before);
    }
  });

  it('asks for a comment to return or cancel, and lets a focal point cancel their own draft without one', async () => {
    const submitted = await torIn('submitted');
    const before = await stored(t, submitted);
    for (const to of ['returned', 'cancelled']) {
      for (const comment of [undefined, '   ']) {
        const response = await move(t, officer, submitted, to, comment);
        expect(response.statusCode).toBe(422);
        expect(response.json().error.code).toBe('comment_required');
      }
    }
    expect(await stored(t, submitted)).toEqual(before);

    const draft = await createTor(t, focal, validBody(ids.programmeId));
    const response = await move(t, focal, draft.id, 'cancelled');
    expect(response.json().state).toBe('cancelled');
    // A focal point cannot cancel once staff have it.
    expect((await move(t, focal, submitted, 'cancelled', 'Non')).statusCode).toBe(403);
    const cancelled = await torIn('cancelled');
    const [mail] = await t.database.query<{ text_body: string }>(
      "select text_body from email_outbox where template = 'assignment_cancelled' and text_body like '%Plus nécessaire%'",
    );
    expect(mail).toBeDefined();
    expect((await stored(t, cancelled)).state).toBe('cancelled');
  });

  it('refuses to submit an incomplete ToR and to publish past the deadline', async () => {
    const bare = await createTor(
      t,
      focal,
      validBody(ids.programmeId, { deliverables: [], sectors: [], languages: [] }),
    );
    const response = await move(t, focal, bare.id, 'submitted');
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('assignment_incomplete');
    expect(response.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'deliverables',
      'sectors',
      'languages',
    ]);

    const approved = await torIn('approved');
    await t.database.query("update assignments set deadline_at = now() - interval '1 minute' where id = $1", [
      approved,
    ]);
    const before = await stored(t, approved);
    const refused = await move(t, officer, approved, 'published');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('deadline_passed');
    expect(await stored(t, approved)).toEqual(before);
  });

  it('closes calls whose deadline passed, as the system, and no others', async () => {
    const due = await torIn('published');
    const open = await torIn('published');
    await t.database.query("update assignments set deadline_at = now() - interval '1 second' where id = $1", [due]);
    const closed = await closeExpiredCalls(t.database.db, new Date());
    expect(closed).toContain(due);
    expect(closed).not.toContain(open);
    expect((await stored(t, due)).state).toBe('closed');
    expect((await stored(t, open)).state).toBe('published');
    const [event] = await t.database.query<{ actor_id: string | null }>(
      "select actor_id from audit_events where action = 'assignment.transitioned' and entity_id = $1 and changes->'state'->>'after' = 'closed'",
      [due],
    );
    expect(event).toEqual({ actor_id: null });
    const [transition] = await t.database.query<{ actor_id: string | null }>(
      "select actor_id from assignment_transitions where assignment_id = $1 and to_state = 'closed'",
      [due],
    );
    expect(transition).toEqual({ actor_id: null });
    // A second run finds nothing more to do.
    expect(await closeExpiredCalls(t.database.db, new Date())).not.toContain(due);
  });

  it('hides another institution’s ToR from a focal point (404) and keeps M&E officers to reading', async () => {
    const other = await createTor(t, officer, { ...validBody(ids.programmeId), institutionId: ids.otherInstitutionId });
    for (const request of [
      { method: 'GET' as const, url: `/api/assignments/${other.id}` },
      { method: 'GET' as const, url: `/api/assignments/${other.id}/history` },
      { method: 'PATCH' as const, url: `/api/assignments/${other.id}`, payload: { version: 1, titleFr: 'X' } },
      { method: 'POST' as const, url: `/api/assignments/${other.id}/transitions`, payload: { to: 'submitted' } },
    ]) {
      const response = await t.request({ ...request, cookie: focal });
      expect(response.statusCode, request.url).toBe(404);
    }
    const me = await signInDemo(t, 'me');
    expect((await t.request({ method: 'GET', url: `/api/assignments/${other.id}`, cookie: me })).statusCode).toBe(200);
    expect((await move(t, me, other.id, 'submitted')).statusCode).toBe(403);
    expect((await stored(t, other.id)).state).toBe('draft');
  });
});
