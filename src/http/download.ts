import type { FastifyReply } from 'fastify';

/**
 * `attachment` with the original name: an ASCII fallback in `filename` (quotes, backslashes and anything outside
 * printable ASCII replaced) and the exact name, percent-encoded, in `filename*` (RFC 6266 / 8187), so a hostile
 * name cannot break out of the header.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends stored bytes as a download: the media type recognised at upload (never the one declared), no sniffing by
 * the browser, never cached by a shared cache.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; mediaType: string; bytes: Uint8Array },
): FastifyReply {
  return (
    reply
      .header('content-type', file.mediaType)
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      // Fastify sends a Buffer as it is, without the response serializer; the type is the documented string's.
      .send(Buffer.from(file.bytes) as unknown as string)
  );
}
