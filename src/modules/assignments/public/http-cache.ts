import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A strong ETag naming exactly these bytes. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * Public calls change a few times a day: shared caches and browsers may keep an answer a minute, then revalidate
 * with the ETag and get an empty 304 when nothing changed (what matters on a slow mobile connection). Returns true
 * when the client's copy is current; the caller then answers 304 with no body.
 */
export function cacheable(request: FastifyRequest, reply: FastifyReply, etag: string, maxAge = 60): boolean {
  reply.header('cache-control', `public, max-age=${maxAge}`).header('etag', etag).header('vary', 'accept-encoding');
  const sent = request.headers['if-none-match'];
  if (sent === undefined) return false;
  // If-None-Match compares weakly (RFC 9110 §13.1.2): a proxy that compressed the body may have added W/.
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return sent.split(',').some((tag) => strip(tag) === etag || tag.trim() === '*');
}
