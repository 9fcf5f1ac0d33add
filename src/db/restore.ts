// Reads a file written by backup.ts back into an empty database, in one transaction: either every row comes
// back, or (wrong schema version, target not empty, corrupt or truncated file) nothing is written at all.
import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import {
  appliedMigrations,
  nonEmptyTables,
  publicName,
  publicSequences,
  publicTables,
  type TableInfo,
} from './catalog.ts';
import { backupFormat, backupVersion, type BackupHeader, type BackupTrailer } from './backup.ts';

/** Rows sent to the server per INSERT, and the size that flushes a batch early (rows can be large). */
const batchRows = 500;
const batchChars = 4 * 1024 * 1024;

/** A refusal or a problem with the file: the message says what to do, and nothing was written. */
export class RestoreError extends Error {
  override name = 'RestoreError';
}

/**
 * Restores `file` into `database`, which must be migrated to the backup's exact schema version and hold no rows.
 * Returns the number of rows restored per table.
 */
export async function restoreBackup(database: Database, file: string): Promise<Record<string, number>> {
  if (!fs.existsSync(file)) throw new RestoreError(`No backup file at ${file}.`);
  const input = fs.createReadStream(file).pipe(createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string | undefined> => {
    try {
      const next = await lines.next();
      return next.done ? undefined : next.value;
    } catch (error) {
      throw new RestoreError(
        `${file} is not a complete Passerelle backup (${(error as Error).message}): the file is damaged or truncated.`,
      );
    }
  };
  try {
    const header = parseHeader(await nextLine(), file);
    await checkTarget(database, header);
    return await database.db.transaction(async (tx) => {
      const restored: Record<string, number> = {};
      let table: TableInfo | undefined;
      let batch: string[] = [];
      let batchSize = 0;
      const flush = async () => {
        if (!table || batch.length === 0) return;
        const columns = sql.join(
          table.columns.map((column) => sql.identifier(column)),
          sql`, `,
        );
        // json_populate_recordset turns each JSON value into the column's own type (timestamptz, jsonb, arrays…);
        // OVERRIDING SYSTEM VALUE keeps identity columns' ids.
        await tx.execute(
          sql`insert into ${publicName(table.name)} (${columns}) overriding system value
              select ${columns} from json_populate_recordset(null::${publicName(table.name)}, ${`[${batch.join(',')}]`}::json)`,
        );
        restored[table.name] = (restored[table.name] ?? 0) + batch.length;
        batch = [];
        batchSize = 0;
      };
      const pending = [...header.tables];
      for (;;) {
        const line = await nextLine();
        if (line === undefined) throw new RestoreError(`${file} ends before its last table: it is truncated.`);
        if (line.startsWith('{')) {
          if (!table) throw new RestoreError(`${file} holds a row outside any table: it is damaged.`);
          batch.push(line);
          batchSize += line.length;
          // A table that references itself goes in as one statement, so its foreign key is checked only once
          // all of its rows are there.
          if (!table.selfReferencing && (batch.length >= batchRows || batchSize >= batchChars)) await flush();
          continue;
        }
        const control = parseControl(line, file);
        await flush();
        if (control[0] === 'table') {
          table = pending.shift();
          if (!table || table.name !== control[1]) {
            throw new RestoreError(
              `${file} holds table ${String(control[1])} out of its header's order: it is damaged.`,
            );
          }
          continue;
        }
        const trailer = control[1] as BackupTrailer;
        if (pending.length > 0) throw new RestoreError(`${file} ends before table ${pending[0]!.name}.`);
        for (const { name } of header.tables) {
          if ((restored[name] ?? 0) !== (trailer.rows?.[name] ?? 0)) {
            throw new RestoreError(
              `${file} announces ${trailer.rows?.[name] ?? 0} rows of ${name} but holds ${restored[name] ?? 0}: it is damaged.`,
            );
          }
        }
        if ((await nextLine()) !== undefined) throw new RestoreError(`${file} has data after its end: it is damaged.`);
        const known = new Set(await publicSequences(tx));
        for (const [name, state] of Object.entries(trailer.sequences ?? {})) {
          if (!known.has(name)) throw new RestoreError(`The backup's sequence ${name} does not exist here.`);
          await tx.execute(
            sql`select setval(format('public.%I', ${name}::text)::regclass, ${state.lastValue}::bigint, ${state.isCalled})`,
          );
        }
        return Object.fromEntries(header.tables.map(({ name }) => [name, restored[name] ?? 0]));
      }
    });
  } catch (error) {
    // A malformed row is reported by PostgreSQL (invalid JSON, wrong type): that too is a damaged file.
    if (error instanceof RestoreError) throw error;
    const message = (error as Error).message;
    throw new RestoreError(`The restore failed and nothing was written: ${message}`, { cause: error });
  } finally {
    input.destroy();
  }
}

function parseControl(line: string, file: string): [string, unknown] {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new RestoreError(`${file} holds a line that is not JSON: it is damaged.`);
  }
  if (!Array.isArray(value) || (value[0] !== 'table' && value[0] !== 'end')) {
    throw new RestoreError(`${file} holds an unexpected line: it is damaged.`);
  }
  return value as [string, unknown];
}

function parseHeader(line: string | undefined, file: string): BackupHeader {
  let value: unknown;
  try {
    value = line === undefined ? undefined : JSON.parse(line);
  } catch {
    // Not JSON: handled below with the other ways of not being a backup.
  }
  const header = Array.isArray(value) && value[0] === 'header' ? (value[1] as BackupHeader) : undefined;
  if (!header || header.format !== backupFormat || !Array.isArray(header.tables) || !Array.isArray(header.migrations)) {
    throw new RestoreError(`${file} is not a Passerelle backup.`);
  }
  if (header.version !== backupVersion) {
    throw new RestoreError(
      `${file} is a backup in format version ${header.version}; this Passerelle reads version ${backupVersion}.`,
    );
  }
  return header;
}

/** The target must have the backup's schema (same migrations, same tables and columns) and no rows. */
async function checkTarget(database: Database, header: BackupHeader): Promise<void> {
  const migrations = await appliedMigrations(database);
  const sameVersion =
    migrations.length === header.migrations.length &&
    migrations.every((migration, i) => migration.hash === header.migrations[i]!.hash);
  if (!sameVersion) {
    throw new RestoreError(
      `The backup was made at schema version ${header.migrations.length} (migrations applied) and this database ` +
        `is at version ${migrations.length}: restore it with the Passerelle release that made it, then upgrade.`,
    );
  }
  const tables = await publicTables(database);
  const describe = (list: TableInfo[]) =>
    JSON.stringify(list.map((table) => [table.name, [...table.columns].sort()]).sort());
  if (describe(tables) !== describe(header.tables)) {
    throw new RestoreError('The backup and this database have the same migrations but different tables or columns.');
  }
  const filled = await nonEmptyTables(database, tables);
  if (filled.length > 0) {
    throw new RestoreError(
      `A restore only goes into an empty database, and this one already holds rows (in ${filled.join(', ')}). ` +
        'Point PASSERELLE_DATA_DIR or DATABASE_URL at a new database.',
    );
  }
}
