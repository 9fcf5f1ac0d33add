import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { registerExpert, signInDemo } from '../experts.test-helper.ts';

let t: TestApp;
let officer: string;
let admin: string;
let me: string;
let expertA: Awaited<ReturnType<typeof registerExpert>>;
let expertB: Awaited<ReturnType<typeof registerExpert>>;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  admin = await signInDemo(t, 'admin');
  me = await signInDemo(t, 'me');
  expertA = await registerExpert(t, 'Nadia Berrada', 'nadia.berrada@example.org');
  expertB = await registerExpert(t, 'Youssef Tazi', 'youssef.tazi@example.org');
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.request({ method, url, cookie, ...(payload ? { payload } : {}) });

async function auditOf(action: string) {
  return t.database.query<{ entity_id: string; changes: Record<string, unknown>; actor_id: string }>(
    'select entity_id, changes, actor_id from audit_events where action = $1 order by at, id',
    [action],
  );
}

describe('vetting', () => {
  it('starts unvetted with nothing checked, and tells each staff role what it may do', async () => {
    const response = await call('GET', `/api/experts/${expertA.id}/vetting`, officer);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      status: 'unvetted',
      subjects: [
        { subject: 'documents', current: null, history: [] },
        { subject: 'references', current: null, history: [] },
      ],
      readyToVet: false,
      allowedActions: ['vetting.record', 'vetting.set_status'],
    });
    const asMe = await call('GET', `/api/experts/${expertA.id}/vetting`, me);
    expect(asMe.json().allowedActions).toEqual([]);
  });

  it('records checks with who and when, and vets only when every subject is verified', async () => {
    const url = `/api/experts/${expertA.id}`;
    const documents = await call('POST', `${url}/vetting-checks`, officer, {
      subject: 'documents',
      outcome: 'verified',
      note: 'Diplôme vérifié auprès de l’université',
    });
    expect(documents.statusCode, documents.body).toBe(201);
    const current = documents.json().subjects[0].current;
    expect(current).toMatchObject({ subject: 'documents', outcome: 'verified', checkedBy: { name: 'Omar Officer' } });
    expect(Date.parse(current.checkedAt)).not.toBeNaN();

    const early = await call('PATCH', `${url}/vetting-status`, officer, {
      status: 'vetted',
      expectedStatus: 'unvetted',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('vetting_incomplete');

    await call('POST', `${url}/vetting-checks`, officer, { subject: 'references', outcome: 'verified' });
    const stale = await call('PATCH', `${url}/vetting-status`, officer, {
      status: 'vetted',
      expectedStatus: 'in_review',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('vetting_status_changed');

    const vetted = await call('PATCH', `${url}/vetting-status`, officer, {
      status: 'vetted',
      expectedStatus: 'unvetted',
    });
    expect(vetted.statusCode, vetted.body).toBe(200);
    expect(vetted.json()).toMatchObject({ status: 'vetted', readyToVet: true });
    expect((await call('GET', url, officer)).json().vettingStatus).toBe('vetted');
  });

  it('puts a vetted expert back in review when a later check finds a problem, keeping the history', async () => {
    const url = `/api/experts/${expertA.id}`;
    const problem = await call('POST', `${url}/vetting-checks`, admin, { subject: 'references', outcome: 'problem' });
    expect(problem.statusCode).toBe(201);
    const view = problem.json();
    expect(view.status).toBe('in_review');
    expect(view.readyToVet).toBe(false);
    const references = view.subjects[1];
    expect(references.current).toMatchObject({ outcome: 'problem', checkedBy: { name: expect.any(String) } });
    expect(references.history.map((check: { outcome: string }) => check.outcome)).toEqual(['problem', 'verified']);

    const changes = (await auditOf('expert.vetting_status_changed')).map((event) => event.changes.vettingStatus);
    expect(changes).toEqual([
      { before: 'unvetted', after: 'vetted' },
      { before: 'vetted', after: 'in_review' },
    ]);
    const checks = await auditOf('expert.vetting_checked');
    expect(checks).toHaveLength(3);
    // The free-text note stays out of the audit trail.
    expect(JSON.stringify(checks)).not.toContain('université');
  });

  it('lets M&E officers read only, and answers everyone else "not found"', async () => {
    const url = `/api/experts/${expertA.id}`;
    const check = { subject: 'documents', outcome: 'verified' };
    expect((await call('POST', `${url}/vetting-checks`, me, check)).statusCode).toBe(403);
    const status = { status: 'rejected', expectedStatus: 'in_review' };
    expect((await call('PATCH', `${url}/vetting-status`, me, status)).statusCode).toBe(403);
    for (const cookie of [expertA.cookie, await signInDemo(t, 'focal.point'), await signInDemo(t, 'donor')]) {
      const response = await call('GET', `${url}/vetting`, cookie);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });

  it('refuses unknown experts, accounts that are not experts, and invalid input', async () => {
    const staffMember = (await call('GET', '/api/me', officer)).json().user.id;
    for (const id of ['7b0c1b52-4a2e-4d5e-9d4f-2f3c1a0e9b11', staffMember]) {
      expect((await call('GET', `/api/experts/${id}/vetting`, officer)).statusCode).toBe(404);
    }
    const bad = await call('POST', `/api/experts/${expertA.id}/vetting-checks`, officer, {
      subject: 'diplomas',
      outcome: 'verified',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('subject');
  });
});

describe('staff notes', () => {
  let officerNote: string;
  let adminNote: string;

  it('adds notes and lists them newest first, a page at a time', async () => {
    const url = `/api/experts/${expertB.id}/notes`;
    const first = await call('POST', url, officer, { body: '  Disponible pour une mission à Rabat en mai.  ' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      body: 'Disponible pour une mission à Rabat en mai.',
      author: { name: 'Omar Officer' },
      allowedActions: ['note.update', 'note.delete'],
    });
    officerNote = first.json().id;
    adminNote = (await call('POST', url, admin, { body: 'Références à relancer.' })).json().id;

    const list = await call('GET', url, officer);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((note: { id: string }) => note.id)).toEqual([adminNote, officerNote]);
    expect(list.json()).toMatchObject({ total: 2, allowedActions: ['note.create'] });
    const page = await call('GET', `${url}?pageSize=1&page=2`, officer);
    expect(page.json().items.map((note: { id: string }) => note.id)).toEqual([officerNote]);
  });

  it('lets authors edit their own notes only; authors and admins delete', async () => {
    const url = `/api/experts/${expertB.id}/notes`;
    const asOfficer = (await call('GET', url, officer)).json().items;
    expect(asOfficer.find((note: { id: string }) => note.id === adminNote).allowedActions).toEqual([]);
    const asAdmin = (await call('GET', url, admin)).json().items;
    expect(asAdmin.find((note: { id: string }) => note.id === officerNote).allowedActions).toEqual(['note.delete']);

    expect((await call('PATCH', `${url}/${adminNote}`, officer, { body: 'Changed' })).statusCode).toBe(403);
    expect((await call('PATCH', `${url}/${officerNote}`, admin, { body: 'Changed' })).statusCode).toBe(403);
    const edited = await call('PATCH', `${url}/${officerNote}`, officer, { body: 'Disponible en juin.' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().body).toBe('Disponible en juin.');

    expect((await call('DELETE', `${url}/${adminNote}`, officer)).statusCode).toBe(403);
    expect((await call('DELETE', `${url}/${officerNote}`, admin)).statusCode).toBe(200);
    expect((await call('DELETE', `${url}/${officerNote}`, admin)).statusCode).toBe(404);
    expect((await call('GET', url, officer)).json().total).toBe(1);
  });

  it('does not reach a note through another expert, refuses empty notes and non-editors', async () => {
    expect((await call('DELETE', `/api/experts/${expertA.id}/notes/${adminNote}`, admin)).statusCode).toBe(404);
    expect((await call('POST', `/api/experts/${expertB.id}/notes`, officer, { body: '   ' })).statusCode).toBe(400);
    expect((await call('POST', `/api/experts/${expertB.id}/notes`, me, { body: 'M&E' })).statusCode).toBe(403);
    const read = await call('GET', `/api/experts/${expertB.id}/notes`, me);
    expect(read.statusCode).toBe(200);
    expect(read.json().allowedActions).toEqual([]);
    expect((await call('GET', `/api/experts/${expertB.id}/notes`, expertB.cookie)).statusCode).toBe(404);
  });

  it('audits each change by note id, without the text', async () => {
    const events = [
      ...(await auditOf('expert.note_added')),
      ...(await auditOf('expert.note_edited')),
      ...(await auditOf('expert.note_deleted')),
    ];
    expect(events.map((event) => event.entity_id)).toEqual([officerNote, adminNote, officerNote, officerNote]);
    expect(events.every((event) => event.changes.expertId === expertB.id)).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/Rabat|juin|Références/);
  });
});

/** Tags in use with their counts, less those of the demo roster (which tags its TRQN alumni and health experts). */
async function tagCountsBeyondDemo(): Promise<{ tag: string; count: number }[]> {
  const items = (await call('GET', '/api/experts/tags', officer)).json().items as { tag: string; count: number }[];
  return items
    .map(({ tag, count }) => ({ tag, count: count - (demoTagCounts.get(tag) ?? 0) }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1));
}
let demoTagCounts = new Map<string, number>();

describe('tags', () => {
  it('normalises, de-duplicates and replaces the list; kept tags keep who added them', async () => {
    const url = `/api/experts/${expertA.id}/tags`;
    demoTagCounts = new Map(
      ((await call('GET', '/api/experts/tags', officer)).json().items as { tag: string; count: number }[]).map(
        ({ tag, count }) => [tag, count],
      ),
    );
    const put = await call('PUT', url, officer, { tags: ['  Santé ', 'SANTÉ', 'Water   Management', ''] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().tags.map((tag: { tag: string }) => tag.tag)).toEqual(['santé', 'water management']);
    expect(put.json().tags[0].addedBy.name).toBe('Omar Officer');

    const again = await call('PUT', url, admin, { tags: ['santé', 'ambassadeur'] });
    expect(again.json().tags).toEqual([
      expect.objectContaining({ tag: 'ambassadeur', addedBy: expect.objectContaining({ name: expect.any(String) }) }),
      expect.objectContaining({ tag: 'santé', addedBy: expect.objectContaining({ name: 'Omar Officer' }) }),
    ]);
    await call('PUT', `/api/experts/${expertB.id}/tags`, officer, { tags: ['Santé', 'éducation'] });

    expect((await call('GET', '/api/experts/tags', me)).statusCode).toBe(200);
    expect(await tagCountsBeyondDemo()).toEqual([
      { tag: 'santé', count: 2 },
      { tag: 'ambassadeur', count: 1 },
      { tag: 'éducation', count: 1 },
    ]);
    const audited = await auditOf('expert.tags_changed');
    expect(audited.map((event) => event.changes)).toEqual([
      { added: 2, removed: 0, count: 2 },
      { added: 1, removed: 1, count: 2 },
      { added: 2, removed: 0, count: 2 },
    ]);
  });

  it('refuses tags over 40 characters and lists over 20, naming the field', async () => {
    const url = `/api/experts/${expertA.id}/tags`;
    const long = await call('PUT', url, officer, { tags: ['ok', 'x'.repeat(41)] });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields).toEqual([expect.objectContaining({ path: 'tags.1', code: 'too_long' })]);
    const many = await call('PUT', url, officer, { tags: Array.from({ length: 21 }, (_, i) => `tag ${i}`) });
    expect(many.statusCode).toBe(400);
    expect(many.json().error.fields).toEqual([expect.objectContaining({ path: 'tags', code: 'too_long' })]);
    // Twenty-five spellings of twenty tags are twenty tags.
    const spellings = [
      ...Array.from({ length: 20 }, (_, i) => `tag ${i}`),
      'TAG 1',
      'Tag  2',
      ' tag 3',
      'tag 4 ',
      'TAG 0',
    ];
    expect((await call('PUT', url, officer, { tags: spellings })).json().tags).toHaveLength(20);
    await call('PUT', url, officer, { tags: ['santé', 'ambassadeur'] });
  });

  it('lets M&E officers read tags but not change them; others see nothing', async () => {
    expect((await call('GET', `/api/experts/${expertA.id}/tags`, me)).json().allowedActions).toEqual([]);
    expect((await call('PUT', `/api/experts/${expertA.id}/tags`, me, { tags: [] })).statusCode).toBe(403);
    expect((await call('GET', `/api/experts/${expertA.id}/tags`, expertA.cookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/experts/tags', expertA.cookie)).statusCode).toBe(403);
  });
});

describe('erasure', () => {
  it('deletes the notes, tags and vetting checks of an erased expert', async () => {
    await call('POST', `/api/experts/${expertA.id}/notes`, officer, { body: 'Note avant effacement' });
    const count = async () =>
      (
        await t.database.query<{ n: number }>(
          `select ((select count(*) from expert_staff_notes where user_id = $1)
             + (select count(*) from expert_tags where user_id = $1)
             + (select count(*) from expert_vetting_checks where user_id = $1))::int as n`,
          [expertA.id],
        )
      )[0]!.n;
    expect(await count()).toBeGreaterThan(0);
    const erased = await call('DELETE', '/api/experts/me', expertA.cookie, { password: expertA.password });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await count()).toBe(0);
    expect(await tagCountsBeyondDemo()).toEqual([
      { tag: 'santé', count: 1 },
      { tag: 'éducation', count: 1 },
    ]);
    expect((await call('GET', `/api/experts/${expertA.id}/notes`, officer)).statusCode).toBe(404);
  });
});
