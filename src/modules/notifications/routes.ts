import { count, desc, eq, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../authz/policy.ts';
import { AppError } from '../../http/errors.ts';
import { pageOf, pageQuery } from '../../http/pagination.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { recordAudit } from '../audit/service.ts';
import { platformPolicy } from '../identity/policy.ts';
import { retryMessage } from './delivery.ts';
import { emailOutbox } from './schema.ts';

const message = z.object({
  id: z.string(),
  toAddress: z.string(),
  locale: z.string(),
  template: z.string(),
  subject: z.string(),
  textBody: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** The admin's outbox page: every e-mail the platform wrote, sent or not, and a retry for failed ones. */
export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/admin/outbox',
    {
      config: { access: 'user' },
      schema: {
        tags: ['admin'],
        summary: 'E-mails in the outbox, newest first',
        querystring: z.strictObject({ ...pageQuery, status: z.enum(['pending', 'sent', 'failed']).optional() }),
        response: { 200: pageOf(message) },
      },
    },
    async (request) => {
      authorize(requireAuth(request).actor, platformPolicy, 'outbox.list');
      const { page, pageSize, status } = request.query;
      const where: SQL | undefined = status ? eq(emailOutbox.status, status) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(emailOutbox)
          .where(where)
          .orderBy(desc(emailOutbox.createdAt))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ value: count() }).from(emailOutbox).where(where),
      ]);
      return {
        items: rows.map((row) => ({
          ...row,
          nextAttemptAt: row.nextAttemptAt.toISOString(),
          createdAt: row.createdAt.toISOString(),
          sentAt: row.sentAt?.toISOString() ?? null,
        })),
        total: Number(total?.value ?? 0),
        page,
        pageSize,
      };
    },
  );

  app.post(
    '/admin/outbox/:id/retry',
    {
      config: { access: 'user' },
      schema: {
        tags: ['admin'],
        summary: 'Send a failed e-mail again now',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      authorize(auth.actor, platformPolicy, 'outbox.retry');
      await db.transaction(async (tx) => {
        const [row] = await tx
          .select({ id: emailOutbox.id, status: emailOutbox.status })
          .from(emailOutbox)
          .where(eq(emailOutbox.id, request.params.id));
        if (!row) throw new AppError('not_found', 'No such message');
        // Only failed messages: a pending one is already queued, and may be in a worker's hands right now.
        if (!(await retryMessage(tx, row.id))) {
          throw new AppError('conflict', `This message is ${row.status}: only failed messages can be retried`);
        }
        await recordAudit(tx, {
          actorId: auth.user.id,
          action: 'outbox.retried',
          entityType: 'email',
          entityId: row.id,
          ip: request.ip,
        });
      });
      return { status: 'ok' as const };
    },
  );
};
