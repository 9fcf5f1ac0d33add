import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../authz/policy.ts';
import { pageOf, pageQuery } from '../../http/pagination.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { platformPolicy } from './policy.ts';
import { listUsers } from './repository.ts';
import { roles } from './schema.ts';

const userRow = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.string(),
  locale: z.string(),
  roles: z.array(z.string()),
  emailVerified: z.boolean(),
  totpEnabled: z.boolean(),
  createdAt: z.string(),
});

/** The admin's list of accounts. */
export const userAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/users',
    {
      config: { access: 'user' },
      schema: {
        tags: ['admin'],
        summary: 'Accounts, filtered by role or text, sorted',
        querystring: z.strictObject({
          ...pageQuery,
          q: z.string().max(200).optional(),
          role: z.enum(roles).optional(),
          sort: z.enum(['name', '-name', 'email', '-email', 'createdAt', '-createdAt']).default('name'),
        }),
        response: { 200: pageOf(userRow) },
      },
    },
    async (request) => {
      authorize(requireAuth(request).actor, platformPolicy, 'user.list');
      return listUsers(db, request.query);
    },
  );
};
