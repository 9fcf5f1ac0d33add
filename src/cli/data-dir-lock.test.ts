// Two `passerelle serve` processes on one embedded data directory corrupt it: the second must refuse to start,
// and a lock left behind by a killed process must not keep the platform down. Real processes, real signals.
import { demoUserCount } from '../demo/load.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { startServe, runCli, type ServeProcess } from './cli-process.test-helper.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-lock-'));
const lockFile = path.join(dataDir, 'passerelle.lock');
const env = { PASSERELLE_DATA_DIR: dataDir };
const started: ServeProcess[] = [];

async function serve(args: string[] = []): Promise<ServeProcess> {
  const server = await startServe(env, args);
  started.push(server);
  return server;
}

async function healthz(server: ServeProcess): Promise<number> {
  return (await fetch(`${server.url}/healthz`)).status;
}

afterAll(async () => {
  for (const server of started) {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Each process gets its own free port, so the data directory is the only thing they share.
describe('the PGlite data-directory lock, through the real command', () => {
  it('refuses a second process on the same directory, naming it and the owner, while the first keeps serving', async () => {
    const first = await serve(['--demo']);
    expect(await healthz(first)).toBe(200);
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid).toBe(first.child.pid);

    const second = await runCli(['serve', '--no-web-build'], { ...env, HOST: '127.0.0.1', PORT: '0' });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`The embedded database in ${dataDir} is in use by process ${first.child.pid}`);
    expect(second.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    // Other commands on the directory are refused the same way.
    const migrate = await runCli(['migrate'], env);
    expect(migrate.code).toBe(1);
    expect(migrate.stderr).toContain(`in use by process ${first.child.pid}`);

    expect(await healthz(first)).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    // A normal stop releases the lock: nothing is left for the next start to judge.
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 90_000);

  it('recognises the lock of a killed process as stale, starts, and finds the data intact', async () => {
    const victim = await serve();
    expect(await healthz(victim)).toBe(200);
    // A write acknowledged just before the kill must survive it.
    const registered = await fetch(`${victim.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: victim.url },
      body: JSON.stringify({
        name: 'Latifa Berrada',
        email: 'latifa.berrada@example.org',
        password: 'a long passphrase',
        consentToProcessing: true,
      }),
    });
    expect(registered.status).toBe(201);
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid).toBe(victim.child.pid);

    const next = await serve();
    expect(next.output()).toContain(`Replacing a stale lock left by process ${victim.child.pid}`);
    expect(await healthz(next)).toBe(200);
    const login = await fetch(`${next.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: next.url },
      body: JSON.stringify({ email: 'expert@passerelle.example', password: 'passerelle-demo' }),
    });
    expect(login.status).toBe(200);
    next.child.kill('SIGINT');
    expect(await next.exited).toBe(0);
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 90_000);

  it('treats a lock file naming a dead process as stale, and the data survives every restart', async () => {
    // Above the kernel's largest pid (2^22): no process can hold it.
    const deadPid = 2 ** 22 + 12_345;
    fs.writeFileSync(lockFile, JSON.stringify({ pid: deadPid, host: os.hostname(), startedAt: 'earlier' }));
    const stale: number[] = [];
    const database = await openDatabase({ dataDir, onStaleLock: (owner) => stale.push(owner.pid) });
    try {
      const [row] = await database.query<{ n: number }>('select count(*)::int as n from users');
      expect(row!.n).toBe(demoUserCount + 1); // the demo's accounts and the expert registered before the SIGKILL
      expect(stale).toEqual([deadPid]);
    } finally {
      await database.close();
    }
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 60_000);
});
