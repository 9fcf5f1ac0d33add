import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../authz/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { anonymiseAccount } from '../../identity/commands/anonymise.ts';
import { findUserById } from '../../identity/repository.ts';
import { roleAssignments } from '../../identity/schema.ts';
import { ensureProfile } from '../commands/ensure-profile.ts';
import { listConsents, loadProfileAccess, lockProfile, type ProfileRow } from '../repository.ts';
import { expertProfiles } from '../schema.ts';
import { refreshSearchIndex } from '../search-index.ts';
import { keepVettedHonest } from '../staff/vetting.ts';
import { movers } from './movers.ts';
import { fillableFields, movedKeys, type MergeResult, type MovedKey } from './schemas.ts';

interface Meta {
  actor: Actor;
  ip: string | null;
  now: Date;
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * The kept profile's empty fields, filled from the duplicate; nothing the kept profile holds is overwritten.
 * "Not vetted" counts as empty (it is the default, not a decision). The later confirmation of interest stands, with
 * the stale flag of the profile it came from.
 */
export function fillFrom(kept: ProfileRow, duplicate: ProfileRow): { patch: Partial<ProfileRow>; filled: string[] } {
  const patch: Record<string, unknown> = {};
  for (const field of fillableFields) {
    const empty = field === 'vettingStatus' ? kept.vettingStatus === 'unvetted' : isEmpty(kept[field]);
    if (empty && !isEmpty(duplicate[field]) && duplicate[field] !== kept[field]) patch[field] = duplicate[field];
  }
  if (duplicate.confirmedAt > kept.confirmedAt) {
    patch.confirmedAt = duplicate.confirmedAt;
    patch.staleSince = duplicate.staleSince;
  }
  const filled = Object.keys(patch).filter((field) => (fillableFields as readonly string[]).includes(field));
  return { patch: patch as Partial<ProfileRow>, filled };
}

/** Loads and checks one side of a merge: an expert's, not erased (409 expert_erased); unknown is 404. */
async function side(tx: Tx, id: string, actor: Actor) {
  const access = await loadProfileAccess(tx, id);
  const user = access && (await findUserById(tx, id));
  if (!access || !user) throw new AppError('not_found', `No expert ${id}`);
  if (access.erased) throw new AppError('expert_erased', `Expert ${id} is erased`);
  await ensureProfile(tx, user, actor.userId);
  return user;
}

/**
 * Folds the duplicate profile into the kept one, in the caller's transaction: every child row moves (see
 * coverage.ts and movers.ts), the kept profile's empty fields are filled, the duplicate profile row is deleted,
 * and the duplicate's account is closed: signed out, emptied of its name and e-mail, disabled, without the expert
 * role. The audit events hold ids and counts only (docs/decisions/0008-merge-keeps-survivor.md).
 */
export async function mergeExperts(tx: Tx, keptId: string, duplicateId: string, meta: Meta): Promise<MergeResult> {
  if (keptId === duplicateId) throw new AppError('merge_same_expert', 'An expert cannot be merged with themselves');
  const keptUser = await side(tx, keptId, meta.actor);
  const duplicateUser = await side(tx, duplicateId, meta.actor);
  if (keptUser.status === 'disabled') throw new AppError('account_disabled', 'The kept account is disabled');

  // Always lock in the same order, so two merges of the same pair wait for each other instead of deadlocking.
  const locked = new Map<string, ProfileRow | undefined>();
  for (const id of [keptId, duplicateId].sort()) locked.set(id, await lockProfile(tx, id));
  const kept = locked.get(keptId);
  const duplicate = locked.get(duplicateId);
  // A merge of the same pair that committed while this one waited for the locks has already removed one side.
  if (!kept || !duplicate) throw new AppError('not_found', 'The profile was merged meanwhile');

  const moved = Object.fromEntries(movedKeys.map((key) => [key, 0])) as Record<MovedKey, number>;
  for (const { key, move } of Object.values(movers)) moved[key] += await move(tx, keptId, duplicateId);

  const { patch, filled } = fillFrom(kept, duplicate);
  await tx
    .update(expertProfiles)
    .set({ ...patch, updatedAt: meta.now })
    .where(eq(expertProfiles.userId, keptId));
  const duplicateConsents = (await listConsents(tx, duplicateId)).map((consent) => ({
    purpose: consent.purpose,
    version: consent.version,
    grantedAt: consent.grantedAt.toISOString(),
    withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
  }));
  await tx.delete(expertProfiles).where(eq(expertProfiles.userId, duplicateId));
  await tx
    .delete(roleAssignments)
    .where(and(eq(roleAssignments.userId, duplicateId), eq(roleAssignments.role, 'expert')));
  await anonymiseAccount(tx, duplicateUser, meta.now);

  await refreshSearchIndex(tx, keptId);
  await keepVettedHonest(tx, keptId, meta);
  await recordAudit(tx, {
    actorId: meta.actor.userId,
    action: 'expert.merged',
    entityType: 'expert_profile',
    entityId: keptId,
    changes: { keptId, duplicateId, moved, filled, duplicateConsents },
    ip: meta.ip,
  });
  await recordAudit(tx, {
    actorId: meta.actor.userId,
    action: 'expert.merged_into',
    entityType: 'expert_profile',
    entityId: duplicateId,
    changes: { keptId },
    ip: meta.ip,
  });
  return { keptId, duplicateId, moved, filled: filled as MergeResult['filled'] };
}
