/**
 * Turns an uploaded roster file into a table of cells: XLSX (first worksheet) or CSV (any common encoding, comma
 * or semicolon). The type is recognised from the bytes, never from the file's name.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { sniffFileType } from '../../../files/sniff.ts';
import { UnsafeArchiveError } from '../../../files/unzip.ts';
import { readXlsx, XlsxError, type CellValue } from '../../../files/xlsx.ts';
import { AppError } from '../../../http/errors.ts';

/** How a CSV file's bytes were decoded. */
export const csvEncodings = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

/** The file as a table: row 0 is the header (spreadsheet row 1). */
export interface Table {
  fileType: 'csv' | 'xlsx';
  encoding: CsvEncoding | null;
  delimiter: ',' | ';' | null;
  rows: CellValue[][];
}

/** Data rows a file may hold (besides its header), and the byte size the upload route accepts. */
export const maxImportRows = 20_000;
export const maxImportBytes = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);

/**
 * Decodes text: a byte-order mark says UTF-8 or UTF-16 (LE/BE); otherwise UTF-8 when the bytes are valid UTF-8,
 * else Windows-1252 (what Excel on Windows writes when it saves "CSV" in Western Europe).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Whether decoded text looks like text rather than a binary file that happened to decode (an .exe decodes as
 * Windows-1252): no NUL at all, and hardly any other control character.
 */
function looksLikeText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) controls += 1;
  }
  return controls <= Math.max(2, text.length / 1000);
}

/** `;` when the header line has more semicolons than commas outside quotes (Excel's CSV in fr/nl), else `,`. */
function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads a roster file into a table.
 * @throws AppError `import_file_unsupported` (not CSV or XLSX: PDF, DOCX, other zip, binary), `import_file_unsafe`
 *   (an archive that expands beyond the limits or is corrupt), `import_too_many_rows`, `import_file_empty`
 */
export function readTable(bytes: Uint8Array): Table {
  const type = sniffFileType(bytes);
  if (type === 'xlsx') return { fileType: 'xlsx', encoding: null, delimiter: null, rows: readWorkbook(bytes) };
  if (type !== 'unknown') {
    throw new AppError('import_file_unsupported', `A ${type.toUpperCase()} file is not a roster: send CSV or XLSX`);
  }
  const { text, encoding } = decodeText(bytes);
  if (!looksLikeText(text)) throw new AppError('import_file_unsupported', 'This file is neither CSV nor XLSX');
  const delimiter = detectDelimiter(text);
  let rows: string[][];
  try {
    rows = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (error) {
    throw new AppError('import_file_unsupported', `The CSV file cannot be read: ${(error as Error).message}`);
  }
  return checkSize({ fileType: 'csv', encoding, delimiter, rows });
}

function readWorkbook(bytes: Uint8Array): CellValue[][] {
  try {
    return checkSize({
      fileType: 'xlsx',
      encoding: null,
      delimiter: null,
      rows: readXlsx(bytes, undefined, maxImportRows + 1),
    }).rows;
  } catch (error) {
    if (error instanceof UnsafeArchiveError) {
      throw new AppError(
        'import_file_unsafe',
        error.reason === 'corrupt' ? 'The workbook is damaged' : `The workbook is refused: ${error.message}`,
      );
    }
    if (error instanceof XlsxError) {
      if (error.reason === 'too_many_rows') throw tooManyRows();
      throw new AppError('import_file_unsupported', error.message);
    }
    throw error;
  }
}

const tooManyRows = () => new AppError('import_too_many_rows', `A file may hold at most ${maxImportRows} rows`);

const isBlank = (value: CellValue | undefined) => value === null || value === undefined || String(value).trim() === '';

function checkSize(table: Table): Table {
  // Trailing empty rows (a spreadsheet's formatting often leaves some) are not rows of the roster.
  while (table.rows.length && table.rows.at(-1)!.every(isBlank)) table.rows.pop();
  if (table.rows.length === 0 || table.rows[0]!.every(isBlank)) {
    throw new AppError('import_file_empty', 'The file has no header row');
  }
  if (table.rows.length - 1 > maxImportRows) throw tooManyRows();
  return table;
}

/** Whether a row holds nothing at all (skipped, but keeps its number). */
export const isBlankRow = (row: CellValue[]) => row.every(isBlank);
