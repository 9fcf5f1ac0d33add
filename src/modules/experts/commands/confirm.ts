import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../audit/service.ts';
import { expertProfiles } from '../schema.ts';
import { refreshSearchIndex } from '../search-index.ts';

/**
 * The expert confirms they are still interested: the yearly clock restarts and a stale flag is lifted, so staff
 * see the profile as current again.
 */
export async function confirmProfile(tx: Tx, userId: string, meta: { ip: string | null; now: Date }): Promise<void> {
  const [before] = await tx
    .select({ confirmedAt: expertProfiles.confirmedAt, staleSince: expertProfiles.staleSince })
    .from(expertProfiles)
    .where(eq(expertProfiles.userId, userId))
    .for('update');
  await tx
    .update(expertProfiles)
    .set({ confirmedAt: meta.now, staleSince: null, updatedAt: meta.now })
    .where(eq(expertProfiles.userId, userId));
  await refreshSearchIndex(tx, userId);
  await recordAudit(tx, {
    actorId: userId,
    action: 'expert.profile_confirmed',
    entityType: 'expert_profile',
    entityId: userId,
    changes: {
      confirmedAt: { before: before?.confirmedAt.toISOString() ?? null, after: meta.now.toISOString() },
      ...(before?.staleSince ? { stale: { before: true, after: false } } : {}),
    },
    ip: meta.ip,
  });
}
