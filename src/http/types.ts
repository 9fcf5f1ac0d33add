import type { Identity } from '../modules/identity/repository.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { SessionWithUser } from '../modules/identity/sessions.ts';

/** What every route can reach: the database and the settings. */
export interface AppContext {
  database: Database;
  config: Config;
}

/** The signed-in user of a request and their session. */
export interface RequestAuth extends Identity {
  session: SessionWithUser['session'];
}

/**
 * Who may call a route, declared on every /api route (deny by default: a route without it fails at start-up).
 * `public`: anyone; `user`: any signed-in user, the handler then applies the resource's policy.
 */
export type RouteAccess = 'public' | 'user';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Allowed to a staff member still to enrol a second factor (me, logout, TOTP enrolment). */
    allowPendingMfa?: boolean;
  }
}
