import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../authz/policy.ts';
import { pageOf, pageQuery } from '../../http/pagination.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { platformPolicy } from '../identity/policy.ts';
import { emailsOf } from '../identity/repository.ts';
import { listAuditEvents } from './service.ts';

const auditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.unknown(),
  ip: z.string().nullable(),
});

/** The admin's view of the audit trail. */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/audit-events',
    {
      config: { access: 'user' },
      schema: {
        tags: ['admin'],
        summary: 'The audit trail, newest first, filtered',
        querystring: z.strictObject({
          ...pageQuery,
          actorId: z.uuid().optional(),
          action: z.string().max(100).optional(),
          entityType: z.string().max(100).optional(),
          entityId: z.string().max(100).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 200: pageOf(auditEvent) },
      },
    },
    async (request) => {
      authorize(requireAuth(request).actor, platformPolicy, 'audit.list');
      const { from, to, ...rest } = request.query;
      const { rows, total } = await listAuditEvents(db, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      const emailOf = await emailsOf(db, [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))]);
      return {
        items: rows.map((row) => ({
          ...row,
          at: row.at.toISOString(),
          actorEmail: row.actorId ? (emailOf.get(row.actorId) ?? null) : null,
        })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );
};
