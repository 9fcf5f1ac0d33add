import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { savedSearches } from '../schema.ts';

export interface SavedSearchView {
  id: string;
  name: string;
  query: Record<string, string | string[]>;
  createdAt: string;
}

const present = (row: typeof savedSearches.$inferSelect): SavedSearchView => ({
  id: row.id,
  name: row.name,
  query: row.query,
  createdAt: row.createdAt.toISOString(),
});

/** The staff member's own saved searches, oldest first. */
export async function listSavedSearches(tx: Tx, userId: string): Promise<SavedSearchView[]> {
  const rows = await tx
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.userId, userId))
    .orderBy(asc(savedSearches.createdAt), asc(savedSearches.id));
  return rows.map(present);
}

/** Saves a search for its author, audited. */
export async function createSavedSearch(
  tx: Tx,
  userId: string,
  input: { name: string; query: Record<string, string | string[]> },
  ip: string | null,
): Promise<SavedSearchView> {
  const [row] = await tx.insert(savedSearches).values({ userId, name: input.name, query: input.query }).returning();
  await recordAudit(tx, {
    actorId: userId,
    action: 'saved_search.created',
    entityType: 'saved_search',
    entityId: row!.id,
    changes: { name: { after: input.name }, query: { after: input.query } },
    ip,
  });
  return present(row!);
}

/** Deletes one of the author's own saved searches; someone else's, or a missing one, is "not found". */
export async function deleteSavedSearch(tx: Tx, userId: string, id: string, ip: string | null): Promise<void> {
  const [row] = await tx
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
    .returning();
  if (!row) throw new AppError('not_found', 'No such saved search');
  await recordAudit(tx, {
    actorId: userId,
    action: 'saved_search.deleted',
    entityType: 'saved_search',
    entityId: id,
    changes: { name: { before: row.name } },
    ip,
  });
}
