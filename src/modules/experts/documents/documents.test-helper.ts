import { randomBytes } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { TestApp } from '../../../../test/helpers/app.ts';

/**
 * A small valid PDF with one page showing `lines` in Helvetica, written byte by byte (objects, cross-reference
 * table, trailer), so tests need no PDF library. Latin-1 text only.
 */
export function minimalPdf(lines: string[]): Uint8Array {
  const escape = (text: string) => text.replace(/[\\()]/g, (ch) => `\\${ch}`);
  const stream = [
    'BT',
    '/F1 12 Tf',
    '14 TL',
    '72 720 Td',
    ...lines.map((line) => `(${escape(line)}) Tj T*`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>';

/** A minimal DOCX: one paragraph per entry, the text escaped as Word writes it. */
export function minimalDocx(paragraphs: string[]): Uint8Array {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`);
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${body.join('')}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8(contentTypes), 'word/document.xml': strToU8(xml) });
}

/** A zip bomb dressed as a DOCX: a `word/document.xml` of `megabytes` MB of one repeated byte, compressed. */
export function docxBomb(megabytes: number): Uint8Array {
  return zipSync(
    { '[Content_Types].xml': strToU8(contentTypes), 'word/document.xml': new Uint8Array(megabytes * 1024 * 1024) },
    { level: 9 },
  );
}

/**
 * A DOCX whose main part cannot be inflated: its names are in place (so it is recognised as a DOCX) but the first
 * byte of its compressed data declares a reserved block type.
 */
export function corruptDocx(): Uint8Array {
  const archive = minimalDocx(['A CV long enough to be compressed, '.repeat(20)]);
  const name = strToU8('word/document.xml');
  const at = Buffer.from(archive).indexOf(Buffer.from(name));
  // A local header is 30 bytes then the name, then the extra field (length at offset 28 of the header).
  const extra = archive[at - 2]! | (archive[at - 1]! << 8);
  archive[at + name.length + extra] = 0xff;
  return archive;
}

/** One part of a multipart body: a text field, or a file with its name. */
export type Part = { name: string; value: string } | { name: string; fileName: string; bytes: Uint8Array };

/** A multipart/form-data body and its content type, as a browser would send it. */
export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----passerelle${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      'fileName' in part
        ? // Browsers percent-encode quotes and line breaks in the name; the rest goes as UTF-8.
          `form-data; name="${part.name}"; filename="${part.fileName.replace(/["\r\n]/g, encodeURIComponent)}"\r\n` +
          'Content-Type: application/octet-stream'
        : `form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    chunks.push('fileName' in part ? Buffer.from(part.bytes) : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a document as the expert with `cookie`. */
export function upload(t: TestApp, cookie: string, kind: string, fileName: string, bytes: Uint8Array) {
  const body = multipart([
    { name: 'kind', value: kind },
    { name: 'file', fileName, bytes },
  ]);
  return t.request({ method: 'POST', url: '/api/experts/me/documents', cookie, ...body });
}
