import { asc, count, desc, eq, and, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../../authz/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { fieldError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { users } from '../../identity/schema.ts';
import { expertProfiles, expertTags } from '../schema.ts';
import { staffActions } from './access.ts';
import { tagLimits, type expertTagsView, type tagCounts } from './schemas.ts';

/**
 * One spelling per tag: Unicode NFC, trimmed, lower case, runs of spaces made one, so that "Santé ", "santé" and
 * "SANTÉ" are the same tag and the facet counts add up.
 */
export function normaliseTag(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * Normalises a list of tags, drops empties and repeats, and checks the limits after normalisation (what is stored
 * is what is counted): each at most 40 characters (`tags.N` too_long), at most 20 (`tags` too_long).
 */
export function normaliseTags(raw: readonly string[]): string[] {
  const tags: string[] = [];
  raw.forEach((value, index) => {
    const tag = normaliseTag(value);
    if ([...tag].length > tagLimits.length) {
      throw fieldError(`tags.${index}`, 'too_long', `A tag has at most ${tagLimits.length} characters`);
    }
    if (tag && !tags.includes(tag)) tags.push(tag);
  });
  if (tags.length > tagLimits.count) throw fieldError('tags', 'too_long', `At most ${tagLimits.count} tags`);
  return tags;
}

/** The tags on one expert, alphabetical, with who added each. */
export async function loadTags(tx: Tx, actor: Actor, expertId: string): Promise<z.infer<typeof expertTagsView>> {
  const rows = await tx
    .select({ row: expertTags, adderName: users.name })
    .from(expertTags)
    .leftJoin(users, eq(users.id, expertTags.addedBy))
    .where(eq(expertTags.userId, expertId))
    .orderBy(asc(expertTags.tag));
  return {
    tags: rows.map(({ row, adderName }) => ({
      tag: row.tag,
      addedBy: row.addedBy ? { id: row.addedBy, name: adderName ?? '' } : null,
      addedAt: row.addedAt.toISOString(),
    })),
    allowedActions: staffActions(actor, ['tags.update']),
  };
}

/**
 * Replaces an expert's tags with the given list: tags kept keep who added them and when. Audited with the counts
 * only: a tag is staff's word about a person, and the audit trail outlives an erasure.
 */
export async function replaceTags(
  tx: Tx,
  expertId: string,
  raw: readonly string[],
  meta: { actor: Actor; ip: string | null; now: Date },
): Promise<void> {
  const wanted = normaliseTags(raw);
  const current = (
    await tx.select({ tag: expertTags.tag }).from(expertTags).where(eq(expertTags.userId, expertId))
  ).map((row) => row.tag);
  const removed = current.filter((tag) => !wanted.includes(tag));
  const added = wanted.filter((tag) => !current.includes(tag));
  if (removed.length) {
    await tx.delete(expertTags).where(and(eq(expertTags.userId, expertId), inArray(expertTags.tag, removed)));
  }
  if (added.length) {
    await tx
      .insert(expertTags)
      .values(added.map((tag) => ({ userId: expertId, tag, addedBy: meta.actor.userId, addedAt: meta.now })))
      .onConflictDoNothing();
  }
  if (!added.length && !removed.length) return;
  await recordAudit(tx, {
    actorId: meta.actor.userId,
    action: 'expert.tags_changed',
    entityType: 'expert_profile',
    entityId: expertId,
    changes: { added: added.length, removed: removed.length, count: wanted.length },
    ip: meta.ip,
  });
}

/** Every tag on a profile that is not erased, with how many experts carry it: autocomplete and the search facet. */
export async function countTags(tx: Tx): Promise<z.infer<typeof tagCounts>> {
  const value = count();
  const rows = await tx
    .select({ tag: expertTags.tag, count: value })
    .from(expertTags)
    .innerJoin(expertProfiles, eq(expertProfiles.userId, expertTags.userId))
    .where(isNull(expertProfiles.erasedAt))
    .groupBy(expertTags.tag)
    .orderBy(desc(value), asc(expertTags.tag));
  return { items: rows.map((row) => ({ tag: row.tag, count: Number(row.count) })) };
}
