import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Who holds a data directory, as written in its lock file. */
export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

/** Thrown when another live process holds the embedded database. */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The embedded database in ${path.dirname(lockFile)} is in use by process ${owner.pid} ` +
        `(started ${owner.startedAt}). Two processes on one PGlite directory corrupt it: stop the other one, ` +
        `or set PASSERELLE_DATA_DIR to another directory.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Blocks the thread briefly: taking the lock is synchronous, and the wait is for another process. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readOwner(lockFile: string): { text: string; owner: LockOwner } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(lockFile, 'utf8');
  } catch {
    return undefined; // released meanwhile
  }
  try {
    return { text, owner: JSON.parse(text) as LockOwner };
  } catch {
    // Unreadable or half-written lock: a process died while writing it.
    return { text, owner: { pid: -1, host: os.hostname(), startedAt: 'unknown' } };
  }
}

/**
 * Removes a stale lock, but only while holding a second, short-lived "breaker" file and only if the lock still
 * holds what was judged stale. Without this, two processes starting after a crash could both judge the old lock
 * stale, and the slower one would delete the lock the faster one had just taken: both would then run.
 * Returns false when another process is breaking the lock right now (the caller waits and looks again).
 */
function breakStaleLock(lockFile: string, staleText: string, onStale: () => void): boolean {
  const breaker = `${lockFile}.breaking`;
  try {
    fs.writeFileSync(breaker, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const breakerPid = Number(readOwner(breaker)?.text);
    // A breaker whose process died mid-break would block every start: it is stale in its turn.
    if (breakerPid > 0 && !isAlive(breakerPid)) fs.rmSync(breaker, { force: true });
    return false;
  }
  try {
    if (readOwner(lockFile)?.text === staleText) {
      onStale();
      fs.rmSync(lockFile, { force: true });
    }
    return true;
  } finally {
    fs.rmSync(breaker, { force: true });
  }
}

/**
 * Creates `file` holding `text`, or fails with EEXIST, in one step: the text goes to a private file first, then a
 * hard link gives it the lock's name. With `wx` alone the lock exists empty for a moment, and another process that
 * reads it then takes it for a half-written lock of a dead process and breaks it: both would run.
 */
function createWhole(file: string, text: string): void {
  const draft = `${file}.${process.pid}.${Date.now()}`;
  fs.writeFileSync(draft, text, { flag: 'wx' });
  try {
    fs.linkSync(draft, file);
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/**
 * Takes the data directory's lock file, atomically (a hard link, which fails when the name exists). A lock whose process is gone (killed, crashed)
 * is stale: it is reported through `onStale` and replaced. Returns the function that releases the lock.
 */
export function acquireDataDirLock(dataDir: string, onStale: (owner: LockOwner) => void = () => {}): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'passerelle.lock');
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  // Enough rounds to outlast another process breaking a stale lock (a few file operations).
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      createWhole(lockFile, JSON.stringify(me));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readOwner(lockFile)?.owner.pid === me.pid) fs.rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = readOwner(lockFile);
    if (!current) continue;
    const { owner } = current;
    const sameHost = owner.host === os.hostname();
    // On another host (a shared disk) the pid cannot be checked, so the lock is respected.
    if (owner.pid > 0 && (!sameHost || isAlive(owner.pid)) && owner.pid !== process.pid) {
      throw new DataDirLockedError(lockFile, owner);
    }
    if (!breakStaleLock(lockFile, current.text, () => onStale(owner))) pause(20);
  }
  throw new Error(`Could not take the lock ${lockFile}: another process keeps replacing it.`);
}
