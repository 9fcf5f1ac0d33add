import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../audit/service.ts';
import type { User } from '../repository.ts';
import { users, type Locale } from '../schema.ts';

/** A user changes their display name or language; nothing is written when nothing changes. */
export async function updateMe(
  tx: Tx,
  user: User,
  patch: { name?: string; locale?: Locale },
  ip: string,
): Promise<void> {
  const changes: Record<string, { before?: unknown; after: unknown }> = {};
  if (patch.name !== undefined && patch.name !== user.name) {
    // The audit trail outlives an erasure: it records that the name changed, never the name itself.
    changes.name = { after: 'changed' };
  }
  if (patch.locale !== undefined && patch.locale !== user.locale) {
    changes.locale = { before: user.locale, after: patch.locale };
  }
  if (!Object.keys(changes).length) return;
  await tx
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, user.id));
  await recordAudit(tx, {
    actorId: user.id,
    action: 'user.updated',
    entityType: 'user',
    entityId: user.id,
    changes,
    ip,
  });
}
