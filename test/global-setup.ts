// Once per Vitest run: a migrated database, and the same with the demo data, that each test file copies instead
// of migrating an empty one and loading the demo again — most of a test file's set-up time (docs/performance.md,
// test suite). On PGlite they are tarballs of the data directory; on PostgreSQL (TEST_DATABASE_URL), template
// databases that `create database … template` copies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { loadDemoData } from '../src/demo/load.ts';
import { createPostgresDatabase } from './helpers/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The directory holding `migrated.tar` and `demo.tar`, or '' when the run uses PostgreSQL. */
    pgliteSnapshots: string;
    /** The names of the migrated and demo template databases, or empty names when the run uses PGlite. */
    postgresTemplates: { migrated: string; demo: string };
  }
}

async function preparePostgres(project: TestProject, serverUrl: string): Promise<() => Promise<void>> {
  const migrated = await createPostgresDatabase(serverUrl, 'passerelle_template');
  const migratedDatabase = await openDatabase({ databaseUrl: migrated.url, poolSize: 2 });
  try {
    await migrateDatabase(migratedDatabase);
  } finally {
    await migratedDatabase.close();
  }
  const demo = await createPostgresDatabase(serverUrl, 'passerelle_template', migrated.name);
  const demoDatabase = await openDatabase({ databaseUrl: demo.url, poolSize: 2 });
  try {
    await loadDemoData(demoDatabase.db);
  } finally {
    await demoDatabase.close();
  }
  project.provide('pgliteSnapshots', '');
  project.provide('postgresTemplates', { migrated: migrated.name, demo: demo.name });
  return async () => {
    await demo.drop();
    await migrated.drop();
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return preparePostgres(project, serverUrl);
  project.provide('postgresTemplates', { migrated: '', demo: '' });
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-test-snapshots-'));
  const database = await openDatabase({});
  const dump = async (file: string) =>
    fs.writeFileSync(path.join(directory, file), Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  try {
    await migrateDatabase(database);
    await dump('migrated.tar');
    await loadDemoData(database.db);
    await dump('demo.tar');
  } finally {
    await database.close();
  }
  project.provide('pgliteSnapshots', directory);
  return async () => fs.rmSync(directory, { recursive: true, force: true });
}
