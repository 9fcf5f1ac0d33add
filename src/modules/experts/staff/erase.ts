import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { expertStaffNotes, expertTags, expertVettingChecks } from '../schema.ts';

/**
 * Deletes what staff recorded about an erased expert: notes, tags and vetting checks (with their free-text notes).
 * Erasure keeps the profile row, so the foreign keys' cascade never fires: these deletes are explicit. The
 * vetting status stays on the row, like the other anonymous figures.
 */
export async function eraseStaffSide(tx: Tx, userId: string): Promise<void> {
  for (const table of [expertStaffNotes, expertTags, expertVettingChecks]) {
    await tx.delete(table).where(eq(table.userId, userId));
  }
}
