import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../http/errors.ts';

interface LockOwner {
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

/**
 * Takes the data directory's lock file, atomically (O_EXCL). A lock whose process is gone (killed, crashed)
 * is stale: it is reported through `onStale` and replaced. Returns the function that releases the lock.
 */
export function acquireDataDirLock(dataDir: string, onStale: (owner: LockOwner) => void = () => {}): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'passerelle.lock');
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockOwner;
          if (current.pid === me.pid) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner: LockOwner;
    try {
      owner = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockOwner;
    } catch {
      // Unreadable or half-written lock: a process died while writing it.
      owner = { pid: -1, host: os.hostname(), startedAt: 'unknown' };
    }
    const sameHost = owner.host === os.hostname();
    if (owner.pid > 0 && (!sameHost || isAlive(owner.pid)) && owner.pid !== process.pid) {
      throw new DataDirLockedError(lockFile, owner);
    }
    onStale(owner);
    fs.rmSync(lockFile, { force: true });
  }
  throw new AppError('internal_error', `Could not take the lock ${lockFile}`);
}
