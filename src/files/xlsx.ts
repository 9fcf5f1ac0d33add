/**
 * A minimal XLSX (Office Open XML spreadsheet) reader and writer: the first worksheet's cell values only, no styles,
 * formulas or dates as such. Enough to import a roster and export a search; nothing that could run in Excel is
 * ever written (every text is an inline or shared string cell, never a formula).
 */
import { strToU8, zipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { unzipSafely, type UnzipLimits } from './unzip.ts';

/** One cell's value: text, a number (Excel dates are serial day numbers), a boolean, or nothing. */
export type CellValue = string | number | boolean | null;

/** Why a workbook could not be read; `reason` is stable so callers can map it to an error code. */
export class XlsxError extends Error {
  constructor(
    readonly reason: 'not_a_workbook' | 'no_worksheet' | 'too_many_rows',
    message: string,
  ) {
    super(message);
  }
}

/** Inflating more than this is refused: 20,000 roster rows take a few tens of megabytes of XML at most. */
export const defaultXlsxLimits: UnzipLimits = { maxTotalBytes: 100 * 1024 * 1024, maxEntries: 2_000 };

type Node = Record<string, unknown>;

const arrayElements = new Set(['sheet', 'Relationship', 'row', 'c', 'si', 'r']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Values stay text: "007" must not become 7, and the cell type decides what a value is.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && arrayElements.has(name),
});

const decoder = new TextDecoder('utf-8');
const parse = (bytes: Uint8Array): Node => parser.parse(decoder.decode(bytes)) as Node;
const asArray = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : value ? [value as Node] : []);

/** The text of a `<t>` element, which the parser gives as a string or as `{#text, @_xml:space}`. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return String((value as Node)['#text'] ?? '');
  return String(value);
}

/** A shared or inline string: plain `<t>`, or rich text runs `<r><t>…</t></r>` joined. */
function stringItem(item: Node | undefined): string {
  if (!item) return '';
  if (item.t !== undefined) return textOf(item.t);
  return asArray(item.r)
    .map((run) => textOf(run.t))
    .join('');
}

/** Column index (0-based) of a cell reference such as `AB12`. */
function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

/** The path of the workbook's first sheet, resolved through the workbook's relationships. */
function firstSheetPath(parts: Map<string, Uint8Array>): string {
  const workbook = parts.get('xl/workbook.xml');
  if (!workbook) throw new XlsxError('not_a_workbook', 'No xl/workbook.xml');
  const sheet = asArray((parse(workbook).workbook as Node | undefined)?.sheets as Node | undefined)
    .flatMap((sheets) => asArray(sheets.sheet))
    .at(0);
  const relationId = sheet?.['@_r:id'] as string | undefined;
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (relationId && rels) {
    const target = asArray((parse(rels).Relationships as Node | undefined)?.Relationship).find(
      (relation) => relation['@_Id'] === relationId,
    )?.['@_Target'] as string | undefined;
    if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  // Without relationships, the conventional name of the first sheet.
  if (parts.has('xl/worksheets/sheet1.xml')) return 'xl/worksheets/sheet1.xml';
  throw new XlsxError('no_worksheet', 'The workbook has no worksheet');
}

/**
 * Reads the first worksheet of an XLSX file as rows of cell values, expanding only the parts it needs through
 * `unzipSafely` (so a zip bomb stops at `limits`). Row `i` of the result is spreadsheet row `i + 1`; missing rows
 * and cells are empty. Shared strings, inline strings, numbers, booleans and formula results are read.
 * @param maxRows rows beyond this number are refused (XlsxError `too_many_rows`)
 * @throws UnsafeArchiveError when the archive is too large once expanded, or corrupt; XlsxError when it is not a
 *   workbook
 */
export function readXlsx(
  bytes: Uint8Array,
  limits: UnzipLimits = defaultXlsxLimits,
  maxRows = 1_048_576,
): CellValue[][] {
  const parts = unzipSafely(
    bytes,
    (name) =>
      name === 'xl/workbook.xml' ||
      name === 'xl/_rels/workbook.xml.rels' ||
      name === 'xl/sharedStrings.xml' ||
      name.startsWith('xl/worksheets/'),
    limits,
  );
  const sheetBytes = parts.get(firstSheetPath(parts));
  if (!sheetBytes) throw new XlsxError('no_worksheet', 'The first worksheet is missing');
  const sharedBytes = parts.get('xl/sharedStrings.xml');
  const shared = sharedBytes ? asArray((parse(sharedBytes).sst as Node | undefined)?.si).map(stringItem) : [];
  parts.clear();

  const sheetData = ((parse(sheetBytes).worksheet as Node | undefined)?.sheetData ?? {}) as Node;
  const rows: CellValue[][] = [];
  for (const row of asArray(sheetData.row)) {
    const rowNumber = Number(row['@_r'] ?? rows.length + 1);
    // A row number far beyond the limit would otherwise allocate every empty row before it.
    if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > maxRows) {
      throw new XlsxError('too_many_rows', `More than ${maxRows} rows`);
    }
    const cells: CellValue[] = [];
    for (const cell of asArray(row.c)) {
      const reference = cell['@_r'] as string | undefined;
      const index = reference ? columnIndex(reference) : cells.length;
      cells[index] = cellValue(cell, shared);
    }
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows[rowNumber - 1] = cells;
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

function cellValue(cell: Node, shared: string[]): CellValue {
  const type = (cell['@_t'] as string | undefined) ?? 'n';
  if (type === 'inlineStr') return stringItem(cell.is as Node | undefined);
  const raw = cell.v === undefined ? undefined : textOf(cell.v);
  if (raw === undefined || raw === '') return null;
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? null;
    case 'b':
      return raw === '1' || raw === 'true';
    case 'n': {
      const number = Number(raw);
      return Number.isFinite(number) ? number : raw;
    }
    default:
      // 'str' (a formula's text result), 'e' (an error such as #N/A), 'd' (an ISO date): their text.
      return raw;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** Whether XML 1.0 can carry a character at all (C0 controls other than tab, LF and CR, U+FFFE and U+FFFF cannot). */
const isXmlChar = (code: number) =>
  code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);

/** Drops the characters XML cannot carry rather than producing a file Excel refuses to open. */
const stripInvalidXmlChars = (text: string) => [...text].filter((char) => isXmlChar(char.charCodeAt(0))).join('');

const escapeXml = (text: string) =>
  stripInvalidXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `A`, `B`, … `Z`, `AA`: the letters of a 0-based column index. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
// One font, fill, border and cell format: the least a styles part must hold for Excel to accept it.
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;

/** How to write a workbook. */
export interface XlsxWriteOptions {
  /** The worksheet's name (at most 31 characters; Excel's rule). */
  sheetName?: string;
  /** Texts in the shared strings table (as Excel writes them) instead of inline: smaller when texts repeat. */
  sharedStrings?: boolean;
}

/**
 * Writes rows as a one-sheet XLSX file. Texts are string cells (never formulas, whatever they start with), numbers
 * number cells, booleans boolean cells, null an absent cell.
 */
export function writeXlsx(rows: readonly (readonly CellValue[])[], options: XlsxWriteOptions = {}): Uint8Array {
  const sheetName = escapeXml((options.sheetName ?? 'Sheet1').slice(0, 31));
  const strings = new Map<string, number>();
  const body: string[] = [];
  rows.forEach((row, rowIndex) => {
    const cells: string[] = [];
    row.forEach((value, columnIndex) => {
      if (value === null || value === '') return;
      const ref = `${columnName(columnIndex)}${rowIndex + 1}`;
      if (typeof value === 'number' && Number.isFinite(value)) cells.push(`<c r="${ref}"><v>${value}</v></c>`);
      else if (typeof value === 'boolean') cells.push(`<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`);
      else if (options.sharedStrings) {
        const text = String(value);
        let index = strings.get(text);
        if (index === undefined) strings.set(text, (index = strings.size));
        cells.push(`<c r="${ref}" t="s"><v>${index}</v></c>`);
      } else {
        cells.push(`<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`);
      }
    });
    body.push(`<row r="${rowIndex + 1}">${cells.join('')}</row>`);
  });
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join('')}</sheetData></worksheet>`;
  const shared = [...strings.keys()].map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`);
  const sharedXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared.join('')}</sst>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  return zipSync(
    {
      '[Content_Types].xml': strToU8(contentTypes),
      '_rels/.rels': strToU8(rootRels),
      'xl/workbook.xml': strToU8(workbook),
      'xl/_rels/workbook.xml.rels': strToU8(workbookRels),
      'xl/styles.xml': strToU8(styles),
      'xl/sharedStrings.xml': strToU8(sharedXml),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    },
    { level: 6 },
  );
}
