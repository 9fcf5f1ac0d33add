import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { fileMediaTypes } from './openapi-media.ts';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { AppError } from './errors.ts';
import { installUploads } from './upload.ts';
import { installErrorHandler } from './error-handler.ts';
import { installAuthentication } from './authenticate.ts';
import { installCsrfCheck, installSecurityHeaders } from './security.ts';
import { registerModuleRoutes } from './routes.ts';
import { installRouteList } from './route-list.ts';
import { surveyPageRoutes } from '../modules/missions/surveys/page.ts';
import './types.ts';

export const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface BuildAppOptions {
  database: Database;
  config: Config;
  /** Pino logger settings; false in tests. */
  logger?: boolean | object;
}

/** The whole HTTP application: API, OpenAPI document and docs, and the web app's files. */
export async function buildApp({ database, config, logger = false }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    // JSON bodies are small forms; uploads get their own, larger limit on their routes.
    bodyLimit: 256 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.decorate('ctx', { database, config });
  installRouteList(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await installSecurityHeaders(app);
  await app.register(cookie);
  await installUploads(app);
  installCsrfCheck(app);
  installAuthentication(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Passerelle API',
        description: 'Diaspora knowledge-transfer programmes, from a host institution’s need to the donor’s report.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'passerelle_session' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: fileMediaTypes,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/healthz',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database check',
        response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) },
      },
    },
    async (_request, reply) => {
      try {
        await database.ping();
        return { status: 'ok' as const };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const });
      }
    },
  );
  typed.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(registerModuleRoutes, { prefix: '/api' });
  // The survey behind a personal link is a server-rendered page, not the web app's: its own route, so the
  // index.html fallback below never answers /survey/:token.
  await app.register(surveyPageRoutes);
  await serveWebApp(app);
  return app;
}

/** The built SPA (dist/web): files as they are, and index.html for any other page address. */
async function serveWebApp(app: FastifyInstance): Promise<void> {
  const indexFile = path.join(webRoot, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      maxAge: '1h',
      // The build writes .br and .gz copies (src/cli/web-build.ts): a slow connection gets a quarter of the bytes.
      preCompressed: true,
      setHeaders(response, filePath) {
        // Bundle files are named by their content's hash: a new build makes new names, so they never go stale.
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          response.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' && !request.url.startsWith('/api/') && !path.extname(request.url.split('?')[0]!);
    if (hasWeb && isPage) {
      return reply.header('cache-control', 'no-cache').type('text/html').send(fs.createReadStream(indexFile));
    }
    return reply
      .code(404)
      .send(new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`).toJSON());
  });
}
