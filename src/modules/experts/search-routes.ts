import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The staff roster search with facets, saved searches and likely duplicates. */
export const expertSearchRoutes: FastifyPluginAsyncZod = async () => {};
