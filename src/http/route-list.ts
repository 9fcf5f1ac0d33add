import type { FastifyInstance, RouteOptions } from 'fastify';
import type { RouteAccess } from './types.ts';

/** One registered route as the route walk and the OpenAPI check see it. */
export interface RouteInfo {
  method: string;
  url: string;
  /** `config.access` as declared; undefined outside /api (health, web files, API docs). */
  access: RouteAccess | undefined;
  allowPendingMfa: boolean;
  /** Whether the route validates a request body (and so must describe it in OpenAPI). */
  hasBody: boolean;
  /** Whether the route declares at least one response schema. */
  hasResponse: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered so far, one entry per method, in registration order. */
    listRoutes(): RouteInfo[];
  }
}

/**
 * Records every route as it is registered, so tests can walk the real route table (deny by default is only
 * proved if every route is checked, including ones added later). Install before any route is registered.
 */
export function installRouteList(app: FastifyInstance): void {
  // Keyed by 'METHOD url': the HEAD twin of a prefixed '/' route can be reported twice.
  const routes = new Map<string, RouteInfo>();
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = route.config as { access?: RouteAccess; allowPendingMfa?: boolean } | undefined;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const urls = [route.url];
    // A plugin's '/' route is also registered with a trailing slash ('/api/docs' and '/api/docs/'), but Fastify
    // runs onRoute hooks only for the first of the two.
    const { routePath, prefix } = route as RouteOptions & { routePath?: string; prefix?: string };
    if (routePath === '' && prefix && !app.initialConfig.ignoreTrailingSlash) urls.push(`${route.url}/`);
    for (const url of urls) {
      for (const method of methods) {
        routes.set(`${method} ${url}`, {
          method,
          url,
          access: config?.access,
          allowPendingMfa: config?.allowPendingMfa === true,
          hasBody: route.schema?.body !== undefined,
          hasResponse: route.schema?.response !== undefined,
        });
      }
    }
  });
  app.decorate('listRoutes', () => [...routes.values()].map((route) => ({ ...route })));
}
