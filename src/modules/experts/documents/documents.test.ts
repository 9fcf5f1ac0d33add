import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { registerExpert, signInDemo } from '../experts.test-helper.ts';
import { contentDisposition } from '../../../http/download.ts';
import { corruptDocx, docxBomb, minimalDocx, minimalPdf, multipart, upload } from './documents.test-helper.ts';

let t: TestApp;
let officer: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
});
afterAll(() => t.close());

const cvLines = ['Curriculum vitae', 'Hydrologist, desalination and drip irrigation', 'Zwartewaterkloof project'];

async function rowsOf(userId: string) {
  const documents = await t.database.query<{ id: string }>('select id from expert_documents where user_id = $1', [
    userId,
  ]);
  const contents = await t.database.query<{ document_id: string }>(
    'select c.document_id from expert_document_contents c join expert_documents d on d.id = c.document_id where d.user_id = $1',
    [userId],
  );
  return { documents: documents.length, contents: contents.length };
}

const list = async (cookie: string, url = '/api/experts/me/documents') =>
  (await t.request({ method: 'GET', url, cookie })).json() as { items: { id: string; fileName: string }[] };

describe('uploading a document', () => {
  it('stores a PDF CV, lists it without content, and gives back the same bytes with safe headers', async () => {
    const expert = await registerExpert(t, 'Amal Berrada', 'amal.docs@example.org');
    const pdf = minimalPdf(cvLines);
    const response = await upload(t, expert.cookie, 'cv', 'C:\\Users\\amal\\CV Amal été; v2.pdf', pdf);
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      kind: 'cv',
      fileName: 'CV Amal été; v2.pdf',
      mediaType: 'application/pdf',
      byteSize: pdf.length,
      extraction: 'extracted',
    });
    expect(created).not.toHaveProperty('extractedText');

    const listed = await list(expert.cookie);
    expect(listed.items.map((item) => item.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain('Zwartewaterkloof');

    const download = await t.request({
      method: 'GET',
      url: `/api/experts/me/documents/${created.id}/content`,
      cookie: expert.cookie,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="CV Amal _t__ v2.pdf"; filename*=UTF-8''CV%20Amal%20%C3%A9t%C3%A9%3B%20v2.pdf`,
    );
    expect(new Uint8Array(download.rawPayload)).toEqual(pdf);

    const [stored] = await t.database.query<{ extracted_text: string }>(
      'select extracted_text from expert_documents where id = $1',
      [created.id],
    );
    expect(stored!.extracted_text).toContain('desalination and drip irrigation');

    const profile = (await t.request({ method: 'GET', url: '/api/experts/me', cookie: expert.cookie })).json();
    expect(profile.completeness.missing).not.toContain('cv');

    const [audit] = await t.database.query<{ changes: unknown }>(
      `select changes from audit_events where action = 'expert.document_uploaded' and entity_id = $1`,
      [created.id],
    );
    expect(JSON.stringify(audit!.changes)).not.toMatch(/Zwartewaterkloof|Amal/);
  });

  it('stores a DOCX diploma with its text (runs, tabs, breaks, entities)', async () => {
    const expert = await registerExpert(t, 'Driss Tazi', 'driss.docs@example.org');
    const response = await upload(t, expert.cookie, 'diploma', 'diplôme.docx', minimalDocx(['Master & PhD', 'Delft']));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      kind: 'diploma',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extraction: 'extracted',
    });
    const [stored] = await t.database.query<{ extracted_text: string }>(
      'select extracted_text from expert_documents where id = $1',
      [response.json().id],
    );
    expect(stored!.extracted_text).toBe('Master & PhD\nDelft');
  });

  it('keeps a PDF without any text (a scan) as "empty"', async () => {
    const expert = await registerExpert(t, 'Hind Skalli', 'hind.docs@example.org');
    const response = await upload(t, expert.cookie, 'diploma', 'scan.pdf', minimalPdf([]));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().extraction).toBe('empty');
  });
});

describe('bad uploads are refused with a clear code, and nothing is stored', () => {
  let expert: Awaited<ReturnType<typeof registerExpert>>;
  beforeAll(async () => {
    expert = await registerExpert(t, 'Omar Lahlou', 'omar.docs@example.org');
  });

  const refused = async (response: { statusCode: number; json(): unknown }, status: number, code: string) => {
    expect(response.statusCode).toBe(status);
    expect((response.json() as { error: { code: string } }).error.code).toBe(code);
    expect(await rowsOf(expert.id)).toEqual({ documents: 0, contents: 0 });
    return (response.json() as { error: { fields?: { path: string; code: string }[] } }).error;
  };

  it('refuses a Windows program renamed .pdf, a plain zip and a spreadsheet: the bytes decide', async () => {
    const exe = new Uint8Array(Buffer.concat([Buffer.from('MZ\x90\x00\x03'), Buffer.alloc(2000, 7)]));
    const types = strToU8('<Types/>');
    const xlsx = zipSync({ '[Content_Types].xml': types, 'xl/workbook.xml': strToU8('<workbook/>') });
    for (const [name, bytes] of [
      ['cv.pdf', exe],
      ['cv.docx', zipSync({ 'readme.txt': strToU8('hello') })],
      ['cv.docx', xlsx],
    ] as const) {
      const error = await refused(await upload(t, expert.cookie, 'cv', name, bytes), 415, 'unsupported_file_type');
      expect(error.fields).toEqual([expect.objectContaining({ path: 'file' })]);
    }
  });

  it('refuses a zip bomb dressed as a DOCX', async () => {
    const bomb = docxBomb(60);
    expect(bomb.length).toBeLessThan(200_000);
    const error = await refused(await upload(t, expert.cookie, 'cv', 'cv.docx', bomb), 422, 'unsafe_file');
    expect(error.fields).toEqual([expect.objectContaining({ path: 'file' })]);
  });

  it('refuses a corrupt PDF', async () => {
    const corrupt = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage without end'));
    await refused(await upload(t, expert.cookie, 'cv', 'cv.pdf', corrupt), 422, 'unreadable_file');
    await refused(await upload(t, expert.cookie, 'cv', 'cv.docx', corruptDocx()), 422, 'unreadable_file');
  });

  it('refuses a 50 MB body at the 10 MB limit', async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(strToU8('%PDF-1.4\n'));
    await refused(await upload(t, expert.cookie, 'cv', 'big.pdf', big), 413, 'payload_too_large');
  });

  it('says which field is wrong: file missing or under another name, kind missing or unknown', async () => {
    const pdf = minimalPdf(['CV']);
    const send = (parts: Parameters<typeof multipart>[0]) =>
      t.request({ method: 'POST', url: '/api/experts/me/documents', cookie: expert.cookie, ...multipart(parts) });
    const cases = [
      [[{ name: 'kind', value: 'cv' }], 'file', 'required'],
      [
        [
          { name: 'kind', value: 'cv' },
          { name: 'document', fileName: 'cv.pdf', bytes: pdf },
        ],
        'file',
        'required',
      ],
      [[{ name: 'file', fileName: 'cv.pdf', bytes: pdf }], 'kind', 'required'],
      [
        [
          { name: 'kind', value: 'passport' },
          { name: 'file', fileName: 'cv.pdf', bytes: pdf },
        ],
        'kind',
        'invalid_value',
      ],
    ] as const;
    for (const [parts, path, code] of cases) {
      const error = await refused(await send([...parts]), 400, 'validation_failed');
      expect(error.fields).toEqual([expect.objectContaining({ path, code })]);
    }
    const json = await t.request({
      method: 'POST',
      url: '/api/experts/me/documents',
      cookie: expert.cookie,
      payload: { kind: 'cv' },
    });
    await refused(json, 415, 'unsupported_media_type');
  });

  it('refuses an eleventh document', async () => {
    const other = await registerExpert(t, 'Rachid Naciri', 'rachid.docs@example.org');
    const pdf = minimalPdf(['Diploma']);
    for (let n = 0; n < 10; n += 1) {
      expect((await upload(t, other.cookie, 'diploma', `d${n}.pdf`, pdf)).statusCode).toBe(201);
    }
    const response = await upload(t, other.cookie, 'diploma', 'd10.pdf', pdf);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('document_limit_reached');
    expect((await rowsOf(other.id)).documents).toBe(10);
  });
});

describe('the download header', () => {
  it('cannot be broken out of by a hostile file name', () => {
    expect(contentDisposition('a"b\\c\r\nSet-Cookie: x=1;.pdf')).toBe(
      `attachment; filename="a_b_c__Set-Cookie: x=1_.pdf"; filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x%3D1%3B.pdf`,
    );
  });
});

describe('who reads and deletes a document', () => {
  let owner: Awaited<ReturnType<typeof registerExpert>>;
  let documentId: string;
  beforeAll(async () => {
    owner = await registerExpert(t, 'Samira Idrissi', 'samira.docs@example.org');
    documentId = (await upload(t, owner.cookie, 'cv', 'cv.pdf', minimalPdf(cvLines))).json().id;
  });

  it('lets staff list and download an expert’s documents', async () => {
    expect((await list(officer, `/api/experts/${owner.id}/documents`)).items.map((item) => item.id)).toEqual([
      documentId,
    ]);
    const download = await t.request({
      method: 'GET',
      url: `/api/experts/${owner.id}/documents/${documentId}/content`,
      cookie: officer,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Who read a person's document is on record, against the expert, without the file's name or content.
    const [event] = await t.database.query<{ actor: string; changes: unknown }>(
      `select u.email as actor, e.changes from audit_events e join users u on u.id = e.actor_id
       where e.action = 'expert.document_downloaded' and e.entity_id = $1`,
      [owner.id],
    );
    expect(event).toEqual({ actor: 'officer@passerelle.example', changes: { document: { after: documentId } } });
  });

  it('answers "not found" to donors, focal points, other experts, and for another expert’s document id', async () => {
    const intruder = await registerExpert(t, 'Yassine Fassi', 'yassine.docs@example.org');
    const mine = (await upload(t, intruder.cookie, 'cv', 'mine.pdf', minimalPdf(['Mine']))).json().id;
    const readers = [await signInDemo(t, 'donor'), await signInDemo(t, 'focal.point'), intruder.cookie];
    for (const cookie of readers) {
      for (const url of [
        `/api/experts/${owner.id}/documents`,
        `/api/experts/${owner.id}/documents/${documentId}/content`,
      ]) {
        const response = await t.request({ method: 'GET', url, cookie });
        expect(response.statusCode, url).toBe(404);
      }
    }
    // The intruder's own routes with the owner's document id, and the owner's id paired with the intruder's document.
    for (const [method, url] of [
      ['GET', `/api/experts/me/documents/${documentId}/content`],
      ['GET', `/api/experts/me/documents/${documentId}/skill-suggestions`],
      ['DELETE', `/api/experts/me/documents/${documentId}`],
    ] as const) {
      expect((await t.request({ method, url, cookie: intruder.cookie })).statusCode, url).toBe(404);
    }
    const crossed = await t.request({
      method: 'GET',
      url: `/api/experts/${owner.id}/documents/${mine}/content`,
      cookie: officer,
    });
    expect(crossed.statusCode).toBe(404);
    expect(await rowsOf(owner.id)).toEqual({ documents: 1, contents: 1 });
  });

  it('refuses uploads by anyone but an expert', async () => {
    const response = await upload(t, officer, 'cv', 'cv.pdf', minimalPdf(['x']));
    expect(response.statusCode).toBe(403);
  });

  it('lets the expert delete it: row and bytes gone, audited', async () => {
    const response = await t.request({
      method: 'DELETE',
      url: `/api/experts/me/documents/${documentId}`,
      cookie: owner.cookie,
    });
    expect(response.statusCode).toBe(200);
    expect(await rowsOf(owner.id)).toEqual({ documents: 0, contents: 0 });
    const events = await t.database.query('select 1 from audit_events where action = $1 and entity_id = $2', [
      'expert.document_deleted',
      documentId,
    ]);
    expect(events).toHaveLength(1);
  });
});

describe('CV text in staff search', () => {
  it('finds an expert by a word found only in their CV, and no longer once the CV is deleted', async () => {
    const expert = await registerExpert(t, 'Nabil Cherkaoui', 'nabil.docs@example.org');
    const search = async () =>
      (
        (await t.request({ method: 'GET', url: '/api/experts?q=Zwartewaterkloof', cookie: officer })).json() as {
          items: { userId: string }[];
        }
      ).items.map((item) => item.userId);
    expect(await search()).not.toContain(expert.id);
    const id = (await upload(t, expert.cookie, 'cv', 'cv.pdf', minimalPdf(cvLines))).json().id;
    expect(await search()).toContain(expert.id);
    await t.request({ method: 'DELETE', url: `/api/experts/me/documents/${id}`, cookie: expert.cookie });
    expect(await search()).not.toContain(expert.id);
  });
});
