import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/helpers/app.ts';

/** A multipart/form-data body holding one file (`file`) and text fields, as a browser's FormData sends it. */
export function multipartBody(
  file: { name: string; bytes: Uint8Array | string; type?: string },
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----passerelle${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    typeof file.bytes === 'string' ? Buffer.from(file.bytes, 'utf8') : Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** POST /api/experts/import with a file (and a mapping), as the signed-in `cookie`. */
export function postImport(
  t: TestApp,
  cookie: string,
  file: { name: string; bytes: Uint8Array | string },
  { dryRun = true, mapping }: { dryRun?: boolean; mapping?: Record<string, string | null> } = {},
): Promise<LightMyRequestResponse> {
  const body = multipartBody(file, mapping ? { mapping: JSON.stringify(mapping) } : {});
  return t.request({
    method: 'POST',
    url: `/api/experts/import?dryRun=${dryRun}`,
    cookie,
    headers: body.headers,
    payload: body.payload,
  });
}

/** A CSV text from rows of cells (quoted when needed), `,`-separated unless told otherwise. */
export function csv(rows: (string | number)[][], delimiter = ','): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return text.includes(delimiter) || /["\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((row) => row.map(cell).join(delimiter)).join('\r\n')}\r\n`;
}
