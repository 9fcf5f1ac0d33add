import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../../files/xlsx.ts';
import { unzipSafely } from '../../../files/unzip.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { signInDemo } from '../experts.test-helper.ts';
import { csv, postImport } from '../import/import.test-helper.ts';
import { exportColumns } from './rows.ts';

let t: TestApp;
let officer: string;
const evil = '=HYPERLINK("http://evil","x")';

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  // An imported person whose name a spreadsheet would run as a formula, and whose phone starts with "+".
  const file = csv([
    ['E-mail', 'Prénom', 'Nom', 'Téléphone', 'Pays de résidence', 'Langues'],
    ['formula@import.example', evil, '@SUM(A1)', '+31 6 12345678', 'DE', 'fr:C1; ar'],
  ]);
  const response = await postImport(t, officer, { name: 'evil.csv', bytes: file }, { dryRun: false });
  if (response.statusCode !== 200) throw new Error(response.body);
});
afterAll(() => t.close());

const get = (url: string, cookie = officer) => t.request({ method: 'GET', url, cookie });

function csvRows(body: Buffer): Record<string, string>[] {
  return parseCsv(body, { delimiter: ';', columns: true, bom: true }) as Record<string, string>[];
}

describe('GET /api/experts/export', () => {
  it('exports every matching row as CSV in UTF-8 with BOM, ;-separated, with stable English keys', async () => {
    const response = await get('/api/experts/export?format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="passerelle-experts-.*\.csv"/);
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(response.rawPayload);
    expect(Object.keys(rows[0]!)).toEqual([...exportColumns]);
    // Every match, not one page of the search (the demo roster has 51 experts, plus the one imported above).
    const search = (await get('/api/experts?pageSize=20')).json() as { total: number };
    expect(search.total).toBeGreaterThan(20);
    expect(rows.length).toBe(search.total);
    expect(response.headers['x-total-count']).toBe(String(search.total));
    const demo = rows.find((row) => row.email === 'expert@passerelle.example')!;
    expect(demo).toMatchObject({ firstName: 'Mohamed', lastName: 'El Amrani', origin: 'registration' });
    expect(demo.languages).toMatch(/^[a-z]{2,3}:[ABC][12](; [a-z]{2,3}:[ABC][12])+$/);
  });

  it('applies the search filters', async () => {
    const all = csvRows((await get('/api/experts/export?residenceCountry=DE&gender=male')).rawPayload);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((row) => row.residenceCountry === 'DE' && row.gender === 'male')).toBe(true);
    const byName = csvRows((await get('/api/experts/export?q=Muhammad')).rawPayload);
    expect(byName.map((row) => row.lastName)).toContain('El Amrani');
    const bad = await get('/api/experts/export?minLevel=B2');
    expect(bad.statusCode).toBe(400);
  });

  it('neutralises formulas: an apostrophe in CSV, a string cell in XLSX', async () => {
    const csvResponse = await get('/api/experts/export?format=csv&residenceCountry=DE');
    const text = csvResponse.rawPayload.toString('utf8');
    expect(text).not.toMatch(/;=|^=|;"=|;@|;\+/m);
    const [row] = csvRows(csvResponse.rawPayload).filter((r) => r.email === 'formula@import.example');
    expect(row).toMatchObject({ firstName: `'${evil}`, lastName: "'@SUM(A1)", phone: "'+31 6 12345678" });

    const xlsxResponse = await get('/api/experts/export?format=xlsx&residenceCountry=DE');
    expect(xlsxResponse.statusCode).toBe(200);
    expect(xlsxResponse.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const bytes = new Uint8Array(xlsxResponse.rawPayload);
    const [headerRow, ...dataRows] = readXlsx(bytes);
    expect(headerRow).toEqual([...exportColumns]);
    const evilRow = dataRows.find((cells) => cells[0] === 'formula@import.example')!;
    expect(evilRow.slice(1, 3)).toEqual([evil, '@SUM(A1)']);
    expect(evilRow[6]).toBe('+31 6 12345678');
    const sheet = new TextDecoder().decode(
      unzipSafely(bytes, (name) => name === 'xl/worksheets/sheet1.xml', {
        maxTotalBytes: 10_000_000,
        maxEntries: 20,
      }).get('xl/worksheets/sheet1.xml'),
    );
    expect(sheet).not.toMatch(/<f[ >]/);
  });

  it('imports back what it exported: the imported person is unchanged, registered experts are skipped', async () => {
    const exported = await get('/api/experts/export?format=xlsx&residenceCountry=DE');
    const response = await postImport(t, officer, { name: 'back.xlsx', bytes: new Uint8Array(exported.rawPayload) });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.counts.error).toBe(0);
    expect(report.counts.create).toBe(0);
    expect(report.rows.find((row: { email: string }) => row.email === 'formula@import.example').outcome).toBe(
      'unchanged',
    );
    expect(report.unmappedColumns).toEqual(['vettingStatus', 'stale', 'origin', 'confirmedAt', 'updatedAt']);
  });

  it('records the export in the audit trail without the search text', async () => {
    await get('/api/experts/export?q=Amrani&format=xlsx');
    const [event] = await t.database.query<{ changes: Record<string, unknown> }>(
      "select changes from audit_events where action = 'expert.roster_exported' order by at desc limit 1",
    );
    expect(event!.changes).toMatchObject({ format: 'xlsx', filters: ['q'] });
    expect(JSON.stringify(event!.changes)).not.toMatch(/Amrani/);
  });

  it('is for programme staff only', async () => {
    for (const role of ['focal.point', 'expert', 'donor'] as const) {
      expect((await get('/api/experts/export', await signInDemo(t, role))).statusCode, role).toBe(403);
    }
    expect((await get('/api/experts/export', await signInDemo(t, 'me'))).statusCode).toBe(200);
  });
});
