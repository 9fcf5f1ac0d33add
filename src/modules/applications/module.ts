import type { FastifyPluginAsync } from 'fastify';
import { callAlertRoutes } from './alerts-routes.ts';
import { inboxRoutes } from './inbox-routes.ts';
import { applicationRoutes } from './routes.ts';
import { screeningRoutes } from './screening-routes.ts';

/** The applications area's routes: applying and selection, screening, call alerts, and the in-app inbox. */
export const applicationModuleRoutes: FastifyPluginAsync = async (app) => {
  await app.register(applicationRoutes);
  await app.register(screeningRoutes);
  await app.register(callAlertRoutes);
  await app.register(inboxRoutes);
};
