import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, origin, type TestApp } from '../../../../test/helpers/app.ts';
import { attachPrivateThings, insertAssignment, secrets, unfold } from './public-calls.test-helper.ts';

const hostileTitle = `Kestrel <script>alert("x")</script> & "guillemets", rôle; fin`;
const encoder = new TextEncoder();

let t: TestApp;
let openId = '';
let draftId = '';
let closedId = '';
let frenchOnlyId = '';
let attachmentId = '';

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const db = t.database.db;
  openId = await insertAssignment(db, {
    titleFr: hostileTitle,
    titleAr: 'كسترل دعم المستشفيات، مع فاصلة؛ ونقطة',
    descriptionAr: `سطر أول\nسطر ثانٍ طويل ${'نص '.repeat(60)}`,
  });
  draftId = await insertAssignment(db, { state: 'draft', titleFr: secrets.draftTitle });
  frenchOnlyId = await insertAssignment(db, { titleFr: 'Kestrel en français seulement' });
  closedId = await insertAssignment(db, { state: 'closed', titleFr: 'Kestrel fermé' });
  ({ publicAttachmentId: attachmentId } = await attachPrivateThings(db, openId));
  await attachPrivateThings(db, closedId);
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.request({ method: 'GET', url, headers });
const xmlParser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'link'].includes(name) });

describe('GET /api/public/calls.atom', () => {
  it('is valid Atom 1.0 listing the open calls, escaped, each linking to its page', async () => {
    const response = await get('/api/public/calls.atom?lang=fr');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(response.body)).toBe(true);
    expect(response.body).not.toContain('<script>');
    const { feed } = xmlParser.parse(response.body);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('tag:localhost,2026:passerelle:calls:fr');
    expect(Date.parse(feed.updated)).not.toBeNaN();
    expect(feed.link).toContainEqual(
      expect.objectContaining({ '@_rel': 'self', '@_href': `${origin}/api/public/calls.atom?lang=fr` }),
    );
    const ids = feed.entry.map((entry: { id: string }) => entry.id);
    expect(ids).toContain(`urn:uuid:${openId}`);
    expect(ids).not.toContain(`urn:uuid:${closedId}`);
    expect(ids).not.toContain(`urn:uuid:${draftId}`);
    const entry = feed.entry.find((e: { id: string }) => e.id === `urn:uuid:${openId}`);
    expect(entry.title['#text']).toMatch(/^Kestrel <script>alert\("x"\)<\/script> & "guillemets", rôle; fin \(TEST-/);
    expect(entry.link[0]['@_href']).toBe(`${origin}/calls/${openId}`);
    expect(Date.parse(entry.updated)).not.toBeNaN();
    expect(entry.summary['#text']).toContain('Date limite');
  });

  it('gives titles in the asked language, marking entries that fell back to French', async () => {
    const { feed } = xmlParser.parse((await get('/api/public/calls.atom?lang=ar')).body);
    expect(feed['@_xml:lang']).toBe('ar');
    const entry = feed.entry.find((e: { id: string }) => e.id === `urn:uuid:${openId}`);
    expect(entry.title['#text']).toContain('كسترل دعم المستشفيات');
    expect(entry['@_xml:lang']).toBeUndefined();
    const french = feed.entry.find((e: { id: string }) => e.id === `urn:uuid:${frenchOnlyId}`);
    expect(french['@_xml:lang']).toBe('fr');
    expect(french.title['#text']).toContain('Kestrel en français seulement');
  });

  it('answers 304 to a current copy', async () => {
    const first = await get('/api/public/calls.atom');
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const again = await get('/api/public/calls.atom', { 'if-none-match': first.headers.etag as string });
    expect(again.statusCode).toBe(304);
  });
});

describe('GET /api/public/calls/{id}.ics', () => {
  it('is an RFC 5545 calendar: CRLF lines of at most 75 octets, escaped text, a stable UID', async () => {
    const response = await get(`/api/public/calls/${openId}.ics?lang=ar`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="TEST-.*-deadline\.ics"/);
    const ics = response.body;
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    const lines = unfold(ics);
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines).toContain('BEGIN:VEVENT');
    expect(lines).toContain(`UID:call-${openId}-deadline@localhost`);
    const summary = lines.find((line) => line.startsWith('SUMMARY;LANGUAGE=ar:'))!;
    // Arabic punctuation (، ؛) is not RFC 5545 syntax: it stays as it is.
    expect(summary).toContain('كسترل دعم المستشفيات، مع فاصلة؛ ونقطة');
    const description = lines.find((line) => line.startsWith('DESCRIPTION;LANGUAGE=ar:'))!;
    expect(description).toContain(`\\n\\n${origin}/calls/${openId}`);
    for (const name of ['DTSTAMP', 'DTSTART', 'DTEND']) {
      expect(
        lines.find((line) => line.startsWith(`${name}:`)),
        name,
      ).toMatch(/^[A-Z]+:\d{8}T\d{6}Z$/);
    }
    const [row] = await t.database.query<{ deadline_at: Date | string }>(
      'select deadline_at from assignments where id = $1',
      [openId],
    );
    const deadline = new Date(row!.deadline_at)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace(/[-:]/g, '');
    expect(lines).toContain(`DTEND:${deadline}`);
    // The same call gives the same UID, whatever the language asked.
    expect(unfold((await get(`/api/public/calls/${openId}.ics`)).body)).toContain(
      `UID:call-${openId}-deadline@localhost`,
    );
  });

  it('escapes commas and semicolons of a French title', async () => {
    const lines = unfold((await get(`/api/public/calls/${openId}.ics`)).body);
    expect(lines.find((line) => line.startsWith('SUMMARY;LANGUAGE=fr:'))).toContain(
      'Kestrel <script>alert("x")</script> & "guillemets"\\, rôle\\; fin',
    );
  });

  it('answers 304 to a current copy, and 404 for a draft', async () => {
    const first = await get(`/api/public/calls/${openId}.ics`);
    const again = await get(`/api/public/calls/${openId}.ics`, { 'if-none-match': first.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect((await get(`/api/public/calls/${draftId}.ics`)).statusCode).toBe(404);
  });
});

describe('nothing private leaks', () => {
  it('no public answer shows an applicant, a comment, a screening criterion, an author or a draft', async () => {
    const urls = ['fr', 'ar', 'en', 'nl'].flatMap((lang) => [
      `/api/public/calls?lang=${lang}&pageSize=50`,
      `/api/public/calls?lang=${lang}&sort=newest&pageSize=50`,
      `/api/public/calls.atom?lang=${lang}`,
      `/api/public/calls/${openId}?lang=${lang}`,
      `/api/public/calls/${closedId}?lang=${lang}`,
      `/api/public/calls/${openId}.ics?lang=${lang}`,
      `/api/public/calls/${closedId}.ics?lang=${lang}`,
    ]);
    urls.push(`/api/public/calls/${openId}/attachments/${attachmentId}`);
    const names = await t.database.query<{ name: string }>('select name from users where email = any($1)', [
      [secrets.focalPointEmail, secrets.expertEmail],
    ]);
    const forbidden = [...Object.values(secrets), ...names.map((row) => row.name)];
    expect(forbidden.length).toBeGreaterThan(Object.keys(secrets).length);
    for (const url of urls) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      for (const secret of forbidden) expect(response.body, `${url} shows ${secret}`).not.toContain(secret);
      if (response.headers['content-type']?.toString().startsWith('application/json')) {
        for (const key of ['version', 'createdBy', 'needId', 'needStatement', 'scoringCriteria', 'state', 'sha256']) {
          expect(response.body, `${url} has ${key}`).not.toContain(`"${key}"`);
        }
      }
    }
  });
});
