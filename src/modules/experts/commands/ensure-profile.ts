import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../audit/service.ts';
import { expertProfiles } from '../schema.ts';
import { refreshSearchIndex } from '../search-index.ts';

/** Splits an account name into the profile's names: the first word is the given name, the rest the family name. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const [firstName = '', ...rest] = name.trim().split(/\s+/).filter(Boolean);
  return { firstName, lastName: rest.join(' ') };
}

/**
 * Makes sure the expert has a profile row, creating it from the account's name the first time, so every expert
 * is on the roster from their first visit. Safe under concurrency: a second creator finds the row and does nothing.
 * @param actorId who caused it: the expert, or a staff member opening a profile not created yet
 * @returns whether the row was created by this call
 */
export async function ensureProfile(
  tx: Tx,
  user: { id: string; name: string },
  actorId: string = user.id,
): Promise<boolean> {
  const created = await tx
    .insert(expertProfiles)
    .values({ userId: user.id, ...splitName(user.name) })
    .onConflictDoNothing({ target: expertProfiles.userId })
    .returning({ userId: expertProfiles.userId });
  if (created.length === 0) return false;
  await refreshSearchIndex(tx, user.id);
  await recordAudit(tx, {
    actorId,
    action: 'expert.profile_created',
    entityType: 'expert_profile',
    entityId: user.id,
  });
  return true;
}
