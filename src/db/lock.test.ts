import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-lockfile-'));
let counter = 0;
const newDir = () => path.join(root, `dir-${++counter}`);
/** Above the kernel's largest pid (2^22): no process can hold it. */
const deadPid = 2 ** 22 + 7;
const writeLock = (dir: string, owner: object | string) => {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'passerelle.lock'), typeof owner === 'string' ? owner : JSON.stringify(owner));
};

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('acquireDataDirLock', () => {
  it('refuses a directory held by a live process, naming the directory and its pid', () => {
    const dir = newDir();
    writeLock(dir, { pid: process.ppid, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' });
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(
      `The embedded database in ${dir} is in use by process ${process.ppid}`,
    );
  });

  it('respects a lock taken on another host, whose pid cannot be checked', () => {
    const dir = newDir();
    writeLock(dir, { pid: deadPid, host: 'another-machine', startedAt: 'earlier' });
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by process/);
  });

  it('replaces a lock left by a dead process, or a half-written one, and reports it', () => {
    for (const stale of [{ pid: deadPid, host: os.hostname(), startedAt: 'earlier' }, '{"pid": 12']) {
      const dir = newDir();
      writeLock(dir, stale);
      const reported: number[] = [];
      const release = acquireDataDirLock(dir, (owner) => reported.push(owner.pid));
      expect(reported).toEqual([typeof stale === 'string' ? -1 : deadPid]);
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'passerelle.lock'), 'utf8')).pid).toBe(process.pid);
      release();
      expect(fs.existsSync(path.join(dir, 'passerelle.lock'))).toBe(false);
    }
  });

  it('is not blocked by a breaker file left by a process that died while breaking a stale lock', () => {
    const dir = newDir();
    writeLock(dir, { pid: deadPid, host: os.hostname(), startedAt: 'earlier' });
    fs.writeFileSync(path.join(dir, 'passerelle.lock.breaking'), String(deadPid + 1));
    const release = acquireDataDirLock(dir);
    release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('never removes a lock it does not own on release', () => {
    const dir = newDir();
    const release = acquireDataDirLock(dir);
    writeLock(dir, { pid: process.ppid, host: os.hostname(), startedAt: 'later' });
    release();
    expect(fs.existsSync(path.join(dir, 'passerelle.lock'))).toBe(true);
  });

  it('lets exactly one of several processes racing for a stale lock take it', async () => {
    const dir = newDir();
    writeLock(dir, { pid: deadPid, host: os.hostname(), startedAt: 'earlier' });
    const lockModule = fileURLToPath(new URL('./lock.ts', import.meta.url));
    // Each contender says it is ready, waits for a common start signal (a file appearing), tries once, reports,
    // and holds what it got until told to finish: no outcome depends on how fast a process starts.
    const go = path.join(root, `go-${counter}`);
    const done = path.join(root, `done-${counter}`);
    const script = `
      import fs from 'node:fs';
      const { acquireDataDirLock } = await import(${JSON.stringify(lockModule)});
      const waitFor = async (file) => { while (!fs.existsSync(file)) await new Promise((r) => setTimeout(r, 5)); };
      console.log('ready');
      await waitFor(${JSON.stringify(go)});
      try { acquireDataDirLock(${JSON.stringify(dir)}); console.log('won'); }
      catch (error) { console.log(error.constructor.name); }
      await waitFor(${JSON.stringify(done)});`;
    const contenders = Array.from({ length: 4 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
      let out = '';
      const said = (word: RegExp) =>
        new Promise<string>((resolve, reject) => {
          const check = () => {
            const match = out.match(word);
            if (match) resolve(match[0]);
          };
          child.stdout.on('data', (chunk: Buffer) => ((out += chunk.toString()), check()));
          child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.on('close', () => reject(new Error(`contender exited early:\n${out}`)));
          check();
        });
      return {
        child,
        ready: said(/ready/),
        outcome: said(/won|DataDirLockedError/),
        exited: new Promise((r) => child.on('close', r)),
      };
    });
    await Promise.all(contenders.map((contender) => contender.ready));
    fs.writeFileSync(go, '');
    const results = await Promise.all(contenders.map((contender) => contender.outcome));
    fs.writeFileSync(done, '');
    await Promise.all(contenders.map((contender) => contender.exited));
    expect(results.filter((result) => result === 'won')).toHaveLength(1);
    expect(results.filter((result) => result === 'DataDirLockedError')).toHaveLength(3);
  }, 30_000);
});
