import { ApiError } from '../../api/client.ts';

// The list itself is the server's: a plain constant with no imports, so the bundle takes it as it is.
import type { ImportField } from '../../../../src/modules/experts/import/fields.ts';
export { importFields, type ImportField } from '../../../../src/modules/experts/import/fields.ts';

/** What each row would become, in the order the summary lists them. */
export const rowOutcomes = ['create', 'update', 'unchanged', 'skipped_registered', 'error'] as const;

export interface ImportProblem {
  row: number;
  column: string | null;
  field: ImportField | null;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

/** The report of POST /api/experts/import (dry run or real). */
export interface ImportReport {
  dryRun: boolean;
  fileName: string;
  fileType: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  columns: { index: number; header: string; field: ImportField | null; detected: boolean }[];
  unmappedColumns: string[];
  counts: Record<'rows' | (typeof rowOutcomes)[number], number>;
  rows: { row: number; email: string | null; outcome: (typeof rowOutcomes)[number] }[];
  problems: ImportProblem[];
  problemCount: number;
  errorCount: number;
  importId: string | null;
}

/** header → field (null: ignore), as the `mapping` field of the upload carries it. */
export type Mapping = Record<string, ImportField | null>;

/**
 * Sends the file (multipart, so not through `api()`, which speaks JSON). A refusal because of row errors (422
 * `import_has_errors`) still carries the report, which is returned; any other failure throws an ApiError.
 */
export async function sendImport(file: File, mapping: Mapping | null, dryRun: boolean): Promise<ImportReport> {
  const form = new FormData();
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/experts/import?dryRun=${dryRun}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      body: form,
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  const payload = (await response.json().catch(() => null)) as
    | (ImportReport & { error?: undefined })
    | { error?: { code?: string; message?: string }; report?: ImportReport }
    | null;
  if (response.ok) return payload as ImportReport;
  if (payload && 'report' in payload && payload.report) return payload.report;
  const error = payload?.error;
  throw new ApiError(response.status, error?.code ?? 'internal_error', error?.message ?? response.statusText);
}
