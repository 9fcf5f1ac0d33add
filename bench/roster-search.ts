/**
 * Roster search at scale: 100,000 synthetic experts (bench/roster-data.ts) loaded in bulk, then p50/p95 of the
 * staff search (`searchRoster`, the code behind GET /api/experts: text + 2 facets + an availability range) against
 * a plain ILIKE scan with the same filters, on PGlite (a fresh data directory) and on PostgreSQL (a fresh
 * database, dropped afterwards). In-process: the figures are the query's, not HTTP's.
 *
 * `npx tsx bench/roster-search.ts`. Environment: BENCH_EXPERTS (default 100000), BENCH_ONLY=pglite|postgres,
 * BENCH_DATABASE_URL (else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres); BENCH_KEEP=1 keeps
 * the PostgreSQL database and BENCH_REUSE_URL=<its url> measures it again without loading; BENCH_EXPLAIN=n prints
 * the plans of search n; BENCH_SERIES (default 3) measured series of BENCH_ROUNDS (default 20) rounds each.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { openDatabase, type Database, type Tx } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { rowsOf } from '../src/modules/experts/search/sql.ts';
import { searchFieldsOf, writeSearchFields } from '../src/modules/experts/search-index.ts';
import { eligibleProfile, filterConditions, searchRoster } from '../src/modules/experts/search/repository.ts';
import { rosterQuery, type RosterQuery } from '../src/modules/experts/search/schemas.ts';
import { createPostgresDatabase } from '../test/helpers/database.ts';
import { syntheticExpert } from './roster-data.ts';

const total = Number(process.env.BENCH_EXPERTS ?? 100_000);
const batchSize = 1_000;
/** Measured series (each after the warm-up), to show the run-to-run spread on a shared machine. */
const series = Number(process.env.BENCH_SERIES ?? 3);
/** Rounds of the five searches in a series; the ILIKE baseline runs in the first two rounds of each. */
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const ilikeRounds = 2;

/** The staff searches measured: each is text + two facets + an availability range. */
const searchQueries: Record<string, string | string[]>[] = [
  {
    q: 'gestion des hôpitaux',
    sector: ['12110', '12191'],
    residenceCountry: 'NL',
    availableFrom: '2027-03-01',
    availableTo: '2027-04-30',
  },
  {
    q: 'investment promotion',
    sector: '25010',
    residenceCountry: ['NL', 'BE'],
    availableFrom: '2027-05-01',
    availableTo: '2027-06-15',
  },
  {
    q: 'universiteiten',
    language: 'nl',
    minLevel: 'C1',
    gender: 'female',
    availableFrom: '2027-01-10',
    availableTo: '2027-02-10',
  },
  {
    q: 'Mohamed El Amrani',
    residenceCountry: 'DE',
    gender: 'male',
    availableFrom: '2027-02-01',
    availableTo: '2027-09-30',
  },
  {
    q: 'الصحة العمومية',
    sector: '12110',
    residenceCountry: 'NL',
    availableFrom: '2027-04-01',
    availableTo: '2027-07-01',
  },
];
const searches = searchQueries.map((query) => ({ ...query, pageSize: '20' }));

async function load(database: Database): Promise<number> {
  const started = performance.now();
  // As a restore would: build the GIN indexes once after the rows rather than through their short pending lists
  // (256 kB, merged into the index every few hundred profiles), which is faster and leaves no pending list.
  const gin = await database.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
     where tablename = 'expert_profiles' and indexdef like '%USING gin%'`,
  );
  for (const index of gin) await database.query(`drop index ${index.name}`);
  for (let offset = 0; offset < total; offset += batchSize) {
    const experts = Array.from({ length: Math.min(batchSize, total - offset) }, (_, i) =>
      syntheticExpert(offset + i, randomUUID()),
    );
    await database.db.transaction(async (tx) => {
      const json = JSON.stringify(experts);
      await tx.execute(sql`insert into users (id, email, name)
        select id, email, first_name || ' ' || last_name from jsonb_to_recordset(${json}::jsonb)
          as v(id uuid, email text, first_name text, last_name text)`);
      await tx.execute(sql`insert into consents (user_id, purpose, version)
        select id, 'processing', 'bench' from jsonb_to_recordset(${json}::jsonb) as v(id uuid)`);
      await tx.execute(sql`insert into expert_profiles (user_id, first_name, last_name, name_ar, gender,
          residence_country, origin_country, occupation, sectors, headline, summary)
        select id, first_name, last_name, name_ar, gender, residence_country, 'MA', occupation, sectors, headline, summary
        from jsonb_to_recordset(${json}::jsonb) as v(id uuid, first_name text, last_name text, name_ar text,
          gender text, residence_country text, occupation text, sectors text[], headline text, summary text)`);
      await tx.execute(sql`insert into expert_languages (user_id, language, level)
        select v.id, l.language, l.level from jsonb_to_recordset(${json}::jsonb) as v(id uuid, languages jsonb)
        cross join jsonb_to_recordset(v.languages) as l(language text, level text)`);
      await tx.execute(sql`insert into expert_availability (user_id, starts_on, ends_on, on_site, online)
        select v.id, a.starts_on, a.ends_on, a.on_site, a.online
        from jsonb_to_recordset(${json}::jsonb) as v(id uuid, availability jsonb)
        cross join jsonb_to_recordset(v.availability) as a(starts_on date, ends_on date, on_site boolean, online boolean)`);
      // The same computation as refreshSearchIndex, without re-reading what was just written.
      await writeSearchFields(
        tx,
        experts.map((expert) =>
          searchFieldsOf({
            userId: expert.id,
            firstName: expert.first_name,
            lastName: expert.last_name,
            nameAr: expert.name_ar,
            headline: expert.headline,
            summary: expert.summary,
            skills: [],
            experience: [],
            education: [],
            cvText: null,
          }),
        ),
      );
    });
    if ((offset / batchSize) % 10 === 9) process.stdout.write(`  ${offset + batchSize} experts…\r`);
  }
  for (const index of gin) await database.query(index.definition);
  // What autovacuum would have done by the time staff search: statistics and the visibility map.
  await database.query('vacuum analyze');
  return performance.now() - started;
}

/** The naive search a first version would write: ILIKE on names and texts for each word, same filters. */
async function ilikeSearch(database: Database, filter: RosterQuery): Promise<void> {
  const words = (filter.q ?? '').split(/\s+/).filter(Boolean);
  const text = words.map(
    (word) =>
      sql`(p.first_name || ' ' || p.last_name || ' ' || coalesce(p.name_ar, '') || ' ' || coalesce(p.headline, '')
          || ' ' || coalesce(p.summary, '')) ilike ${`%${word}%`}`,
  );
  const where = sql.join([eligibleProfile, ...filterConditions(filter), ...text], sql` and `);
  await database.db.execute(sql`select count(*) from expert_profiles p where ${where}`);
  await database.db.execute(sql`select p.user_id from expert_profiles p where ${where}
    order by lower(p.last_name), p.user_id limit ${filter.pageSize}`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(run: () => Promise<unknown>, times: number[]): Promise<void> {
  const started = performance.now();
  await run();
  times.push(performance.now() - started);
}

async function measure(label: string, database: Database, { reuse = false } = {}): Promise<void> {
  await migrateDatabase(database);
  const loadMs = reuse ? 0 : await load(database);
  const [size] = await database.query<{ size: string }>(
    `select pg_size_pretty(pg_total_relation_size('expert_profiles')) as size`,
  );
  console.log(`${label}: loaded ${total} experts in ${(loadMs / 1000).toFixed(1)} s (expert_profiles ${size?.size})`);
  const filters = searches.map((query) => rosterQuery.parse(query));
  const indexed: number[] = [];
  const ilike: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (const filter of filters) await searchRoster(database.db, filter); // warm-up
  for (let s = 1; s <= series; s++) {
    const own: number[] = [];
    const ownIlike: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const filter of filters) {
        const samples = perQuery.get(filter.q!) ?? [];
        await time(() => searchRoster(database.db, filter), samples);
        perQuery.set(filter.q!, samples);
        own.push(samples.at(-1)!);
        if (round < ilikeRounds) await time(() => ilikeSearch(database, filter), ownIlike);
      }
    }
    console.log(
      `  series ${s}: search p50 ${percentile(own, 50).toFixed(1)} ms  p95 ${percentile(own, 95).toFixed(1)} ms;` +
        `  ILIKE p50 ${percentile(ownIlike, 50).toFixed(1)} ms  p95 ${percentile(ownIlike, 95).toFixed(1)} ms;` +
        `  load ${os.loadavg()[0]!.toFixed(1)}`,
    );
    indexed.push(...own);
    ilike.push(...ownIlike);
  }
  if (process.env.BENCH_EXPLAIN) {
    // The same statements, each run for real and explained (settings only run), in searchRoster's transaction.
    const dialect = new PgDialect();
    const explainingIn = (tx: Tx) =>
      ({
        execute: async (query: SQL) => {
          if (/^\s*set /i.test(dialect.sqlToQuery(query).sql)) return tx.execute(query);
          const result = await tx.execute(sql`explain (analyze, buffers) ${query}`);
          console.log(
            rowsOf<Record<string, string>>(result)
              .map((row) => Object.values(row)[0])
              .join('\n'),
          );
          return tx.execute(query);
        },
      }) as unknown as Tx;
    const explaining = {
      transaction: (work: (tx: Tx) => Promise<unknown>) => database.db.transaction((tx) => work(explainingIn(tx))),
    } as unknown as Tx;
    await searchRoster(explaining, filters[Number(process.env.BENCH_EXPLAIN) - 1] ?? filters[0]!);
  }
  for (const filter of filters) {
    const page = await searchRoster(database.db, filter);
    const samples = perQuery.get(filter.q!)!;
    console.log(
      `  ${JSON.stringify(filter.q).padEnd(24)} total ${String(page.total).padStart(5)}  p50 ${percentile(samples, 50).toFixed(1)} ms  p95 ${percentile(samples, 95).toFixed(1)} ms`,
    );
  }
  const p50 = percentile(indexed, 50);
  const baseline = percentile(ilike, 50);
  console.log(
    `  search  p50 ${p50.toFixed(1)} ms  p95 ${percentile(indexed, 95).toFixed(1)} ms  (${indexed.length} runs)\n` +
      `  ILIKE   p50 ${baseline.toFixed(1)} ms  p95 ${percentile(ilike, 95).toFixed(1)} ms  (${ilike.length} runs)\n` +
      `  search ÷ ILIKE (p50): ${(p50 / baseline).toFixed(3)}`,
  );
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  if (process.env.BENCH_REUSE_URL) {
    // Iterating on the query: measure again on a database kept by an earlier BENCH_KEEP=1 run.
    const database = await openDatabase({ databaseUrl: process.env.BENCH_REUSE_URL, poolSize: 2 });
    await measure('PostgreSQL (reused)', database, { reuse: true });
    await database.close();
    return;
  }
  if (only !== 'postgres') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-roster-bench-'));
    const database = await openDatabase({ dataDir });
    try {
      await measure('PGlite', database);
    } finally {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (only !== 'pglite') {
    const server =
      process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const created = await createPostgresDatabase(server, 'passerelle_roster_bench');
    const database = await openDatabase({ databaseUrl: created.url, poolSize: 2 });
    try {
      const [version] = await database.query<{ server_version: string }>('show server_version');
      await measure(`PostgreSQL ${version?.server_version}`, database);
    } finally {
      await database.close();
      if (process.env.BENCH_KEEP) console.log(`Kept ${created.url}: drop it when done.`);
      else await created.drop();
    }
  }
  console.log(`Peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load ${os.loadavg()[0]!.toFixed(1)}`);
}

await main();
