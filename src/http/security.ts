import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import { AppError } from './errors.ts';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/** The origins this app is served from: the configured public URL and the Host the request came to. */
function trustedOrigins(request: FastifyRequest, publicUrl: string): string[] {
  const origins = [new URL(publicUrl).origin];
  if (request.host) origins.push(`${request.protocol}://${request.host}`);
  return origins;
}

/**
 * CSRF defence by origin check: a state-changing request must come from our own origin. Browsers send Origin
 * on every cross-site POST (and on same-origin fetch), so a missing Origin is accepted only when Referer proves
 * the origin, or when the request carries no cookie at all (a script's API call cannot ride a session).
 */
export function installCsrfCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!stateChanging.has(request.method)) return;
    const origin = originOf(request.headers.origin) ?? originOf(request.headers.referer);
    if (!origin) {
      if (request.headers.cookie) throw new AppError('csrf_rejected', 'State-changing requests need an Origin header');
      return;
    }
    if (!trustedOrigins(request, app.ctx.config.publicUrl).includes(origin)) {
      throw new AppError('csrf_rejected', `Requests from ${origin} are not accepted`);
    }
  });
}

/** Helmet's headers with our CSP: scripts only from our origin, never framed, no referrer across sites. */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its CSS variables in a style element at run time; scripts stay strictly 'self'.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    // HSTS only makes sense behind HTTPS; the reverse proxy sets it there.
    strictTransportSecurity: false,
  });
}
