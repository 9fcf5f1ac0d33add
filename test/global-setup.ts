// Once per Vitest run (PGlite only): a migrated database, and the same with the demo data, dumped as tarballs
// that each test file opens instead of creating an empty cluster, migrating it and loading the demo again —
// most of a test file's set-up time on PGlite (docs/performance.md, test suite).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { loadDemoData } from '../src/demo/load.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The directory holding `migrated.tar` and `demo.tar`, or '' when the run uses PostgreSQL. */
    pgliteSnapshots: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgliteSnapshots', '');
    return () => {};
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-test-snapshots-'));
  const database = await openDatabase({});
  try {
    await migrateDatabase(database);
    const dump = async (file: string) =>
      fs.writeFileSync(path.join(directory, file), Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
    await dump('migrated.tar');
    await loadDemoData(database.db);
    await dump('demo.tar');
  } finally {
    await database.close();
  }
  project.provide('pgliteSnapshots', directory);
  return () => fs.rmSync(directory, { recursive: true, force: true });
}
