import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../../authz/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { users } from '../../identity/schema.ts';
import { lockProfile } from '../repository.ts';
import { expertProfiles, expertVettingChecks, vettingSubjects } from '../schema.ts';
import { staffActions } from './access.ts';
import type { vettingCheckBody, vettingCheckView, vettingStatusBody, vettingView } from './schemas.ts';

type VettingView = z.infer<typeof vettingView>;
type CheckView = z.infer<typeof vettingCheckView>;
type VettingStatus = VettingView['status'];

interface Meta {
  actor: Actor;
  ip: string | null;
  now: Date;
}

async function checksOf(tx: Tx, expertId: string): Promise<CheckView[]> {
  const rows = await tx
    .select({ check: expertVettingChecks, checkerName: users.name })
    .from(expertVettingChecks)
    .leftJoin(users, eq(users.id, expertVettingChecks.checkedBy))
    .where(eq(expertVettingChecks.userId, expertId))
    .orderBy(desc(expertVettingChecks.checkedAt), desc(expertVettingChecks.id));
  return rows.map(({ check, checkerName }) => ({
    id: check.id,
    subject: check.subject,
    outcome: check.outcome,
    note: check.note,
    checkedBy: check.checkedBy ? { id: check.checkedBy, name: checkerName ?? '' } : null,
    checkedAt: check.checkedAt.toISOString(),
  }));
}

/** Whether every subject's latest check says "verified": the one condition for "vetted". */
export async function readyToVet(tx: Tx, expertId: string): Promise<boolean> {
  const checks = await checksOf(tx, expertId);
  return vettingSubjects.every((subject) => checks.find((check) => check.subject === subject)?.outcome === 'verified');
}

/** The vetting state of one expert as staff see it. */
export async function loadVetting(tx: Tx, actor: Actor, expertId: string): Promise<VettingView> {
  const [profile] = await tx
    .select({ status: expertProfiles.vettingStatus })
    .from(expertProfiles)
    .where(eq(expertProfiles.userId, expertId));
  const checks = await checksOf(tx, expertId);
  const subjects = vettingSubjects.map((subject) => {
    const history = checks.filter((check) => check.subject === subject);
    return { subject, current: history[0] ?? null, history };
  });
  return {
    status: profile?.status ?? 'unvetted',
    subjects,
    readyToVet: subjects.every((entry) => entry.current?.outcome === 'verified'),
    allowedActions: staffActions(actor, ['vetting.record', 'vetting.set_status']),
  };
}

async function setStatus(tx: Tx, expertId: string, from: VettingStatus, to: VettingStatus, meta: Meta) {
  await tx
    .update(expertProfiles)
    .set({ vettingStatus: to, updatedAt: meta.now })
    .where(eq(expertProfiles.userId, expertId));
  await recordAudit(tx, {
    actorId: meta.actor.userId,
    action: 'expert.vetting_status_changed',
    entityType: 'expert_profile',
    entityId: expertId,
    changes: { vettingStatus: { before: from, after: to } },
    ip: meta.ip,
  });
}

/**
 * Keeps "vetted" true to its rule: when a subject's latest check is no longer "verified" (a problem found later, or
 * checks brought in by a merge), a vetted expert goes back to "in review" for someone to decide again.
 */
export async function keepVettedHonest(tx: Tx, expertId: string, meta: Meta): Promise<void> {
  const [profile] = await tx
    .select({ status: expertProfiles.vettingStatus })
    .from(expertProfiles)
    .where(eq(expertProfiles.userId, expertId));
  if (profile?.status === 'vetted' && !(await readyToVet(tx, expertId))) {
    await setStatus(tx, expertId, 'vetted', 'in_review', meta);
  }
}

/** Records one check, audited with its subject and outcome (the free-text note stays out of the audit trail). */
export async function recordVettingCheck(
  tx: Tx,
  expertId: string,
  input: z.infer<typeof vettingCheckBody>,
  meta: Meta,
): Promise<void> {
  await lockProfile(tx, expertId);
  const [row] = await tx
    .insert(expertVettingChecks)
    .values({
      userId: expertId,
      subject: input.subject,
      outcome: input.outcome,
      note: input.note || null,
      checkedBy: meta.actor.userId,
      checkedAt: meta.now,
    })
    .returning({ id: expertVettingChecks.id });
  await recordAudit(tx, {
    actorId: meta.actor.userId,
    action: 'expert.vetting_checked',
    entityType: 'expert_profile',
    entityId: expertId,
    changes: { checkId: row!.id, subject: input.subject, outcome: input.outcome },
    ip: meta.ip,
  });
  await keepVettedHonest(tx, expertId, meta);
}

/**
 * Changes the vetting status. The reader says which status they saw: if a colleague changed it meanwhile, the
 * change is refused (409 vetting_status_changed) rather than silently overwriting theirs. "Vetted" needs every
 * subject's latest check verified (409 vetting_incomplete).
 */
export async function changeVettingStatus(
  tx: Tx,
  expertId: string,
  input: z.infer<typeof vettingStatusBody>,
  meta: Meta,
): Promise<void> {
  const profile = await lockProfile(tx, expertId);
  if (!profile) throw new AppError('not_found', 'Not found');
  if (profile.vettingStatus !== input.expectedStatus) {
    throw new AppError('vetting_status_changed', `The status is now ${profile.vettingStatus}`);
  }
  if (input.status === profile.vettingStatus) return;
  if (input.status === 'vetted' && !(await readyToVet(tx, expertId))) {
    throw new AppError('vetting_incomplete', 'Every subject must be verified before the expert is vetted');
  }
  await setStatus(tx, expertId, profile.vettingStatus, input.status, meta);
}
