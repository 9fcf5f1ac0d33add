import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';
import { createTor, demoIds, inDays, move, stored, validBody } from './assignments.test-helper.ts';

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

const patch = (cookie: string, id: string, payload: Record<string, unknown>) =>
  t.request({ method: 'PATCH', url: `/api/assignments/${id}`, cookie, payload });

async function fieldsOf(body: Record<string, unknown>) {
  const response = await t.request({ method: 'POST', url: '/api/assignments', cookie: focal, payload: body });
  expect(response.statusCode, response.body).toBe(400);
  return Object.fromEntries(
    (response.json().error.fields as { path: string; code: string }[]).map((field) => [field.path, field.code]),
  );
}

describe('drafting and editing a ToR', () => {
  it('creates a draft for the focal point’s institution with the next reference, skills matched to concepts', async () => {
    const first = await createTor(t, focal, validBody(ids.programmeId));
    const second = await createTor(t, focal, validBody(ids.programmeId));
    expect(first).toMatchObject({ state: 'draft', version: 1, institution: { id: ids.institutionId } });
    const number = (reference: string) => Number(reference.split('-')[2]);
    expect(number(second.reference)).toBe(number(first.reference) + 1);
    const body = first as unknown as { skills: { label: string; conceptId: string | null }[]; deadlineAt: string };
    expect(body.skills).toEqual([
      { label: 'Gestion de projet', conceptId: 'project-management' },
      { label: 'Une compétence inventée pour le test', conceptId: null },
    ]);
    // 23:59:59 in Casablanca, one second before midnight there.
    const deadline = new Date(body.deadlineAt);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Africa/Casablanca',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).format(deadline);
    expect(local).toBe('23:59:59');
    const [audit] = await t.database.query<{ changes: { reference: { after: string } } }>(
      "select changes from audit_events where action = 'assignment.created' and entity_id = $1",
      [first.id],
    );
    expect(audit!.changes.reference.after).toBe(first.reference);
  });

  it('gives concurrent creations distinct references', async () => {
    const created = await Promise.all(
      Array.from({ length: 4 }, () =>
        createTor(t, officer, { ...validBody(ids.programmeId), institutionId: ids.institutionId }),
      ),
    );
    expect(new Set(created.map((tor) => tor.reference)).size).toBe(4);
  });

  it('refuses a focal point drafting for another institution, experts and donors', async () => {
    const other = { ...validBody(ids.programmeId), institutionId: ids.otherInstitutionId };
    expect(
      (await t.request({ method: 'POST', url: '/api/assignments', cookie: focal, payload: other })).statusCode,
    ).toBe(403);
    for (const role of ['expert', 'donor'] as const) {
      const cookie = await signInDemo(t, role);
      expect((await t.request({ method: 'POST', url: '/api/assignments', cookie, payload: other })).statusCode).toBe(
        403,
      );
      expect((await t.request({ method: 'GET', url: '/api/assignments', cookie })).statusCode).toBe(403);
    }
  });

  it('reports each bad field with its code', async () => {
    expect(
      await fieldsOf(
        validBody(ids.programmeId, {
          sectors: ['99999'],
          occupation: '9999',
          languages: [{ language: 'xx', minLevel: 'B2' }],
          region: null,
          city: '',
          windowStartsOn: inDays(60),
          windowEndsOn: inDays(50),
          sdgTargets: ['18.1'],
          needId: '00000000-0000-4000-8000-000000000000',
          skills: [{ label: 'X', conceptId: 'no-such-concept' }],
        }),
      ),
    ).toEqual({
      needId: 'not_found',
      'sectors.0': 'invalid_value',
      occupation: 'invalid_value',
      'languages.0.language': 'invalid_value',
      region: 'required',
      city: 'required',
      windowEndsOn: 'date_order',
      'sdgTargets.0': 'invalid_format',
      'skills.0.conceptId': 'invalid_value',
    });
    expect(await fieldsOf(validBody(ids.programmeId, { workingDays: 40 }))).toEqual({ workingDays: 'out_of_range' });
    expect(await fieldsOf(validBody(ids.programmeId, { applicationDeadline: inDays(61) }))).toEqual({
      applicationDeadline: 'date_order',
    });
    expect(await fieldsOf(validBody(ids.programmeId, { applicationDeadline: inDays(-2) }))).toEqual({
      applicationDeadline: 'in_the_past',
    });
    expect(await fieldsOf(validBody(ids.programmeId, { expertsNeeded: 21, titleFr: '' }))).toEqual({
      expertsNeeded: 'too_long',
      titleFr: 'too_short',
    });
    expect(
      await fieldsOf(validBody(ids.programmeId, { scoringCriteria: [{ id: 'a', label: 'A', weight: 0 }] })),
    ).toEqual({ 'scoringCriteria.0.weight': 'too_short' });
    expect(await fieldsOf(validBody(ids.programmeId, { modality: 'remote' }))).toEqual({ modality: 'invalid_value' });
    // Online work needs no place.
    await createTor(t, focal, validBody(ids.programmeId, { modality: 'online', region: null, city: null }));
  });

  it('stores markup as text', async () => {
    const tor = await createTor(t, focal, validBody(ids.programmeId, { titleFr: '<script>alert(1)</script>' }));
    const response = await t.request({ method: 'GET', url: `/api/assignments/${tor.id}`, cookie: focal });
    expect(response.json().titleFr).toBe('<script>alert(1)</script>');
  });

  it('refuses a stale version with the current one and changes nothing', async () => {
    const tor = await createTor(t, focal, validBody(ids.programmeId));
    const saved = await patch(focal, tor.id, { version: 1, titleFr: 'Titre revu par le point focal' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, titleFr: 'Titre revu par le point focal' });
    const before = await stored(t, tor.id);
    const stale = await patch(officer, tor.id, { version: 1, titleFr: 'Titre de l’équipe' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    expect(await stored(t, tor.id)).toEqual(before);
    const [audit] = await t.database.query<{ changes: Record<string, { before: unknown; after: unknown }> }>(
      "select changes from audit_events where action = 'assignment.updated' and entity_id = $1",
      [tor.id],
    );
    expect(audit!.changes.titleFr!.after).toBe('Titre revu par le point focal');
    expect(audit!.changes.version).toEqual({ before: 1, after: 2 });
  });

  it('lets each role edit only in its states; once published, only a later deadline', async () => {
    const tor = await createTor(t, focal, validBody(ids.programmeId));
    await move(t, focal, tor.id, 'submitted');
    let response = await patch(focal, tor.id, { version: 2, titleFr: 'Trop tard' });
    expect(response.json().error.code).toBe('assignment_not_editable');
    response = await patch(officer, tor.id, { version: 2, city: 'Salé' });
    expect(response.json()).toMatchObject({ version: 3, city: 'Salé' });
    await move(t, officer, tor.id, 'approved');
    await move(t, officer, tor.id, 'published');
    const before = await stored(t, tor.id);
    response = await patch(officer, tor.id, { version: 5, titleFr: 'Autre' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'assignment_not_editable',
      details: { editableFields: ['applicationDeadline'] },
    });
    response = await patch(officer, tor.id, { version: 5, applicationDeadline: inDays(20) });
    expect(response.json().error.fields[0]).toMatchObject({ path: 'applicationDeadline', code: 'date_order' });
    expect(await stored(t, tor.id)).toEqual(before);
    response = await patch(officer, tor.id, { version: 5, applicationDeadline: inDays(40) });
    expect(response.json()).toMatchObject({
      version: 6,
      applicationDeadline: inDays(40),
      editableFields: ['applicationDeadline'],
    });
    // An extension tells nobody.
    const mails = await t.database.query(
      "select 1 from email_outbox where text_body like '%' || $1 || '%' and template = 'assignment_published'",
      [tor.reference],
    );
    expect(mails).toHaveLength(1);
    await move(t, officer, tor.id, 'closed');
    response = await patch(officer, tor.id, { version: 7, applicationDeadline: inDays(45) });
    expect(response.json().error.code).toBe('assignment_not_editable');
    const me = await signInDemo(t, 'me');
    expect((await patch(me, tor.id, { version: 7, city: 'Fès' })).statusCode).toBe(403);
  });

  it('lists with scope, filters, counts, sort and pages', async () => {
    const marker = `Zèbre-${Date.now()}`;
    const mine = await createTor(t, focal, validBody(ids.programmeId, { titleFr: `${marker} un` }));
    const theirs = await createTor(t, officer, {
      ...validBody(ids.programmeId, { titleFr: `${marker} deux` }),
      institutionId: ids.otherInstitutionId,
    });
    await move(t, focal, mine.id, 'submitted');
    const list = (cookie: string, query: Record<string, string>) =>
      t.request({ method: 'GET', url: `/api/assignments?${new URLSearchParams(query)}`, cookie }).then((r) => r.json());

    const staff = await list(officer, { q: marker, sort: 'title', order: 'asc' });
    expect(staff.items.map((item: { id: string }) => item.id)).toEqual([theirs.id, mine.id]);
    expect(staff.counts).toEqual({ draft: 1, submitted: 1 });
    const focalView = await list(focal, { q: marker });
    expect(focalView.items.map((item: { id: string }) => item.id)).toEqual([mine.id]);
    const submitted = await list(officer, { q: marker, state: 'submitted' });
    expect(submitted).toMatchObject({ total: 1, counts: { draft: 1, submitted: 1 } });
    const byReference = await list(officer, { q: mine.reference });
    expect(byReference.items[0].id).toBe(mine.id);
    const paged = await list(officer, { pageSize: '1', page: '2', institutionId: ids.institutionId });
    expect(paged.items).toHaveLength(1);
    expect(paged.pageSize).toBe(1);
  });
});
