import { and, count, eq } from 'drizzle-orm';
import type { Actor } from '../../../authz/actor.ts';
import { can } from '../../../authz/policy.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { enqueueEmail } from '../../notifications/outbox.ts';
import { callTitle, tellApplicant } from '../notify.ts';
import { applicationPolicy, type ApplicationAccess } from '../policy.ts';
import { recipient, recipientsWithRole } from '../../identity/recipients.ts';
import { loadCall, type ApplicationRow, type Call } from '../repository.ts';
import { applicationEvents, applications, type ApplicationStatus } from '../schema.ts';
import type { CommandMeta } from './apply.ts';
import { markCallFilled } from './fill.ts';

/** Until selection, the applicant may withdraw. */
export const withdrawable: readonly ApplicationStatus[] = ['submitted', 'under_review', 'shortlisted'];

/** Staff's moves through screening; `selected` confirms the host's choice. */
export const screeningMoves: Partial<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  submitted: ['under_review'],
  under_review: ['shortlisted', 'not_selected'],
  shortlisted: ['selected', 'not_selected'],
};

/** Applications are screened while the call is open or closed; a filled, cancelled or draft call is settled. */
const callAllowsChanges = (call: Call) => call.row.state === 'published' || call.row.state === 'closed';

const illegal = (from: ApplicationStatus, to: ApplicationStatus) =>
  new AppError('illegal_transition', `An application cannot go from ${from} to ${to} here`);

/**
 * Moves an application to `to`, with the event, the version, the audit and the message to the applicant: every
 * status change goes through here, so nobody waits in silence.
 */
export async function changeStatus(
  tx: Tx,
  application: ApplicationRow,
  call: Call,
  to: ApplicationStatus,
  reason: string | null,
  meta: CommandMeta,
): Promise<ApplicationRow> {
  const [updated] = await tx
    .update(applications)
    .set({ status: to, version: application.version + 1, updatedAt: meta.now })
    .where(eq(applications.id, application.id))
    .returning();
  await tx.insert(applicationEvents).values({
    applicationId: application.id,
    fromStatus: application.status,
    toStatus: to,
    reason,
    actorId: meta.actorId,
    at: meta.now,
  });
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'application.status_changed',
    entityType: 'application',
    entityId: application.id,
    changes: { status: { before: application.status, after: to } },
    ip: meta.ip,
  });
  await tellApplicant(tx, application.expertId, call, to, meta.publicUrl, reason);
  return updated!;
}

/**
 * A status change asked by `actor`: the applicant withdraws; staff screen, shortlist, turn down, and confirm the
 * host's choice. Anything else from the current status is `illegal_transition` and changes nothing.
 */
export async function transitionApplication(
  tx: Tx,
  actor: Actor,
  loaded: { application: ApplicationRow; call: Call; access: ApplicationAccess },
  to: ApplicationStatus,
  reason: string | null,
  meta: CommandMeta,
): Promise<ApplicationRow> {
  const { application, access } = loaded;
  const from = application.status;
  const asApplicant = can(actor, applicationPolicy, 'application.withdraw', access);
  const asScreener = can(actor, applicationPolicy, 'application.screen', access);
  if (!asApplicant && !asScreener) throw new AppError('forbidden', 'Not allowed to change this application');
  const allowed = asApplicant
    ? to === 'withdrawn' && withdrawable.includes(from)
    : (screeningMoves[from] ?? []).includes(to);
  if (!allowed || !callAllowsChanges(loaded.call)) throw illegal(from, to);
  if (to === 'selected') return confirmSelection(tx, loaded.application, reason, meta);
  const updated = await changeStatus(tx, application, loaded.call, to, reason, meta);
  if (to === 'withdrawn' && from === 'shortlisted') await tellStaffOfWithdrawal(tx, application, loaded.call, meta);
  return updated;
}

/**
 * Staff confirm the focal point's choice. Once as many experts are selected as the call needs, the others still
 * in the running are told they were not selected and the call is filled.
 */
async function confirmSelection(tx: Tx, application: ApplicationRow, reason: string | null, meta: CommandMeta) {
  if (!application.hostSelectedAt) throw new AppError('host_selection_missing', 'The host has not selected them');
  // The call's lock orders concurrent confirmations, so the count below is exact.
  const call = (await loadCall(tx, application.assignmentId, { lock: true }))!;
  const updated = await changeStatus(tx, application, call, 'selected', reason, meta);
  const [selected] = await tx
    .select({ value: count() })
    .from(applications)
    .where(and(eq(applications.assignmentId, call.row.id), eq(applications.status, 'selected')));
  if (Number(selected?.value ?? 0) >= call.row.expertsNeeded) {
    const others = await tx.select().from(applications).where(eq(applications.assignmentId, call.row.id)).for('update');
    for (const other of others) {
      if (withdrawable.includes(other.status)) await changeStatus(tx, other, call, 'not_selected', null, meta);
    }
    await markCallFilled(tx, call, meta);
  }
  return updated;
}

/** A shortlisted applicant withdrew: the programme officers must know, the host may be waiting for them. */
async function tellStaffOfWithdrawal(tx: Tx, application: ApplicationRow, call: Call, meta: CommandMeta) {
  const expert = await recipient(tx, application.expertId);
  const officers = await recipientsWithRole(tx, 'programme_officer', { programmeId: call.row.programmeId });
  for (const officer of officers) {
    await enqueueEmail(tx, {
      to: officer.email,
      userId: officer.userId,
      locale: officer.locale,
      template: 'application_withdrawn_staff',
      params: {
        name: officer.name,
        expert: expert?.name ?? '',
        reference: call.row.reference,
        title: callTitle(call.row, officer.locale),
        link: `${meta.publicUrl}/assignments/${call.row.id}/applications`,
      },
    });
  }
}
