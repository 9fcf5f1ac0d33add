// The `passerelle` command as an operator runs it: each test spawns `node bin/passerelle.js`, on PGlite (a temp
// data directory) or, when TEST_DATABASE_URL is set, on a new PostgreSQL database.
import { demoUserCount } from '../demo/load.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { createCliPostgresDatabase, runCli } from './cli-process.test-helper.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-cli-'));
const cleanups: (() => Promise<void>)[] = [];

/** The environment that points the command at a new, empty database. */
async function newTarget(name: string): Promise<Record<string, string>> {
  if (!process.env.TEST_DATABASE_URL) return { PASSERELLE_DATA_DIR: path.join(tmp, name) };
  const database = await createCliPostgresDatabase();
  cleanups.push(database.drop);
  return { DATABASE_URL: database.url };
}

/** Counts users in the database a target environment points at (the CLI process has exited: no lock held). */
async function countUsers(env: Record<string, string>): Promise<number> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.PASSERELLE_DATA_DIR });
  try {
    const [row] = await database.query<{ n: number }>('select count(*)::int as n from users');
    return row!.n;
  } finally {
    await database.close();
  }
}

let source: Record<string, string>;
beforeAll(async () => {
  source = await newTarget('source');
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('passerelle --help', () => {
  it('lists every command with a one-line description', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of ['start', 'serve', 'migrate', 'demo', 'build-web', 'create-admin', 'backup', 'restore']) {
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b.*\\s{2,}\\S.*$`, 'm'));
    }
    // One line each: no description wraps onto an indented continuation line.
    expect(stdout).not.toMatch(/^ {10,}\S/m);
  });
});

describe('on one database, in order', () => {
  it('migrates, loads the demo data once, and refuses to load it into a database that holds data', async () => {
    const migrated = await runCli(['migrate'], source);
    expect(migrated.stderr).toBe('');
    expect(migrated).toMatchObject({ code: 0, stdout: expect.stringContaining('Migrations applied.') });
    const demo = await runCli(['demo'], source);
    expect(demo).toMatchObject({ code: 0, stdout: expect.stringContaining('admin@passerelle.example') });
    const again = await runCli(['demo'], source);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('only loaded into an empty database');
    expect(await countUsers(source)).toBe(demoUserCount);
  }, 180_000);

  it('creates an admin, printing the TOTP secret and otpauth URI; refuses bad input and a taken e-mail', async () => {
    const created = await runCli(['create-admin', '--email', 'chief@iom.example', '--name', 'Chief of Mission'], {
      ...source,
      PASSERELLE_ADMIN_PASSWORD: 'correct horse battery',
    });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/secret \(base32\): [A-Z2-7]{32}/);
    expect(created.stdout).toMatch(/otpauth:\/\/totp\/Passerelle:chief%40iom\.example\?.*secret=[A-Z2-7]{32}/);

    const taken = await runCli(
      ['create-admin', '--email', 'CHIEF@iom.example', '--name', 'Someone', '--password', 'another passphrase'],
      source,
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('An account already uses chief@iom.example');

    const badEmail = await runCli(
      ['create-admin', '--email', 'chief', '--name', 'X', '--password', 'long enough!'],
      source,
    );
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toContain('--email');
    const shortPassword = await runCli(
      ['create-admin', '--email', 'a@b.example', '--name', 'X', '--password', 'short'],
      source,
    );
    expect(shortPassword.code).toBe(1);
    expect(shortPassword.stderr).toContain('--password: At least 10 characters');
    expect(await countUsers(source)).toBe(demoUserCount + 1);
  }, 180_000);

  it('backs up to a file, restores it into an empty database, and refuses to restore over data', async () => {
    const file = path.join(tmp, 'passerelle.backup.gz');
    const backup = await runCli(['backup', file], source);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/Backup written to .*passerelle\.backup\.gz: \d+ rows in \d+ tables\./);
    const overwrite = await runCli(['backup', file], source);
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toContain('already exists');

    const target = await newTarget('restored');
    const restored = await runCli(['restore', file], target);
    expect(restored.stderr).toBe('');
    expect(restored).toMatchObject({ code: 0, stdout: expect.stringMatching(/Restored \d+ rows in \d+ tables/) });
    expect(await countUsers(target)).toBe(demoUserCount + 1);

    const refused = await runCli(['restore', file], source);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('only goes into an empty database');
    const missing = await runCli(['restore', path.join(tmp, 'nope.gz')], source);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No backup file');
  }, 180_000);
});
