import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';
import { acquireDataDirLock } from './lock.ts';

export type Schema = typeof schema;
/** The Drizzle handle, the same type whether PGlite or PostgreSQL is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A Drizzle transaction, or the database itself: what commands and repositories take. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Raw SQL with positional parameters, for maintenance work (backup, health) outside Drizzle. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  ping(): Promise<void>;
  /** Runs `work` while holding a PostgreSQL advisory lock, so that two app nodes do not both do it. */
  withAdvisoryLock<T>(key: number, work: () => Promise<T>): Promise<T>;
  /** PGlite only: the whole data directory as a tarball, which `snapshot` opens again (test set-up). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… ; when absent the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `undefined` with no URL means in memory (tests). */
  dataDir?: string | undefined;
  /** Called when a lock left by a dead process is replaced. */
  onStaleLock?: (owner: { pid: number; startedAt: string }) => void;
  poolSize?: number;
  /**
   * PGlite in memory only: start from a tarball written by `dumpDataDir` rather than from an empty cluster. Tests
   * open a migrated database this way in about a third of the time an empty one takes to create.
   */
  snapshot?: Blob | undefined;
}

/** Contrib extensions the migrations create: trigram similarity for names, accent-insensitive search. */
const extensions = { pg_trgm, unaccent };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    // An idle client losing its server must not crash the process; /healthz reports it instead.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      async query<Row>(text: string, params: unknown[] = []) {
        const result = await pool.query(text, params);
        return result.rows as Row[];
      },
      async ping() {
        await pool.query('select 1');
      },
      async withAdvisoryLock(key, work) {
        // The lock belongs to one connection: take and release it on the same client.
        const lockClient = await pool.connect();
        try {
          await lockClient.query('select pg_advisory_lock($1)', [key]);
          try {
            return await work();
          } finally {
            await lockClient.query('select pg_advisory_unlock($1)', [key]);
          }
        } finally {
          lockClient.release();
        }
      },
      async close() {
        await pool.end();
      },
    };
  }
  let release = () => {};
  let client: PGlite;
  if (options.dataDir) {
    release = acquireDataDirLock(options.dataDir, options.onStaleLock);
    try {
      client = await PGlite.create(path.join(options.dataDir, 'pglite'), { extensions });
    } catch (error) {
      release();
      throw error;
    }
  } else {
    client = await PGlite.create({ extensions, ...(options.snapshot ? { loadDataDir: options.snapshot } : {}) });
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await client.query(text, params);
      return result.rows as Row[];
    },
    async ping() {
      await client.query('select 1');
    },
    // One process owns an embedded database (see lock.ts): nothing to coordinate with.
    withAdvisoryLock: (_key, work) => work(),
    dumpDataDir: () => client.dumpDataDir('none'),
    async close() {
      await client.close();
      release();
    },
  };
}
