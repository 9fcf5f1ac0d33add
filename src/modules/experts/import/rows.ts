/**
 * From a table and its column mapping to one draft per data row: the values of the mapped fields, and every
 * problem of the row (all of them, not the first only), located by spreadsheet row and column header.
 */
import type { CellValue } from '../../../files/xlsx.ts';
import type { Locale } from '../../identity/schema.ts';
import type { cefrLevels, genders } from '../schema.ts';
import { requiredFields, type ColumnMapping, type ImportField } from './fields.ts';
import { isBlankRow } from './read-table.ts';
import {
  cellText,
  readBirthDate,
  readCountries,
  readCountry,
  readEmail,
  readGender,
  readLanguages,
  readLocale,
  readOccupation,
  readPhone,
  readSectors,
  readSkills,
  readText,
  type ProblemCode,
  type Read,
} from './values.ts';

/** One problem of one row (or of the file, with `row` 1: the header). */
export interface Problem {
  /** 1-based, as the spreadsheet numbers rows; the header is row 1. */
  row: number;
  /** The column's header text, when the problem is in one cell. */
  column: string | null;
  field: ImportField | null;
  code: ProblemCode;
  message: string;
  /** Errors block the import; warnings say what was assumed. */
  severity: 'error' | 'warning';
}

/** The profile values a row gives, for the fields the file maps (absent: the file has no such column). */
export interface ImportedValues {
  firstName?: string;
  lastName?: string;
  nameAr?: string | null;
  gender?: (typeof genders)[number];
  birthDate?: string | null;
  phone?: string | null;
  nationalities?: string[];
  residenceCountry?: string | null;
  residenceCity?: string | null;
  originCountry?: string | null;
  occupation?: string | null;
  sectors?: string[];
  languages?: { language: string; level: (typeof cefrLevels)[number] }[];
  skills?: string[];
  headline?: string | null;
  locale?: Locale;
}

export interface RowDraft {
  row: number;
  email: string | null;
  values: ImportedValues;
  problems: Problem[];
}

type Reader = (cell: CellValue | undefined, today: string) => Read<unknown>;
const text = (max: number) => (cell: CellValue | undefined) => readText(cellText(cell), max);
const onText =
  <T>(read: (text: string) => Read<T>): Reader =>
  (cell) =>
    read(cellText(cell));

/** How each field's cell is read (e-mail apart: it is the key). */
const readers: Record<Exclude<ImportField, 'email'>, Reader> = {
  firstName: text(100),
  lastName: text(100),
  nameAr: text(200),
  gender: onText(readGender),
  birthDate: (cell, today) => readBirthDate(cell, today),
  phone: onText(readPhone),
  nationalities: onText(readCountries),
  residenceCountry: onText(readCountry),
  residenceCity: text(120),
  originCountry: onText(readCountry),
  occupation: onText(readOccupation),
  sectors: onText(readSectors),
  languages: onText(readLanguages),
  skills: onText(readSkills),
  headline: text(200),
  locale: onText(readLocale),
};

const requiredMessage: Partial<Record<ImportField, string>> = {
  firstName: 'The first name is required',
  lastName: 'The last name is required',
};

/**
 * Reads every data row of the table (blank rows are skipped but keep their numbers). Problems of the file itself
 * (a required field no column fills) are returned apart, once, rather than repeated on every row.
 * @param today YYYY-MM-DD, for birth dates
 */
export function draftRows(
  rows: CellValue[][],
  columns: ColumnMapping[],
  today: string,
): { drafts: RowDraft[]; fileProblems: Problem[] } {
  const mapped = columns.filter((column): column is ColumnMapping & { field: ImportField } => column.field !== null);
  const fileProblems: Problem[] = requiredFields
    .filter((field) => !mapped.some((column) => column.field === field))
    .map((field) => ({
      row: 1,
      column: null,
      field,
      code: 'missing_column',
      message: `No column gives ${field}: map one`,
      severity: 'error',
    }));
  const drafts: RowDraft[] = [];
  const firstRowOf = new Map<string, number>();
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index]!;
    if (isBlankRow(cells)) continue;
    const draft: RowDraft = { row: index + 1, email: null, values: {}, problems: [] };
    const problem = (column: ColumnMapping, code: ProblemCode, message: string, severity: Problem['severity']) =>
      draft.problems.push({ row: draft.row, column: column.header, field: column.field, code, message, severity });
    for (const column of mapped) {
      const cell = cells[column.index];
      if (column.field === 'email') {
        const read = readEmail(cellText(cell));
        if ('code' in read) problem(column, read.code, read.message, 'error');
        else draft.email = read.value;
        continue;
      }
      const read = readers[column.field](cell, today);
      if ('code' in read) {
        problem(column, read.code, read.message, 'error');
        continue;
      }
      if (read.warning) problem(column, read.warning.code, read.warning.message, 'warning');
      if (requiredFields.includes(column.field) && read.value === null) {
        problem(column, 'required', requiredMessage[column.field] ?? `${column.field} is required`, 'error');
        continue;
      }
      (draft.values as Record<string, unknown>)[column.field] = read.value;
    }
    if (draft.email) {
      const first = firstRowOf.get(draft.email);
      if (first === undefined) firstRowOf.set(draft.email, draft.row);
      else {
        const column = mapped.find((entry) => entry.field === 'email')!;
        problem(column, 'duplicate_in_file', `The same e-mail address is on row ${first}`, 'error');
      }
    }
    drafts.push(draft);
  }
  return { drafts, fileProblems };
}
