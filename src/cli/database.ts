import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';

/**
 * Opens the configured database (PGlite or DATABASE_URL), migrated unless `migrate: false`, for one command;
 * always closes it.
 */
export async function withDatabase<T>(
  work: (database: Database) => Promise<T>,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    onStaleLock: (owner) =>
      console.warn(`Replacing a stale lock left by process ${owner.pid}, which is no longer running.`),
  });
  try {
    if (migrate) await migrateDatabase(database);
    return await work(database);
  } finally {
    await database.close();
  }
}
