/**
 * The roster import, end to end: read the file, map its columns, read every row, plan against the database, and
 * (unless it is a dry run, or any row has an error) write everything in one transaction.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import { fieldError } from '../../../http/errors.ts';
import { applyImport, lockImports } from './apply.ts';
import { mapColumns, type ImportField } from './fields.ts';
import { loadExisting, planRows, reportOf } from './plan.ts';
import { readTable } from './read-table.ts';
import { draftRows } from './rows.ts';
import { importMapping, type ImportReport } from './schemas.ts';
import { cellText } from './values.ts';

/** The upload as the route received it. */
export interface ImportUpload {
  fileName: string;
  bytes: Uint8Array;
  /** The `mapping` text field, JSON, when the client sent one. */
  mapping: string | undefined;
}

/** Reads the `mapping` field; a malformed one is the request's fault (400), not a row's. */
function parseMapping(text: string | undefined): Record<string, ImportField | null> {
  if (text === undefined || text.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw fieldError('mapping', 'invalid_format', 'The mapping is not JSON');
  }
  const parsed = importMapping.safeParse(json);
  if (!parsed.success) {
    throw fieldError('mapping', 'invalid_value', parsed.error.issues[0]?.message ?? 'The mapping is not valid');
  }
  return parsed.data as Record<string, ImportField | null>;
}

/**
 * Checks a roster file and, when `dryRun` is false and no row has an error, imports it atomically.
 * @returns the report, and whether the import was refused because of errors (nothing written then)
 * @throws AppError for a file that cannot be a roster (type, size, damage) or a malformed mapping
 */
export async function importRoster(
  db: Db,
  upload: ImportUpload,
  options: { dryRun: boolean; actorId: string; ip: string | null; now: Date },
): Promise<{ report: ImportReport; refused: boolean }> {
  const mapping = parseMapping(upload.mapping);
  const table = readTable(upload.bytes);
  const headers = (table.rows[0] ?? []).map((cell) => cellText(cell));
  const columns = mapColumns(headers, mapping);
  const { drafts, fileProblems } = draftRows(table.rows, columns, options.now.toISOString().slice(0, 10));
  table.rows.length = 0;
  const emails = [...new Set(drafts.flatMap((draft) => (draft.email ? [draft.email] : [])))];
  const base = {
    dryRun: options.dryRun,
    fileName: upload.fileName,
    fileType: table.fileType,
    encoding: table.encoding,
    delimiter: table.delimiter,
    columns,
    unmappedColumns: columns.filter((column) => !column.field && column.header.trim()).map((column) => column.header),
  };

  if (options.dryRun) {
    const planned = planRows(drafts, await loadExisting(db, emails));
    return { report: { ...base, ...reportOf(planned, fileProblems), importId: null }, refused: false };
  }
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  return db.transaction(async (tx) => {
    await lockImports(tx);
    // Planned again under the lock: another import may have committed since the dry run.
    const planned = planRows(drafts, await loadExisting(tx, emails));
    const summary = reportOf(planned, fileProblems);
    if (summary.errorCount > 0) return { report: { ...base, ...summary, importId: null }, refused: true };
    const record = await applyImport(tx, planned, {
      actorId: options.actorId,
      fileName: upload.fileName,
      sha256,
      ip: options.ip,
      now: options.now,
    });
    return { report: { ...base, ...summary, importId: record.importId }, refused: false };
  });
}
