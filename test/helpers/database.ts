import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { loadDemoData } from '../../src/demo/load.ts';

export interface TestDatabase {
  database: Database;
  /** Closes the connection and, on PostgreSQL, drops the file's database. */
  drop(): Promise<void>;
}

/** Where the test runs: `pglite`, or `postgres` when TEST_DATABASE_URL is set. */
export const testDatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * The tarball of this run's migrated PGlite database (with the demo data or without), written once by
 * test/global-setup.ts; undefined outside a Vitest run that has it.
 */
function snapshotOf(demo: boolean): Blob | undefined {
  let directory: string | undefined;
  try {
    directory = inject('pgliteSnapshots');
  } catch {
    return undefined;
  }
  if (!directory) return undefined;
  return new Blob([fs.readFileSync(path.join(directory, demo ? 'demo.tar' : 'migrated.tar'))]);
}

/** This run's PostgreSQL template database (test/global-setup.ts), if any. */
function templateOf(demo: boolean): string | undefined {
  try {
    const templates = inject('postgresTemplates');
    return (demo ? templates?.demo : templates?.migrated) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A fresh, migrated database for one test file (with the demo data when asked): an in-memory PGlite, opened from
 * the run's snapshot when there is one, or, when TEST_DATABASE_URL is set, a new database created on that
 * PostgreSQL server (from the run's template when there is one, and dropped afterwards), so files run in parallel.
 */
export async function createTestDatabase({ demo = false }: { demo?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const snapshot = snapshotOf(demo);
    const database = await openDatabase({ snapshot });
    if (!snapshot) {
      await migrateDatabase(database);
      if (demo) await loadDemoData(database.db);
    }
    return { database, drop: () => database.close() };
  }
  const template = templateOf(demo);
  const created = await createPostgresDatabase(serverUrl, 'passerelle_test', template);
  const database = await openDatabase({ databaseUrl: created.url, poolSize: 5 });
  if (!template) {
    await migrateDatabase(database);
    if (demo) await loadDemoData(database.db);
  }
  return {
    database,
    async drop() {
      await database.close();
      await created.drop();
    },
  };
}

/**
 * A new database on a PostgreSQL server — empty, or a copy of `template` (which nobody may be connected to) —
 * and the function that drops it (even with open connections).
 */
export async function createPostgresDatabase(
  serverUrl: string,
  prefix: string,
  template?: string,
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
