/**
 * Roster import at scale: 10,000 realistic rows (names in Latin and Arabic script, languages with levels, DAC
 * sectors, ISCO codes, skills, birth dates in the three accepted formats) written as CSV (Windows-1252 would lose
 * the Arabic names, so UTF-8 with BOM, `;`-separated as Excel writes it in fr/nl) and as XLSX with shared strings.
 * On each database: a dry run of the CSV, the real import (10,000 people created in one transaction), then a dry
 * run and a real import of the XLSX holding the same people (all unchanged: the idempotence path). In-process
 * (`importRoster`, the code behind POST /api/experts/import): the figures are the import's, not HTTP's.
 *
 * `npm run bench:import`. Environment: BENCH_ROWS (default 10000), BENCH_ONLY=pglite|postgres, BENCH_DATABASE_URL
 * (else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres). Targets: < 30 s, < 500 MB peak RSS.
 */
import os from 'node:os';
import { writeXlsx } from '../src/files/xlsx.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { importRoster } from '../src/modules/experts/import/service.ts';
import { createPostgresDatabase } from '../test/helpers/database.ts';
import { random, syntheticExpert } from './roster-data.ts';

const total = Number(process.env.BENCH_ROWS ?? 10_000);

const header = [
  'Courriel',
  'Prénom',
  'Nom',
  'Nom en arabe',
  'Genre',
  'Date de naissance',
  'Téléphone',
  'Nationalités',
  'Pays de résidence',
  'Ville',
  'Profession',
  'Secteurs',
  'Langues',
  'Compétences',
  'Titre',
];
const cities: Record<string, string[]> = {
  NL: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Den Haag'],
  DE: ['Düsseldorf', 'Frankfurt am Main', 'Köln'],
  BE: ['Bruxelles', 'Antwerpen', 'Liège'],
  FR: ['Paris', 'Lyon', 'Montpellier'],
};
const skills = [
  'Santé publique',
  'Gestion hospitalière',
  'Épidémiologie',
  'E-learning',
  'Public health',
  'Projectmanagement',
];

/** The rows of the file: header first, then one row per synthetic expert. */
function rosterRows(): string[][] {
  const rows = [header];
  for (let n = 0; n < total; n++) {
    const expert = syntheticExpert(n, '');
    const rnd = random(n + 1);
    const year = 1950 + Math.floor(rnd() * 45);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const pad = (value: number) => String(value).padStart(2, '0');
    // The three date formats, mixed as an old roster fed by several hands would have them.
    const birth = [`${year}-${pad(month)}-${pad(day)}`, `${pad(day)}/${pad(month)}/${year}`, `${day}.${month}.${year}`][
      n % 3
    ]!;
    rows.push([
      expert.email,
      expert.first_name,
      expert.last_name,
      expert.name_ar ?? '',
      expert.gender === 'female' ? 'F' : 'M',
      birth,
      `+31 6 ${String(10_000_000 + n * 7_919).slice(-8)}`,
      `MA; ${expert.residence_country}`,
      expert.residence_country,
      cities[expert.residence_country]![n % cities[expert.residence_country]!.length]!,
      expert.occupation,
      expert.sectors.join('; '),
      expert.languages.map((entry) => `${entry.language}:${entry.level}`).join('; '),
      [skills[n % skills.length]!, skills[(n * 7 + 3) % skills.length]!]
        .filter((s, i, all) => all.indexOf(s) === i)
        .join('; '),
      expert.headline,
    ]);
  }
  return rows;
}

function toCsv(rows: string[][]): Uint8Array {
  const cell = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return Buffer.from(`\uFEFF${rows.map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`, 'utf8');
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const peakRss = () => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;

async function measure(label: string, database: Database, files: { csv: Uint8Array; xlsx: Uint8Array }) {
  await migrateDatabase(database);
  const [actor] = await database.query<{ id: string }>(
    `insert into users (email, name) values ('bench.officer@passerelle.example', 'Bench Officer') returning id`,
  );
  // PGlite's WebAssembly heap is most of the process before the import starts: say how much, to read the peak.
  console.log(`${label}: RSS ${mb(process.memoryUsage().rss)} after migrations`);
  const steps: [string, Uint8Array, boolean][] = [
    ['CSV dry run', files.csv, true],
    ['CSV import', files.csv, false],
    ['XLSX dry run (same people)', files.xlsx, true],
    ['XLSX import (all unchanged)', files.xlsx, false],
  ];
  for (const [step, bytes, dryRun] of steps) {
    const started = performance.now();
    const { report, refused } = await importRoster(
      database.db,
      { fileName: `roster.${step.startsWith('CSV') ? 'csv' : 'xlsx'}`, bytes, mapping: undefined },
      { dryRun, actorId: actor!.id, ip: null, now: new Date() },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const { create, update, unchanged, error } = report.counts;
    console.log(
      `  ${step.padEnd(28)} ${seconds.padStart(5)} s  create ${create} update ${update} unchanged ${unchanged} ` +
        `error ${error}${refused ? ' REFUSED' : ''}  peak RSS ${peakRss()}`,
    );
    if (error || refused) throw new Error(JSON.stringify(report.problems.slice(0, 5)));
  }
  const [count] = await database.query<{ n: number }>(
    `select count(*)::int as n from expert_profiles where origin = 'import' and array_length(name_keys, 1) > 0`,
  );
  console.log(`  imported and indexed profiles: ${count!.n}`);
}

async function main(): Promise<void> {
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  const started = performance.now();
  const rows = rosterRows();
  const files = { csv: toCsv(rows), xlsx: writeXlsx(rows, { sharedStrings: true }) };
  console.log(
    `${total} rows: CSV ${mb(files.csv.length)}, XLSX ${mb(files.xlsx.length)}, written in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const only = process.env.BENCH_ONLY;
  if (only !== 'postgres') {
    const database = await openDatabase({});
    try {
      await measure('PGlite (in memory)', database, files);
    } finally {
      await database.close();
    }
  }
  if (only !== 'pglite') {
    const server =
      process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const created = await createPostgresDatabase(server, 'passerelle_import_bench');
    const database = await openDatabase({ databaseUrl: created.url, poolSize: 2 });
    try {
      const [version] = await database.query<{ server_version: string }>('show server_version');
      await measure(`PostgreSQL ${version?.server_version} (fresh database)`, database, files);
    } finally {
      await database.close();
      await created.drop();
    }
  }
  console.log(`Peak RSS ${peakRss()}; load ${os.loadavg()[0]!.toFixed(1)}`);
}

await main();
