/**
 * Writing an export as CSV or XLSX without handing a spreadsheet anything it would run: a cell whose text starts
 * with = + - @ (or a tab or carriage return) is a formula to Excel and LibreOffice, so CSV prefixes it with an
 * apostrophe (OWASP's advice) and XLSX stores every text as a string cell, which is never evaluated.
 */
import { writeXlsx } from '../../../files/xlsx.ts';
import { exportColumns, type ExportRow } from './rows.ts';

/** Whether a spreadsheet would read this text as a formula. */
export const looksLikeFormula = (text: string) => /^[=+\-@\t\r]/.test(text);

/** The text of a CSV cell: formula guard, then RFC 4180 quoting when the text needs it. */
function csvCell(value: string | null, delimiter: string): string {
  if (value === null || value === '') return '';
  const text = looksLikeFormula(value) ? `'${value}` : value;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV in UTF-8 with a byte-order mark (so Excel reads accents and Arabic right), `;`-separated (what Excel expects
 * in the French and Dutch locales staff work in), CRLF line ends, a header row of the stable column keys.
 */
export function toCsv(rows: ExportRow[], delimiter = ';'): Buffer {
  const lines = [exportColumns.join(delimiter)];
  for (const row of rows) lines.push(exportColumns.map((column) => csvCell(row[column], delimiter)).join(delimiter));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** One worksheet, header row first; every value a string cell (dates and codes stay as written). */
export function toXlsx(rows: ExportRow[]): Buffer {
  const table = [[...exportColumns], ...rows.map((row) => exportColumns.map((column) => row[column]))];
  return Buffer.from(writeXlsx(table, { sheetName: 'Experts', sharedStrings: true }));
}
