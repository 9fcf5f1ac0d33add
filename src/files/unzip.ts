import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';

/** Bounds that keep a hostile archive (a zip bomb) from exhausting memory. */
export interface UnzipLimits {
  /** Total bytes all wanted entries may expand to. */
  maxTotalBytes: number;
  /** Entries an archive may hold at all, wanted or not. */
  maxEntries: number;
}

/** Refusal of an archive; `reason` is stable so callers can map it to an error code. */
export class UnsafeArchiveError extends Error {
  constructor(
    readonly reason: 'too_large_uncompressed' | 'too_many_entries' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Expands the entries of a zip archive that `wanted` selects, counting the bytes actually inflated (never trusting
 * the sizes the archive declares), and stops as soon as a limit is crossed. Works for archives written with data
 * descriptors too, because it reads the local headers as a stream.
 * @returns the wanted entries' bytes by name
 */
export function unzipSafely(
  archive: Uint8Array,
  wanted: (name: string) => boolean,
  limits: UnzipLimits,
): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array[]>();
  let entryCount = 0;
  let total = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    entryCount += 1;
    if (entryCount > limits.maxEntries) {
      failure ??= new UnsafeArchiveError('too_many_entries', `more than ${limits.maxEntries} entries`);
      return;
    }
    if (!wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    entries.set(file.name, chunks);
    file.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = new UnsafeArchiveError('corrupt', error.message);
        return;
      }
      total += chunk.length;
      if (total > limits.maxTotalBytes) {
        failure = new UnsafeArchiveError('too_large_uncompressed', `expands beyond ${limits.maxTotalBytes} bytes`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  // Feed in slices so a limit stops the work early instead of after inflating the whole archive.
  const slice = 64 * 1024;
  try {
    for (let offset = 0; offset < archive.length && !failure; offset += slice) {
      unzip.push(archive.subarray(offset, offset + slice), offset + slice >= archive.length);
    }
  } catch (error) {
    failure ??= new UnsafeArchiveError('corrupt', error instanceof Error ? error.message : String(error));
  }
  if (failure) throw failure;
  const result = new Map<string, Uint8Array>();
  for (const [name, chunks] of entries) result.set(name, concat(chunks));
  return result;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
