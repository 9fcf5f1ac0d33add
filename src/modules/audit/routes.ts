import { and, asc, countDistinct, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../authz/policy.ts';
import { pageOf, pageQuery } from '../../http/pagination.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { platformPolicy } from '../identity/policy.ts';
import { roleAssignments, roles, users } from '../identity/schema.ts';
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

/** The admin's views of the platform's own records: audit trail and accounts. */
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
      const actorIds = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
      const actors = actorIds.length
        ? await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, actorIds))
        : [];
      const emailOf = new Map(actors.map((actor) => [actor.id, actor.email]));
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
      const { page, pageSize, q, role, sort } = request.query;
      const conditions: SQL[] = [];
      if (q) conditions.push(or(ilike(users.name, `%${q}%`), ilike(users.email, `%${q}%`))!);
      if (role) conditions.push(eq(roleAssignments.role, role));
      const where = conditions.length ? and(...conditions) : undefined;
      const column = { name: users.name, email: users.email, createdAt: users.createdAt }[
        sort.replace('-', '') as 'name'
      ];
      const base = db
        .selectDistinct({ user: users })
        .from(users)
        .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id));
      const [rows, [total]] = await Promise.all([
        base
          .where(where)
          .orderBy(sort.startsWith('-') ? desc(column) : asc(column), asc(users.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db
          .select({ value: countDistinct(users.id) })
          .from(users)
          .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
          .where(where),
      ]);
      const ids = rows.map((row) => row.user.id);
      const grants = ids.length
        ? await db.select().from(roleAssignments).where(inArray(roleAssignments.userId, ids))
        : [];
      return {
        items: rows.map(({ user }) => ({
          id: user.id,
          email: user.email,
          name: user.name,
          status: user.status,
          locale: user.locale,
          roles: grants.filter((grant) => grant.userId === user.id).map((grant) => grant.role),
          emailVerified: user.emailVerifiedAt !== null,
          totpEnabled: user.totpEnabledAt !== null,
          createdAt: user.createdAt.toISOString(),
        })),
        total: Number(total?.value ?? 0),
        page,
        pageSize,
      };
    },
  );
};
