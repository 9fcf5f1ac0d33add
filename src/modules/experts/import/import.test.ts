import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../files/xlsx.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { signInDemo } from '../experts.test-helper.ts';
import { csv, postImport } from './import.test-helper.ts';
import type { ImportReport } from './schemas.ts';

let t: TestApp;
let officer: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
});
afterAll(() => t.close());

const header = ['E-mail', 'Prénom', 'Nom', 'Date de naissance', 'Langues', 'Pays de résidence', 'Secteurs', 'Genre'];

async function countUsers(): Promise<number> {
  const [row] = await t.database.query<{ n: number }>('select count(*)::int as n from users');
  return row!.n;
}

async function profileOf(email: string) {
  const [row] = await t.database.query<Record<string, unknown>>(
    `select p.*, p.birth_date::text as birth, u.status, u.locale, u.password_hash,
       (select string_agg(l.language || ':' || l.level, ';' order by l.language) from expert_languages l
         where l.user_id = p.user_id) as langs
     from users u join expert_profiles p on p.user_id = u.id where u.email = $1`,
    [email],
  );
  return row;
}

const report = (response: { json(): unknown }) => response.json() as ImportReport;

describe('POST /api/experts/import: reading the file', () => {
  it('recognises French, English and Dutch headers, and reports the columns it ignores', async () => {
    const files = {
      fr: [
        'E-mail',
        'Prénom',
        'Nom',
        'Date de naissance',
        'Langues',
        'Pays de résidence',
        'Téléphone',
        'Secteurs',
        'Genre',
        'Remarques',
      ],
      en: [
        'Email address',
        'First name',
        'Last name',
        'Date of birth',
        'Languages',
        'Country of residence',
        'Phone',
        'Sectors',
        'Gender',
        'Notes',
      ],
      nl: [
        'E-mailadres',
        'Voornaam',
        'Achternaam',
        'Geboortedatum',
        'Talen',
        'Woonland',
        'Telefoon',
        'Sectoren',
        'Geslacht',
        'Opmerkingen',
      ],
    };
    const expected = [
      'email',
      'firstName',
      'lastName',
      'birthDate',
      'languages',
      'residenceCountry',
      'phone',
      'sectors',
      'gender',
      null,
    ];
    for (const [language, headers] of Object.entries(files)) {
      const response = await postImport(t, officer, { name: `${language}.csv`, bytes: csv([headers]) });
      expect(response.statusCode, response.body).toBe(200);
      const body = report(response);
      expect(
        body.columns.map((column) => column.field),
        language,
      ).toEqual(expected);
      expect(body.unmappedColumns).toEqual([headers.at(-1)]);
      expect(body.dryRun).toBe(true);
    }
  });

  it('takes the mapping sent with the file over the headers', async () => {
    const file = {
      name: 'm.csv',
      bytes: csv([
        ['Adresse', 'Given', 'Family', 'Nom'],
        ['a.b@import.example', 'Ali', 'Bennani', 'x'],
      ]),
    };
    const response = await postImport(t, officer, file, {
      mapping: { Adresse: 'email', Given: 'firstName', Family: 'lastName', Nom: null },
    });
    const body = report(response);
    expect(body.columns.map((column) => [column.header, column.field, column.detected])).toEqual([
      ['Adresse', 'email', false],
      ['Given', 'firstName', false],
      ['Family', 'lastName', false],
      ['Nom', null, false],
    ]);
    expect(body.counts).toMatchObject({ rows: 1, create: 1, error: 0 });
    const bad = await postImport(t, officer, file, { mapping: { Adresse: 'email', Given: 'email' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('mapping');
  });

  it('reports every problem of every row with its row, column and stable code', async () => {
    const rows = [
      [...header, 'Nationalités', 'Téléphone', 'Profession', 'Langue de l’interface'],
      ['', 'Sans', 'Adresse', '', '', '', '', '', '', '', '', ''],
      [
        'pas-une-adresse',
        'Amal',
        'Idrissi',
        '31/02/1980',
        'xx:C1',
        'Atlantide',
        '99999',
        'Z',
        '',
        '12',
        '0000',
        'klingon',
      ],
      [
        'ok.one@import.example',
        '',
        'Idrissi',
        '04/03/80',
        'fr:Z9; ar',
        'MA',
        '',
        '',
        'FR;NL;BE;DE;ES;IT',
        'abc',
        '',
        '',
      ],
      ['ok.one@import.example', 'Amal', 'x'.repeat(101), '2090-01-01', 'fr:C1; fr:B2', 'NL', '', 'F', '', '', '', ''],
      ['admin@passerelle.example', 'Admin', 'Istrateur', '', 'nl', '', '', '', '', '', '', ''],
    ];
    const response = await postImport(t, officer, { name: 'errors.csv', bytes: csv(rows, ';') });
    const body = report(response);
    expect(body.delimiter).toBe(';');
    const found = body.problems.map((p) => `${p.row} ${p.column ?? '-'} ${p.code}`);
    expect(found).toEqual(
      expect.arrayContaining([
        '2 E-mail required',
        '3 E-mail invalid_email',
        '3 Date de naissance invalid_date',
        '3 Langues unknown_language',
        '3 Pays de résidence unknown_country',
        '3 Secteurs unknown_sector',
        '3 Genre invalid_gender',
        '3 Téléphone invalid_phone',
        '3 Profession unknown_occupation',
        '3 Langue de l’interface unknown_locale',
        '4 Prénom required',
        '4 Date de naissance invalid_date',
        '4 Langues invalid_level',
        '4 Nationalités too_many_values',
        '4 Téléphone invalid_phone',
        '5 E-mail duplicate_in_file',
        '5 Nom too_long',
        '5 Date de naissance invalid_date',
        '5 Langues duplicate_value',
        '6 - not_an_expert',
        '6 Langues level_assumed',
      ]),
    );
    expect(body.problems.find((p) => p.code === 'level_assumed')?.severity).toBe('warning');
    expect(body.problems.find((p) => p.code === 'duplicate_in_file')?.message).toMatch(/row 4/);
    expect(body.counts).toMatchObject({ rows: 5, error: 5 });
    expect(body.rows.map((row) => row.outcome)).toEqual(['error', 'error', 'error', 'error', 'error']);

    const missing = await postImport(t, officer, {
      name: 'missing.csv',
      bytes: csv([
        ['E-mail', 'Nom'],
        ['a@b.example', 'X'],
      ]),
    });
    expect(report(missing).problems[0]).toMatchObject({ row: 1, field: 'firstName', code: 'missing_column' });
  });

  it('reads dates as YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY and Excel serial numbers', async () => {
    const serial = (Date.UTC(1980, 2, 4) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const workbook = writeXlsx([
      ['E-mail', 'Prénom', 'Nom', 'Date de naissance'],
      ['date.iso@import.example', 'Iso', 'Date', '1980-03-04'],
      ['date.slash@import.example', 'Slash', 'Date', '04/03/1980'],
      ['date.dot@import.example', 'Dot', 'Date', '4.3.1980'],
      ['date.serial@import.example', 'Serial', 'Date', serial],
    ]);
    const response = await postImport(t, officer, { name: 'dates.xlsx', bytes: workbook }, { dryRun: false });
    expect(response.statusCode, response.body).toBe(200);
    expect(report(response).counts).toMatchObject({ create: 4, error: 0 });
    for (const kind of ['iso', 'slash', 'dot', 'serial']) {
      expect((await profileOf(`date.${kind}@import.example`))!.birth).toBe('1980-03-04');
    }
  });

  it('decodes UTF-8 with and without BOM, UTF-16 LE and BE with BOM, and Windows-1252', async () => {
    const text = csv([
      ['E-mail', 'Prénom', 'Nom'],
      ['helene@enc.example', 'Hélène', 'Aït'],
    ]);
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = Buffer.from(utf16le);
    utf16be.swap16();
    const encodings = {
      'utf-8': Buffer.from(text, 'utf8'),
      'utf-8-bom': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      'utf-16le': utf16le,
      'utf-16be': utf16be,
      // é and ï are single bytes in Windows-1252 (0xE9, 0xEF): not valid UTF-8.
      'windows-1252': Buffer.from(text, 'latin1'),
    };
    for (const [encoding, bytes] of Object.entries(encodings)) {
      const body = report(await postImport(t, officer, { name: `${encoding}.csv`, bytes }));
      expect(body.encoding, encoding).toBe(encoding);
      expect(
        body.columns.map((column) => column.field),
        encoding,
      ).toEqual(['email', 'firstName', 'lastName']);
      expect(body.counts, encoding).toMatchObject({ create: 1, error: 0 });
    }
    await postImport(t, officer, { name: 'w.csv', bytes: encodings['windows-1252'] }, { dryRun: false });
    expect(await profileOf('helene@enc.example')).toMatchObject({ first_name: 'Hélène', last_name: 'Aït' });
  });

  it('reads an XLSX workbook with shared strings, numbers and lists', async () => {
    const workbook = writeXlsx(
      [
        ['Email', 'First name', 'Last name', 'Name in Arabic', 'Languages', 'Sectors', 'Occupation', 'Skills'],
        [
          'shared.strings@import.example',
          'Youssef',
          'Tazi',
          'يوسف التازي',
          'ar:C2; fr:C1; nl:B1',
          12110,
          2211,
          'Santé publique; Épidémiologie',
        ],
      ],
      { sharedStrings: true },
    );
    const response = await postImport(t, officer, { name: 'roster.xlsx', bytes: workbook }, { dryRun: false });
    expect(response.statusCode, response.body).toBe(200);
    expect(report(response)).toMatchObject({ fileType: 'xlsx', encoding: null, counts: { create: 1 } });
    const profile = await profileOf('shared.strings@import.example');
    expect(profile).toMatchObject({
      name_ar: 'يوسف التازي',
      sectors: ['12110'],
      occupation: '2211',
      langs: 'ar:C2;fr:C1;nl:B1',
    });
    const skills = await t.database.query<{ label: string; concept_id: string | null }>(
      'select label, concept_id from expert_skills where user_id = $1 order by label',
      [profile!.user_id],
    );
    expect(skills.map((skill) => skill.label).sort()).toEqual(['Santé publique', 'Épidémiologie'].sort());
    expect(skills.every((skill) => skill.concept_id)).toBe(true);
  });
});

describe('POST /api/experts/import: refusing files', () => {
  it('refuses a zip bomb disguised as XLSX, with a clear code', async () => {
    const bomb = zipSync(
      {
        '[Content_Types].xml': strToU8('<Types/>'),
        'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="a" sheetId="1"/></sheets></workbook>'),
        'xl/worksheets/sheet1.xml': new Uint8Array(110 * 1024 * 1024),
      },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const response = await postImport(t, officer, { name: 'roster.xlsx', bytes: bomb });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('import_file_unsafe');
  });

  it('refuses a PDF, an executable and a Word document whatever their names say', async () => {
    const pdf = strToU8('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    for (const [name, bytes] of [
      ['roster.csv', pdf],
      ['roster.csv', exe],
      ['roster.xlsx', docx],
    ] as const) {
      const response = await postImport(t, officer, { name, bytes });
      expect(response.statusCode, name).toBe(415);
      expect(response.json().error.code).toBe('import_file_unsupported');
    }
    const empty = await postImport(t, officer, { name: 'empty.csv', bytes: '\r\n\r\n' });
    expect(empty.json().error.code).toBe('import_file_empty');
  });
});

describe('POST /api/experts/import: writing', () => {
  const good = [
    header,
    ['atom.one@import.example', 'Rachid', 'Alami', '1975-05-05', 'fr:C2; nl:B2', 'NL', '11110', 'M'],
    ['atom.two@import.example', 'Nadia', 'Berrada', '12/12/1982', 'ar:C2', 'BE', '12110', 'F'],
  ];

  it('writes nothing when one row has an error, and answers 422 with the report', async () => {
    const before = await countUsers();
    const rows = [...good, ['atom.three@import.example', 'Samir', 'Chraibi', '31/02/1980', 'fr', 'DE', '', 'M']];
    const response = await postImport(t, officer, { name: 'atomic.csv', bytes: csv(rows) }, { dryRun: false });
    expect(response.statusCode).toBe(422);
    const body = response.json() as { error: { code: string }; report: ImportReport };
    expect(body.error.code).toBe('import_has_errors');
    expect(body.report.counts).toMatchObject({ rows: 3, create: 2, error: 1 });
    expect(body.report.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({ row: 4, column: 'Date de naissance', code: 'invalid_date' }),
    ]);
    expect(await countUsers()).toBe(before);
    expect(await profileOf('atom.one@import.example')).toBeUndefined();
  });

  it('is idempotent on e-mail: the same file twice creates nobody new; a changed cell updates that field only', async () => {
    const before = await countUsers();
    const first = await postImport(t, officer, { name: 'good.csv', bytes: csv(good) }, { dryRun: false });
    expect(first.statusCode, first.body).toBe(200);
    expect(report(first).counts).toMatchObject({ create: 2, update: 0, unchanged: 0 });
    expect(report(first).importId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countUsers()).toBe(before + 2);
    const created = await profileOf('atom.one@import.example');
    expect(created).toMatchObject({ origin: 'import', status: 'invited', locale: 'fr', password_hash: null });
    expect(created).toMatchObject({ birth: '1975-05-05', langs: 'fr:C2;nl:B2', sectors: ['11110'], gender: 'male' });

    // Same file, uppercase address: nothing new, nothing changed.
    const again = good.map((row, i) => (i === 2 ? [row[0]!.toUpperCase(), ...row.slice(1)] : row));
    const second = await postImport(t, officer, { name: 'good.csv', bytes: csv(again) }, { dryRun: false });
    expect(report(second).counts).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    expect(await countUsers()).toBe(before + 2);

    const changed = good.map((row, i) => (i === 1 ? [...row.slice(0, 5), 'DE', ...row.slice(6)] : row));
    const third = await postImport(t, officer, { name: 'changed.csv', bytes: csv(changed) }, { dryRun: false });
    expect(report(third).rows.map((row) => row.outcome)).toEqual(['update', 'unchanged']);
    expect(await profileOf('atom.one@import.example')).toMatchObject({ residence_country: 'DE', langs: 'fr:C2;nl:B2' });

    const [audit] = await t.database.query<{ changes: Record<string, unknown> }>(
      "select changes from audit_events where action = 'expert.roster_imported' order by at desc limit 1",
    );
    expect(audit!.changes).toMatchObject({ rows: 2, created: 0, updated: 1, unchanged: 1 });
    expect(JSON.stringify(audit!.changes)).not.toMatch(/atom|Alami|@/);
    const [imports] = await t.database.query<{ n: number }>('select count(*)::int as n from expert_imports');
    expect(imports!.n).toBeGreaterThanOrEqual(3);
  });

  it('never overwrites a profile its expert wrote: a self-registered expert is skipped', async () => {
    const before = await profileOf('expert@passerelle.example');
    const rows = [header, ['Expert@Passerelle.example', 'Autre', 'Nom', '1960-01-01', 'nl:A1', 'US', '', 'F']];
    const response = await postImport(t, officer, { name: 'registered.csv', bytes: csv(rows) }, { dryRun: false });
    expect(report(response).rows).toEqual([
      { row: 2, email: 'expert@passerelle.example', outcome: 'skipped_registered' },
    ]);
    expect(await profileOf('expert@passerelle.example')).toEqual(before);
  });

  it('makes imported people findable by staff search', async () => {
    const response = await t.request({ method: 'GET', url: '/api/experts?q=Berrada', cookie: officer });
    expect(response.json().items.map((item: { lastName: string }) => item.lastName)).toContain('Berrada');
  });

  it('is for programme officers and administrators only', async () => {
    const file = { name: 'x.csv', bytes: csv(good) };
    for (const role of ['me', 'focal.point', 'expert', 'donor'] as const) {
      const response = await postImport(t, await signInDemo(t, role), file);
      expect(response.statusCode, role).toBe(403);
    }
    expect((await postImport(t, await signInDemo(t, 'admin'), file)).statusCode).toBe(200);
  });
});
