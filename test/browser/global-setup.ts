// Once per browser-test run: an embedded database directory, migrated and with the demo data, that each test
// file's server starts from a copy of instead of loading the demo again (about 7 s per file).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { loadDemoData } from '../../src/demo/load.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data directory with the demo data, to copy; '' when none was prepared. */
    browserDemoDataDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-browser-demo-'));
  const database = await openDatabase({ dataDir: directory });
  try {
    await migrateDatabase(database);
    await loadDemoData(database.db);
  } finally {
    await database.close();
  }
  project.provide('browserDemoDataDir', directory);
  return () => fs.rmSync(directory, { recursive: true, force: true });
}
