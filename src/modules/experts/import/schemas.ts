import { z } from 'zod';
import { importFields } from './fields.ts';
import { rowOutcomes } from './plan.ts';
import { csvEncodings } from './read-table.ts';
import { problemCodes } from './values.ts';

/** The query string of POST /api/experts/import. */
export const importQuery = z.strictObject({
  /** `true` (the default) checks the file and reports what would happen, writing nothing; `false` imports. */
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

/**
 * The optional `mapping` text field of the upload: a JSON object from column header to profile field (or null or
 * "" to ignore the column). Columns it does not name are recognised from their headers.
 */
export const importMapping = z
  .record(z.string().max(200), z.union([z.enum(importFields), z.literal(''), z.null()]))
  .transform((mapping) => Object.fromEntries(Object.entries(mapping).map(([header, field]) => [header, field || null])))
  .superRefine((mapping, ctx) => {
    const fields = Object.values(mapping).filter(Boolean);
    const twice = fields.find((field, index) => fields.indexOf(field) !== index);
    if (twice) ctx.addIssue({ code: 'custom', message: `Two columns are mapped to ${twice}` });
  });

const problem = z.object({
  /** 1-based spreadsheet row; the header is row 1. */
  row: z.number().int(),
  /** The header of the column the problem is in, when it is in one cell. */
  column: z.string().nullable(),
  field: z.enum(importFields).nullable(),
  code: z.enum(problemCodes),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

/** What an import did or would do: the mapping used, the counts, every row's outcome and every problem. */
export const importReport = z.object({
  dryRun: z.boolean(),
  fileName: z.string(),
  fileType: z.enum(['csv', 'xlsx']),
  /** How a CSV file was decoded (null for XLSX). */
  encoding: z.enum(csvEncodings).nullable(),
  delimiter: z.enum([',', ';']).nullable(),
  columns: z.array(
    z.object({
      index: z.number().int(),
      header: z.string(),
      field: z.enum(importFields).nullable(),
      detected: z.boolean(),
    }),
  ),
  /** Headers of the columns no field takes (ignored). */
  unmappedColumns: z.array(z.string()),
  counts: z.object({
    rows: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    skipped_registered: z.number().int(),
    error: z.number().int(),
  }),
  rows: z.array(z.object({ row: z.number().int(), email: z.string().nullable(), outcome: z.enum(rowOutcomes) })),
  /** The first 10,000 problems (file problems first, then by row); `problemCount` says how many in all. */
  problems: z.array(problem),
  problemCount: z.number().int(),
  errorCount: z.number().int(),
  /** The import's record, when rows were written (not on a dry run). */
  importId: z.string().nullable(),
});
export type ImportReport = z.infer<typeof importReport>;

/**
 * 422: the import was refused because of errors (the report says which; nothing was written), or the workbook was
 * refused as unsafe (the platform's plain error).
 */
export const importRefusal = z.union([
  z.object({
    error: z.object({ code: z.literal('import_has_errors'), message: z.string() }),
    report: importReport,
  }),
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
]);
