import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

export interface TestDatabase {
  database: Database;
  /** Closes the connection and, on PostgreSQL, drops the file's database. */
  drop(): Promise<void>;
}

/** Where the test runs: `pglite`, or `postgres` when TEST_DATABASE_URL is set. */
export const testDatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or, when TEST_DATABASE_URL is set, a new
 * database created on that PostgreSQL server (and dropped afterwards), so files run in parallel.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    await migrateDatabase(database);
    return { database, drop: () => database.close() };
  }
  const created = await createPostgresDatabase(serverUrl, 'passerelle_test');
  const database = await openDatabase({ databaseUrl: created.url, poolSize: 5 });
  await migrateDatabase(database);
  return {
    database,
    async drop() {
      await database.close();
      await created.drop();
    },
  };
}

/** A new, empty database on a PostgreSQL server, and the function that drops it (even with open connections). */
export async function createPostgresDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
