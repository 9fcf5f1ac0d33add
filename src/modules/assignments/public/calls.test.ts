import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import type { AssignmentState } from '../schema.ts';
import { attachPrivateThings, insertAssignment, insertDutchInstitution, pdfBytes } from './public-calls.test-helper.ts';

// Every fixture title carries this word, so the tests see only their own calls whatever the demo data holds.
const word = 'Zéphyrine';
const day = 86_400_000;

/** A deadline `days` from now, as the two columns store it. */
function deadlineIn(days: number) {
  const at = new Date(Date.now() + days * day);
  return { applicationDeadline: at.toISOString().slice(0, 10), deadlineAt: at };
}

let t: TestApp;
const ids: Record<string, string> = {};
let publicAttachmentId = '';
let privateAttachmentId = '';

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const db = t.database.db;
  const dutch = await insertDutchInstitution(db);
  ids.health = await insertAssignment(db, {
    titleFr: `${word} appui aux hôpitaux`,
    titleAr: `${word} دعم المستشفيات`,
    descriptionAr: 'مواكبة فرق المستشفيات.',
    sectors: ['12110'],
    modality: 'online',
    languages: [
      { language: 'fr', minLevel: 'B2' },
      { language: 'ar', minLevel: 'C1' },
    ],
    ...deadlineIn(10),
    publishedAt: new Date(Date.now() - day),
  });
  ids.dutch = await insertAssignment(db, {
    institutionId: dutch,
    titleFr: `${word} formation des infirmiers`,
    titleEn: `${word} nurse training`,
    descriptionEn: 'Train nurses.',
    sectors: ['11420'],
    modality: 'hybrid',
    languages: [{ language: 'en', minLevel: 'B2' }],
    ...deadlineIn(20),
    publishedAt: new Date(Date.now() - 3 * day),
  });
  ids.curricula = await insertAssignment(db, {
    titleFr: `${word} cursus de licence`,
    sectors: ['11420'],
    modality: 'on_site',
    ...deadlineIn(5),
    publishedAt: new Date(),
  });
  ids.expired = await insertAssignment(db, { titleFr: `${word} échue`, ...deadlineIn(-1) });
  for (const state of ['draft', 'submitted', 'returned', 'approved', 'cancelled', 'closed', 'filled', 'completed']) {
    ids[state] = await insertAssignment(db, { titleFr: `${word} ${state}`, state: state as AssignmentState });
  }
  ({ publicAttachmentId } = await attachPrivateThings(db, ids.health));
  const draftFiles = await attachPrivateThings(db, ids.draft!);
  privateAttachmentId = draftFiles.publicAttachmentId;
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.request({ method: 'GET', url, headers });

async function listIds(query: string): Promise<string[]> {
  const response = await get(`/api/public/calls?q=${encodeURIComponent(word)}&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((item: { id: string }) => item.id);
}

describe('GET /api/public/calls', () => {
  it('lists open calls only, deadline soonest first, without signing in', async () => {
    const response = await get(`/api/public/calls?q=${encodeURIComponent(word)}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((item: { id: string }) => item.id)).toEqual([ids.curricula, ids.health, ids.dutch]);
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 20, sort: 'deadline' });
  });

  it('sorts by publication, newest first, on request', async () => {
    expect(await listIds('sort=newest')).toEqual([ids.curricula, ids.health, ids.dutch]);
    // Deadline order differs from publication order for the other two: prove the sort is not a coincidence.
    expect(await listIds('sort=newest&sector=12110&sector=11420&modality=hybrid')).toEqual([ids.dutch]);
  });

  it('pages', async () => {
    const first = (await get(`/api/public/calls?q=${encodeURIComponent(word)}&pageSize=2`)).json();
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(3);
    const second = (await get(`/api/public/calls?q=${encodeURIComponent(word)}&pageSize=2&page=2`)).json();
    expect(second.items.map((item: { id: string }) => item.id)).toEqual([ids.dutch]);
    const beyond = (await get(`/api/public/calls?q=${encodeURIComponent(word)}&pageSize=2&page=3`)).json();
    expect(beyond).toMatchObject({ items: [], total: 3, page: 3 });
  });

  it('filters by sector (any of several), modality, the institution’s country and a required language', async () => {
    expect(await listIds('sector=12110')).toEqual([ids.health]);
    expect(await listIds('sector=12110&sector=11420')).toEqual([ids.curricula, ids.health, ids.dutch]);
    expect(await listIds('modality=online')).toEqual([ids.health]);
    expect(await listIds('country=NL')).toEqual([ids.dutch]);
    expect(await listIds('country=MA')).toEqual([ids.curricula, ids.health]);
    expect(await listIds('language=ar')).toEqual([ids.health]);
    expect(await listIds('language=en&sector=11420')).toEqual([ids.dutch]);
    expect(await listIds('language=de')).toEqual([]);
  });

  it('searches title words in any language, literally', async () => {
    const both = await get(`/api/public/calls?q=${encodeURIComponent(`${word} hôpitaux`)}`);
    expect(both.json().items.map((item: { id: string }) => item.id)).toEqual([ids.health]);
    const health = await get(`/api/public/calls?q=${encodeURIComponent(`${word} المستشفيات`)}`);
    expect(health.json().items.map((item: { id: string }) => item.id)).toEqual([ids.health]);
    const wildcard = await get(`/api/public/calls?q=${encodeURIComponent(`${word} %`)}`);
    expect(wildcard.json().items).toEqual([]);
  });

  it('answers in the asked language when the call has it, in French otherwise, and says which', async () => {
    const ar = (await get(`/api/public/calls?q=${encodeURIComponent(word)}&lang=ar`)).json();
    const health = ar.items.find((item: { id: string }) => item.id === ids.health);
    expect(health).toMatchObject({ lang: 'ar', title: `${word} دعم المستشفيات`, summary: 'مواكبة فرق المستشفيات.' });
    expect(health.institution).toBe('وزارة التعليم العالي والبحث العلمي وتكوين الأطر');
    const curricula = ar.items.find((item: { id: string }) => item.id === ids.curricula);
    expect(curricula).toMatchObject({ lang: 'fr', title: `${word} cursus de licence` });
    const en = (await get(`/api/public/calls?q=${encodeURIComponent(word)}&lang=en&country=NL`)).json();
    expect(en.items[0]).toMatchObject({ lang: 'en', title: `${word} nurse training`, institution: 'Partner hospital' });
    const nl = (await get(`/api/public/calls?q=${encodeURIComponent(word)}&lang=nl`)).json();
    expect(nl.items.map((item: { lang: string }) => item.lang)).toEqual(['fr', 'fr', 'fr']);
  });

  it('sends only the fields of a card', async () => {
    const [item] = (await get(`/api/public/calls?q=${encodeURIComponent(word)}&sector=12110`)).json().items;
    expect(Object.keys(item).sort()).toEqual(
      [
        'applicationDeadline',
        'city',
        'country',
        'deadlineAt',
        'expertsNeeded',
        'id',
        'institution',
        'lang',
        'languages',
        'modality',
        'reference',
        'region',
        'sectors',
        'summary',
        'title',
        'windowEndsOn',
        'windowStartsOn',
        'workingDays',
      ].sort(),
    );
    expect(item).toMatchObject({ modality: 'online', sectors: ['12110'], languages: ['fr', 'ar'], country: 'MA' });
  });

  it('refuses malformed filters with field errors', async () => {
    for (const query of ['sector=123', 'modality=boat', 'country=ma', 'lang=de', 'sort=random', 'pageSize=51']) {
      const response = await get(`/api/public/calls?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });
});

describe('GET /api/public/calls/{id}', () => {
  it('shows an open call in full, with its public attachments only', async () => {
    const response = await get(`/api/public/calls/${ids.health}?lang=ar`);
    expect(response.statusCode).toBe(200);
    const call = response.json();
    expect(call).toMatchObject({
      id: ids.health,
      status: 'open',
      lang: 'ar',
      description: 'مواكبة فرق المستشفيات.',
      objectives: ['Réviser trois cursus de licence'],
      deliverables: ['Rapport de recommandations'],
      languages: [
        { language: 'fr', minLevel: 'B2' },
        { language: 'ar', minLevel: 'C1' },
      ],
      modality: 'online',
      city: 'Rabat',
    });
    expect(call.attachments).toEqual([
      {
        id: publicAttachmentId,
        fileName: 'termes de référence.pdf',
        mediaType: 'application/pdf',
        byteSize: pdfBytes.length,
        href: `/api/public/calls/${ids.health}/attachments/${publicAttachmentId}`,
      },
    ]);
  });

  it('keeps a call whose applications have closed readable, marked closed', async () => {
    for (const key of ['expired', 'closed', 'filled', 'completed']) {
      const response = await get(`/api/public/calls/${ids[key]}`);
      expect(response.statusCode, key).toBe(200);
      expect(response.json().status, key).toBe('closed');
    }
  });

  it('answers the same "not found" for every call that was never public and for unknown ids', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const bodies = new Set<string>();
    for (const key of ['draft', 'submitted', 'returned', 'approved', 'cancelled']) {
      for (const url of [`/api/public/calls/${ids[key]}`, `/api/public/calls/${ids[key]}.ics`]) {
        const response = await get(url);
        expect(response.statusCode, `${key} ${url}`).toBe(404);
        bodies.add(response.body);
      }
    }
    const response = await get(`/api/public/calls/${unknown}`);
    expect(response.statusCode).toBe(404);
    bodies.add(response.body);
    expect([...bodies].map((body) => JSON.parse(body).error.code)).toEqual(['not_found']);
    expect(bodies.size).toBe(1);
  });
});

describe('GET /api/public/calls/{id}/attachments/{attachmentId}', () => {
  it('hands out a public attachment of a public call, as a download', async () => {
    const response = await get(`/api/public/calls/${ids.health}/attachments/${publicAttachmentId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''termes%20de%20r%C3%A9f%C3%A9rence.pdf");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(new Uint8Array(response.rawPayload)).toEqual(pdfBytes);
  });

  it('refuses an internal annex, a draft’s attachment, and an attachment asked under another call', async () => {
    const call = await get(`/api/public/calls/${ids.health}`);
    expect(call.json().attachments).toHaveLength(1);
    const urls = [
      `/api/public/calls/${ids.draft}/attachments/${privateAttachmentId}`,
      `/api/public/calls/${ids.curricula}/attachments/${publicAttachmentId}`,
    ];
    // The health call's internal annex, found by its flag rather than its name.
    const [internal] = await t.database.query<{ id: string }>(
      'select id from assignment_attachments where assignment_id = $1 and not public',
      [ids.health],
    );
    urls.push(`/api/public/calls/${ids.health}/attachments/${internal!.id}`);
    for (const url of urls) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });
});

describe('caching', () => {
  it('sends an ETag and a short public max-age, and 304 when the copy is current', async () => {
    for (const url of [
      `/api/public/calls?q=${encodeURIComponent(word)}`,
      `/api/public/calls/${ids.health}`,
      `/api/public/calls/${ids.health}/attachments/${publicAttachmentId}`,
    ]) {
      const first = await get(url);
      expect(first.headers['cache-control'], url).toBe('public, max-age=60');
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^"[^"]+"$/);
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body, url).toBe('');
      expect((await get(url, { 'if-none-match': `W/${etag}` })).statusCode, url).toBe(304);
      expect((await get(url, { 'if-none-match': '"stale"' })).statusCode, url).toBe(200);
    }
  });

  it('changes the ETag when the answer changes', async () => {
    const url = `/api/public/calls?q=${encodeURIComponent(word)}`;
    const before = (await get(url)).headers.etag as string;
    const id = await insertAssignment(t.database.db, { titleFr: `${word} nouvelle`, ...deadlineIn(30) });
    const after = await get(url, { 'if-none-match': before });
    expect(after.statusCode).toBe(200);
    expect(after.json().total).toBe(4);
    await t.database.query("update assignments set state = 'cancelled' where id = $1", [id]);
  });
});
