import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';
import { identityOf } from '../modules/identity/repository.ts';
import { resolveSession, sessionCookieName } from '../modules/identity/sessions.ts';

/**
 * Deny by default: every /api route must say who may call it (`config.access`), checked when routes are
 * registered. Then, on each request, the session cookie is resolved and the route's access enforced; what the
 * signed-in user may do with a given resource is the handler's policy check.
 */
export function installAuthentication(app: FastifyInstance): void {
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = (route.config as { access?: string } | undefined)?.access;
    if (access !== 'public' && access !== 'user') {
      throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[sessionCookieName];
    const access = request.routeOptions.config.access;
    // Web files, pages, /healthz and the API docs never look at the user: a browser sends the cookie with each of
    // them, and resolving it there would cost a query per asset for nothing.
    if (access === undefined) return;
    let expired = false;
    if (token) {
      const resolved = await resolveSession(app.ctx.database.db, token);
      if (resolved.status === 'ok') {
        const { user, session, grants } = resolved.value;
        request.auth = { ...identityOf(user, grants), session };
      } else {
        expired = resolved.status === 'expired';
      }
    }
    if (access !== 'user') return;
    if (!request.auth) {
      throw expired
        ? new AppError('session_expired', 'Your session has expired: sign in again')
        : new AppError('unauthenticated', 'Sign in first');
    }
    if (request.auth.mfaEnrolmentRequired && !request.routeOptions.config.allowPendingMfa) {
      throw new AppError('mfa_enrolment_required', 'Set up your authenticator app first');
    }
  });
}
