import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import type { RequestAuth } from './types.ts';
import { sessionCookieName } from '../modules/identity/sessions.ts';

/** Where a request comes from, for rate limits, audit and e-mailed links. */
export function requestMeta(request: FastifyRequest) {
  return {
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    publicUrl: request.server.ctx.config.publicUrl,
  };
}

/** The signed-in user; routes with `access: 'user'` always have one. */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in first');
  return request.auth;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure behind HTTPS, ending with the session. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(sessionCookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.server.ctx.config.secureCookies,
    expires: expiresAt,
  });
}

/** Removes the session cookie (same attributes, or browsers keep it). */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.server.ctx.config.secureCookies,
  });
}
