/**
 * `npm run bench`: start-up time and API throughput of a real `passerelle serve` process, on the embedded PGlite
 * database and on PostgreSQL. The server always runs in its own process; autocannon runs here. Loopback only.
 *
 * Environment: BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a PostgreSQL server where a throw-away database is
 * created and dropped; default postgres://postgres@127.0.0.1:5432/postgres. BENCH_SECONDS overrides the 10 s runs;
 * BENCH_ONLY=pglite or BENCH_ONLY=postgres runs one database only.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildWeb, webBuildIsStale } from '../src/cli/web-build.ts';
import { measure, type LoadResult } from './load.ts';
import { signIn, spawnServer, stopServer, waitHealthy } from './server-process.ts';

const startupRuns = 5;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmUpSeconds = 2;

type Target = { dataDir: string } | { url: string };

interface Figures {
  database: string;
  startupMs: number[];
  healthz: LoadResult;
  me: LoadResult;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** First start (migrations, demo data), untimed; then `startupRuns` timed starts on the existing database. */
async function measureStartup(target: Target): Promise<number[]> {
  const first = await spawnServer(target, true);
  try {
    await waitHealthy(first, performance.now());
  } finally {
    await stopServer(first);
  }
  const times: number[] = [];
  for (let run = 0; run < startupRuns; run++) {
    const startedAt = performance.now();
    const server = await spawnServer(target);
    try {
      times.push(await waitHealthy(server, startedAt));
    } finally {
      await stopServer(server);
    }
  }
  return times;
}

/** GET /healthz (the baseline) and GET /api/me as a signed-in expert, on one server process. */
async function measureThroughput(target: Target): Promise<{ healthz: LoadResult; me: LoadResult }> {
  const server = await spawnServer(target);
  try {
    await waitHealthy(server, performance.now());
    const headers = { cookie: await signIn(server, 'expert@passerelle.example') };
    const healthzUrl = `${server.url}/healthz`;
    const meUrl = `${server.url}/api/me`;
    // A short warm-up for each route lets V8 compile the hot paths before the measured run.
    await measure(healthzUrl, { seconds: warmUpSeconds });
    const healthz = await measure(healthzUrl, { seconds });
    await measure(meUrl, { headers, seconds: warmUpSeconds });
    const me = await measure(meUrl, { headers, seconds });
    return { healthz, me };
  } finally {
    await stopServer(server);
  }
}

async function benchPglite(): Promise<Figures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-'));
  try {
    const target = { dataDir };
    const startupMs = await measureStartup(target);
    return { database: 'PGlite (embedded)', startupMs, ...(await measureThroughput(target)) };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchPostgres(serverUrl: string): Promise<Figures | string> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL skipped: no server at ${serverUrl} (${(error as Error).message})`;
  }
  const name = `passerelle_bench_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const target = { url: url.toString() };
    const startupMs = await measureStartup(target);
    const [version] = (await admin.query<{ server_version: string }>('show server_version')).rows;
    return {
      database: `PostgreSQL ${version?.server_version.split(' ')[0]}`,
      startupMs,
      ...(await measureThroughput(target)),
    };
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

function printTables(results: Figures[]): void {
  const ms = (value: number) => value.toFixed(0).padStart(7);
  console.log(`\nStart-up: spawn of \`node bin/passerelle.js serve\` → first 200 from /healthz (existing database)`);
  console.log(`${'database'.padEnd(20)} ${'median'.padStart(8)}   runs (ms)`);
  for (const result of results) {
    console.log(
      `${result.database.padEnd(20)} ${ms(median(result.startupMs))} ms  ${result.startupMs.map((v) => v.toFixed(0)).join(', ')}`,
    );
  }
  console.log(`\nThroughput: autocannon, 10 connections, ${seconds} s per route`);
  console.log(
    `${'database'.padEnd(20)} ${'route'.padEnd(13)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}  errors/non-2xx`,
  );
  for (const result of results) {
    for (const [route, figures] of [
      ['GET /healthz', result.healthz],
      ['GET /api/me', result.me],
    ] as const) {
      console.log(
        `${result.database.padEnd(20)} ${route.padEnd(13)} ${figures.requestsPerSecond.toFixed(0).padStart(8)} ${String(figures.p50).padStart(7)} ${String(figures.p99).padStart(7)}  ${figures.errors}/${figures.non2xx}`,
      );
    }
    const ratio = result.me.requestsPerSecond / result.healthz.requestsPerSecond;
    console.log(`${result.database.padEnd(20)} ratio /api/me ÷ /healthz: ${ratio.toFixed(2)}`);
  }
  console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
}

async function main(): Promise<void> {
  if (webBuildIsStale()) {
    console.log('Building the web app first, so that no start-up below includes it…');
    await buildWeb();
  }
  const only = process.env.BENCH_ONLY;
  const loadBefore = os.loadavg()[0]!;
  const results: Figures[] = [];
  if (only !== 'postgres') {
    console.log('PGlite…');
    results.push(await benchPglite());
  }
  if (only !== 'pglite') {
    const postgresUrl =
      process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    console.log('PostgreSQL…');
    const postgres = await benchPostgres(postgresUrl);
    if (typeof postgres === 'string') console.log(postgres);
    else results.push(postgres);
  }
  printTables(results);
  // Other work on the machine skews every figure above: say how busy it was.
  console.log(`Load average (1 min): ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`);
}

await main();
