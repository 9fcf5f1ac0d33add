import type { FastifyPluginAsync } from 'fastify';
import { identityRoutes } from '../modules/identity/routes.ts';
import { userAdminRoutes } from '../modules/identity/users-routes.ts';
import { adminRoutes } from '../modules/audit/routes.ts';
import { outboxRoutes } from '../modules/notifications/routes.ts';
import { referenceRoutes } from '../modules/programmes/routes.ts';
import { expertProfileRoutes } from '../modules/experts/profile-routes.ts';
import { expertSearchRoutes } from '../modules/experts/search-routes.ts';
import { expertDocumentRoutes } from '../modules/experts/documents/routes.ts';
import { expertStaffRoutes } from '../modules/experts/staff/routes.ts';
import { expertMergeRoutes } from '../modules/experts/merge/routes.ts';
import { expertImportRoutes } from '../modules/experts/import/routes.ts';
import { expertExportRoutes } from '../modules/experts/export/routes.ts';
import { referenceDataRoutes } from '../modules/reference/routes.ts';

/** Every module's routes, under /api. Adding a module means adding its line here. */
export const registerModuleRoutes: FastifyPluginAsync = async (app) => {
  await app.register(identityRoutes);
  await app.register(userAdminRoutes);
  await app.register(adminRoutes);
  await app.register(outboxRoutes);
  await app.register(referenceRoutes);
  await app.register(referenceDataRoutes);
  await app.register(expertProfileRoutes);
  await app.register(expertSearchRoutes);
  await app.register(expertImportRoutes);
  await app.register(expertExportRoutes);
  await app.register(expertDocumentRoutes);
  await app.register(expertStaffRoutes);
  await app.register(expertMergeRoutes);
};
