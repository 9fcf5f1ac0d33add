import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { pageOf, pageQuery } from '../../http/pagination.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { inAppNotifications } from '../notifications/schema.ts';

const tags = ['notifications'];

const noticeView = z.object({
  id: z.uuid(),
  /** What happened, as a stable key the web app translates with `params`. */
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Where to go in the web app. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const present = (row: typeof inAppNotifications.$inferSelect) => ({
  id: row.id,
  kind: row.kind,
  params: row.params,
  link: row.link,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/**
 * The in-app inbox of the signed-in user, whatever their role: every module writes notices
 * (`in_app_notifications`), this reads and marks them. Only one's own notices exist for a reader.
 */
export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/notifications',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'My in-app notices, newest first, with how many are unread',
        querystring: z.strictObject(pageQuery),
        response: { 200: pageOf(noticeView).extend({ unread: z.number().int() }) },
      },
    },
    (request) => {
      const { user } = requireAuth(request);
      const { page, pageSize } = request.query;
      return db.transaction(async (tx) => {
        const mine = eq(inAppNotifications.userId, user.id);
        const rows = await tx
          .select()
          .from(inAppNotifications)
          .where(mine)
          .orderBy(desc(inAppNotifications.createdAt), desc(inAppNotifications.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize);
        const [total] = await tx.select({ value: count() }).from(inAppNotifications).where(mine);
        const [unread] = await tx
          .select({ value: count() })
          .from(inAppNotifications)
          .where(and(mine, isNull(inAppNotifications.readAt)));
        return {
          items: rows.map(present),
          total: Number(total?.value ?? 0),
          unread: Number(unread?.value ?? 0),
          page,
          pageSize,
        };
      });
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Mark one of my notices as read',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: noticeView },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const [row] = await db
        .update(inAppNotifications)
        // Read stays read at the first time: a second click does not move the date.
        .set({ readAt: sql`coalesce(${inAppNotifications.readAt}, now())` })
        .where(and(eq(inAppNotifications.id, request.params.id), eq(inAppNotifications.userId, user.id)))
        .returning();
      if (!row) throw new AppError('not_found', 'Not found');
      return present(row);
    },
  );
};
