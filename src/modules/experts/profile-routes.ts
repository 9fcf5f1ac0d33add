import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The expert's own profile, consents, data export and erasure; staff and focal point reads of one profile. */
export const expertProfileRoutes: FastifyPluginAsyncZod = async () => {};
