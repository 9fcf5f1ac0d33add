import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { createTestDatabase } from '../../../../test/helpers/database.ts';
import { writeBackup } from '../../../db/backup.ts';
import { restoreBackup } from '../../../db/restore.ts';
import { registerExpert } from '../experts.test-helper.ts';
import { docxDocumentText } from './docx.ts';
import { minimalDocx, minimalPdf, upload } from './documents.test-helper.ts';
import { suggestSkillsFromText } from './suggestions.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const cv = [
  'Water engineer. Hydrology studies for the river basin agency.',
  'Seawater desalination plants; drip irrigation schemes.',
  'Taught at the university (irrigation).',
];

describe('reading a DOCX', () => {
  it('keeps runs, tabs, breaks and paragraphs, decodes entities, skips deleted text and field codes', () => {
    const xml =
      '<w:document><w:body><w:p><w:r><w:t>Name</w:t><w:tab/><w:t xml:space="preserve">Amal &amp; co &#233;t&#xE9;</w:t></w:r>' +
      '<w:r><w:br/><w:t>line two</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>' +
      '<w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r></w:p><w:p/><w:p><w:r><w:t>Next</w:t></w:r></w:p></w:body></w:document>';
    expect(docxDocumentText(xml)).toBe('Name\tAmal & co été\nline two\n\nNext');
  });
});

describe('skill suggestions from a CV', () => {
  it('finds vocabulary terms in any language as whole words, most frequent first, leaving out held skills', () => {
    const found = suggestSkillsFromText(cv.join('\n'), 'fr', new Set(['water-resources-management']));
    expect(found.map((item) => item.key)).toEqual(['irrigation', 'desalination']);
    expect(found[0]).toEqual({ key: 'irrigation', label: 'irrigation', occurrences: 2 });
    expect(found[1]!.label).toBe('dessalement');
    expect(suggestSkillsFromText('Arrigation', 'fr', new Set())).toEqual([]);
    // Arabic text matches with letter variants folded.
    expect(suggestSkillsFromText('خبرة في تحلية مياه البحر', 'en', new Set()).map((item) => item.label)).toEqual([
      'desalination',
    ]);
  });

  it('suggests the CV’s skills in the reader’s language, then adds the confirmed ones marked "cv"', async () => {
    const expert = await registerExpert(t, 'Karim Alami', 'karim.suggest@example.org');
    await t.request({
      method: 'PATCH',
      url: '/api/experts/me',
      cookie: expert.cookie,
      payload: { skills: [{ label: 'Hydrologie' }] },
    });
    const id = (await upload(t, expert.cookie, 'cv', 'cv.pdf', minimalPdf(cv))).json().id;
    const suggestions = await t.request({
      method: 'GET',
      url: `/api/experts/me/documents/${id}/skill-suggestions?locale=nl`,
      cookie: expert.cookie,
    });
    expect(suggestions.statusCode, suggestions.body).toBe(200);
    expect(suggestions.json().items.map((item: { key: string; label: string }) => [item.key, item.label])).toEqual([
      ['irrigation', 'irrigatie'],
      ['desalination', 'ontzilting'],
    ]);

    const refused = await t.request({
      method: 'POST',
      url: `/api/experts/me/documents/${id}/skill-suggestions`,
      cookie: expert.cookie,
      payload: { conceptIds: ['desalination', 'primary-education'] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ path: 'conceptIds.1' })]);

    const confirmed = await t.request({
      method: 'POST',
      url: `/api/experts/me/documents/${id}/skill-suggestions`,
      cookie: expert.cookie,
      payload: { conceptIds: ['desalination'], locale: 'fr' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().skills).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'Hydrologie', source: 'manual' }),
        expect.objectContaining({ label: 'dessalement', conceptId: 'desalination', source: 'cv' }),
      ]),
    );
    // Saving the profile form again keeps the skill's origin.
    const skills = confirmed.json().skills.map(({ label }: { label: string }) => ({ label }));
    const saved = await t.request({
      method: 'PATCH',
      url: '/api/experts/me',
      cookie: expert.cookie,
      payload: { skills },
    });
    expect(saved.json().skills).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'cv' })]));
    const after = await t.request({
      method: 'GET',
      url: `/api/experts/me/documents/${id}/skill-suggestions`,
      cookie: expert.cookie,
    });
    expect(after.json().items.map((item: { key: string }) => item.key)).toEqual(['irrigation']);
  });
});

describe('data rights and backups', () => {
  it('exports the documents under files/ and lists them in me.json', async () => {
    const expert = await registerExpert(t, 'Leila Amrani', 'leila.export@example.org');
    const pdf = minimalPdf(cv);
    const docx = minimalDocx(['Diplôme d’ingénieur']);
    await upload(t, expert.cookie, 'cv', 'CV Leila.pdf', pdf);
    await upload(t, expert.cookie, 'diploma', '../../diplôme.docx', docx);
    const response = await t.request({ method: 'GET', url: '/api/experts/me/export', cookie: expert.cookie });
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const data = JSON.parse(strFromU8(files['me.json']!));
    expect(data.files).toEqual([
      expect.objectContaining({ kind: 'cv', fileName: 'CV Leila.pdf', byteSize: pdf.length }),
      expect.objectContaining({ kind: 'diploma', fileName: 'diplôme.docx', extractedText: 'Diplôme d’ingénieur' }),
    ]);
    for (const entry of data.files) expect(entry.path).toMatch(/^files\/[0-9a-f-]{36}-[^/]+$/);
    expect(files[data.files[0].path]).toEqual(pdf);
    expect(files[data.files[1].path]).toEqual(docx);
  });

  it('erases every document and its bytes with the account', async () => {
    const expert = await registerExpert(t, 'Mourad Benkirane', 'mourad.erase@example.org');
    await upload(t, expert.cookie, 'cv', 'cv.pdf', minimalPdf(cv));
    await upload(t, expert.cookie, 'diploma', 'd.pdf', minimalPdf(['Diploma']));
    const erased = await t.request({
      method: 'DELETE',
      url: '/api/experts/me',
      cookie: expert.cookie,
      payload: { password: expert.password },
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await t.database.query('select 1 from expert_documents where user_id = $1', [expert.id])).toEqual([]);
    expect(
      await t.database.query(
        `select 1 from expert_document_contents c where not exists
           (select 1 from expert_documents d where d.id = c.document_id)`,
      ),
    ).toEqual([]);
    const [row] = await t.database.query<{ search_vector: string | null }>(
      'select search_vector from expert_profiles where user_id = $1',
      [expert.id],
    );
    expect(row!.search_vector).toBeNull();
  });

  it('keeps every byte of a document through backup and restore', async () => {
    const expert = await registerExpert(t, 'Sanae Tazi', 'sanae.backup@example.org');
    const id = (await upload(t, expert.cookie, 'cv', 'cv.pdf', minimalPdf(cv))).json().id;
    // Every byte value, including NUL, backslash and bytes that are not valid UTF-8.
    const every = new Uint8Array(Array.from({ length: 512 }, (_, i) => i % 256));
    await t.database.query('update expert_document_contents set content = $1 where document_id = $2', [every, id]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-documents-'));
    const target = await createTestDatabase();
    try {
      const file = path.join(dir, 'backup.jsonl.gz');
      await writeBackup(t.database, file);
      await restoreBackup(target.database, file);
      const [restored] = await target.database.query<{ content: Uint8Array }>(
        'select content from expert_document_contents where document_id = $1',
        [id],
      );
      expect(new Uint8Array(restored!.content)).toEqual(every);
    } finally {
      await target.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
