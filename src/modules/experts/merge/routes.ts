import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../../authz/policy.ts';
import { requireAuth } from '../../../http/request-meta.ts';
import { expertStaffPolicy } from '../staff/policy.ts';
import { mergeExperts } from './merge.ts';
import { mergeBody, mergeParams, mergeResult } from './schemas.ts';

/** Merging two profiles of one person. */
export const expertMergeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.post(
    '/experts/:id/merge',
    {
      config: { access: 'user' },
      schema: {
        tags: ['experts'],
        summary: 'Merge a duplicate profile into this one, which is kept (programme officers, admins)',
        params: mergeParams,
        body: mergeBody,
        response: { 200: mergeResult },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, expertStaffPolicy, 'expert.merge');
      const meta = { actor, ip: request.ip, now: new Date() };
      return db.transaction((tx) => mergeExperts(tx, request.params.id, request.body.duplicateId, meta));
    },
  );
};
