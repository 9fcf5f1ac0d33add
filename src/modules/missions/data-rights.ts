/**
 * Erasure's part in the missions module. A mission is a record of work the programme funded: its dates, state,
 * working days, cost lines, report and deliverables stay, linked to the anonymised account, because the donor's
 * reports and the programme's audits rest on them (the programme keeps them under its funding agreement, a legal
 * ground the erasure right yields to). What only served the person goes: the agreement's kept text, which spells
 * their name and the allowance paid to them (its fingerprint, language and date remain as the proof of acceptance),
 * and their calendar feeds, whose secret links would otherwise keep answering.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { calendarFeeds, missions } from './schema.ts';

/** Blanks what an erased expert's missions hold about them only, in the caller's transaction. */
export async function eraseMissionsOf(tx: Tx, expertId: string): Promise<void> {
  await tx.update(missions).set({ agreementText: null }).where(eq(missions.expertId, expertId));
  await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, expertId));
}
