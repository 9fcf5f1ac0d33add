import { and, desc, eq, gte, lte, count, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { auditEvents } from './schema.ts';

/** One audited change. `changes` holds before/after of the fields that matter, never secrets. */
export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, { before?: unknown; after?: unknown }> | Record<string, unknown> | null;
  ip?: string | null;
}

/** Writes an audit event; call it inside the transaction that makes the change, so both land or neither. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    changes: entry.changes ?? null,
    ip: entry.ip ?? null,
  });
}

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

/** Newest first, filtered and paginated. */
export async function listAuditEvents(tx: Tx, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.actorId) conditions.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.from) conditions.push(gte(auditEvents.at, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.at, filter.to));
  const where = conditions.length ? and(...conditions) : undefined;
  // One query after the other: inside a transaction, pg refuses overlapping queries on its one connection.
  const rows = await tx
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [total] = await tx.select({ value: count() }).from(auditEvents).where(where);
  return { rows, total: Number(total?.value ?? 0) };
}
