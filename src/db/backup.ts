// A portable backup: every row of every table of the public schema, as gzip'd JSON lines, readable by a restore
// into PGlite or PostgreSQL alike. Rows are streamed through a cursor, so a large database never sits in memory.
//
// File layout, one JSON value per line:
//   ["header", {format, version, createdAt, source, migrations, tables}]
//   ["table", "<name>"]            then that table's rows, one JSON object per line (row_to_json of the row)
//   ["end", {rows: {<table>: n}, sequences: {<name>: {lastValue, isCalled}}}]
// Control lines are arrays and row lines are objects, so a column name can never be mistaken for a marker.
// Row lines are written as PostgreSQL produced them and are never parsed by JavaScript, so numerics keep every
// digit and timestamps every microsecond.
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import {
  appliedMigrations,
  publicSequences,
  publicName,
  publicTables,
  rowsOf,
  type MigrationRecord,
  type TableInfo,
} from './catalog.ts';

export const backupFormat = 'passerelle-backup';
export const backupVersion = 1;
/** Rows fetched from the cursor at a time: bounds memory whatever the table's size. */
const fetchSize = 1_000;

export interface BackupHeader {
  format: typeof backupFormat;
  version: number;
  createdAt: string;
  source: Database['kind'];
  /** The schema version: a restore goes only into a database with exactly these migrations. */
  migrations: MigrationRecord[];
  /** In foreign-key order: restoring in file order never breaks a reference. */
  tables: TableInfo[];
}

export interface SequenceState {
  lastValue: string;
  isCalled: boolean;
}

export interface BackupTrailer {
  rows: Record<string, number>;
  sequences: Record<string, SequenceState>;
}

/**
 * Writes a backup of `database` to `file`. It is written next to the target and renamed into place at the end,
 * so a failed backup never leaves a truncated file under the expected name; an existing file is never replaced. Reads happen in one read-only,
 * repeatable-read transaction: the file is a consistent snapshot even while the app keeps writing.
 */
export async function writeBackup(database: Database, file: string): Promise<BackupTrailer> {
  const partial = `${file}.partial-${process.pid}`;
  const gzip = createGzip();
  const output = fs.createWriteStream(partial, { flags: 'wx' });
  gzip.pipe(output);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    const trailer = await database.db.transaction(
      async (tx) => {
        // Timestamps are written with an explicit offset anyway; UTC makes two backups of one database identical.
        await tx.execute(sql`set local timezone to 'UTC'`);
        const header: BackupHeader = {
          format: backupFormat,
          version: backupVersion,
          createdAt: new Date().toISOString(),
          source: database.kind,
          migrations: await appliedMigrations(tx),
          tables: await publicTables(tx),
        };
        if (header.migrations.length === 0) {
          throw new Error('This database has no migrations applied: there is nothing to back up.');
        }
        await write(JSON.stringify(['header', header]));
        const rows: Record<string, number> = {};
        for (const table of header.tables) {
          await write(JSON.stringify(['table', table.name]));
          rows[table.name] = await streamTable(tx, table, write);
        }
        // Read after the rows, within the snapshot: a sequence is never behind an id the file holds.
        const sequences: Record<string, SequenceState> = {};
        for (const name of await publicSequences(tx)) {
          const [state] = await rowsOf<SequenceState>(
            tx,
            sql`select last_value::text as "lastValue", is_called as "isCalled" from ${publicName(name)}`,
          );
          sequences[name] = state!;
        }
        const end: BackupTrailer = { rows, sequences };
        await write(JSON.stringify(['end', end]));
        return end;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await finished(output);
    // A hard link, unlike a rename, refuses to replace a file that appeared meanwhile.
    fs.linkSync(partial, file);
    fs.rmSync(partial);
    return trailer;
  } catch (error) {
    gzip.destroy();
    output.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

type Transaction = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

async function streamTable(tx: Transaction, table: TableInfo, write: (line: string) => Promise<void>) {
  const columns = sql.join(
    table.columns.map((column) => sql`t.${sql.identifier(column)}`),
    sql`, `,
  );
  await tx.execute(
    sql`declare passerelle_backup no scroll cursor for
        select row_to_json(r)::text as line from (select ${columns} from ${publicName(table.name)} t) r`,
  );
  let count = 0;
  for (;;) {
    const batch = await rowsOf<{ line: string }>(tx, sql.raw(`fetch forward ${fetchSize} from passerelle_backup`));
    for (const { line } of batch) {
      // JSON strings never hold a raw line break; one can only sit between tokens of a `json` column's value,
      // where it is insignificant whitespace. Flattening it keeps one row per line.
      await write(line.replace(/[\r\n]/g, ' '));
    }
    count += batch.length;
    if (batch.length < fetchSize) break;
  }
  await tx.execute(sql`close passerelle_backup`);
  return count;
}
