import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Reference lists (countries, regions, sectors, occupations, languages) and the skills vocabulary. */
export const referenceDataRoutes: FastifyPluginAsyncZod = async () => {};
