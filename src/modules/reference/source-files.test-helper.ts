/** Readers for the original reference files in ../shared/standards, used by tests to check the project's copies. */
import fs from 'node:fs';
import path from 'node:path';

export const standardsDir = path.resolve(import.meta.dirname, '../../../../shared/standards');

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines) into objects keyed by the header row. */
export function readCsv(relativePath: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(standardsDir, relativePath), 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  const [header, ...data] = rows;
  return data.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
}

/** A JSON file of the standards folder. */
export function readJson<T>(relativePath: string): T {
  return JSON.parse(fs.readFileSync(path.join(standardsDir, relativePath), 'utf8')) as T;
}

/** The items of an IATI codelist: code, status, and the name per language (`en` for the unmarked narrative). */
export function readCodelist(file: string): { code: string; status: string; names: Record<string, string> }[] {
  const xml = fs.readFileSync(path.join(standardsDir, 'iati-2.03/codelists', file), 'utf8');
  const decode = (s: string) =>
    s
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<codelist-item([^>]*)>([\s\S]*?)<\/codelist-item>/g)].map(([, attributes, body]) => {
    const names: Record<string, string> = {};
    const name = /<name>([\s\S]*?)<\/name>/.exec(body!)?.[1] ?? '';
    for (const [, lang, value] of name.matchAll(/<narrative(?: xml:lang="(\w+)")?>([\s\S]*?)<\/narrative>/g))
      names[lang ?? 'en'] = decode(value!.trim());
    return {
      code: /<code>([^<]+)<\/code>/.exec(body!)![1]!.trim(),
      status: /status="(\w+)"/.exec(attributes!)?.[1] ?? 'active',
      names,
    };
  });
}
