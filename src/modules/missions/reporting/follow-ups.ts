/**
 * A follow-up of a closed mission: a virtual follow-up session (an online mission) or a repeat mission, with the
 * same expert, ToR, host and programme, keeping the link to the mission it follows (`followUpOf`).
 */
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../authz/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError, type FieldError } from '../../../http/errors.ts';
import { calendarDays, todayInMorocco } from '../../assignments/dates.ts';
import { recordAudit } from '../../audit/service.ts';
import { createChecklist } from '../checklist.ts';
import { lockExpert, requireNoOverlap } from '../commands/create.ts';
import type { MissionMeta } from '../lifecycle.ts';
import { tellPlanned } from '../notify.ts';
import type { MissionRow } from '../repository.ts';
import { missionEvents, missions } from '../schema.ts';
import type { FollowUpBody } from './schemas.ts';

/** Dates in order, not past, with no more working days than they hold; every problem on its field. */
function checkFollowUpDates(input: FollowUpBody, today: string): void {
  const fields: FieldError[] = [];
  if (input.startsOn < today) {
    fields.push({ path: 'startsOn', code: 'in_the_past', message: 'A follow-up starts today or later' });
  }
  if (input.endsOn < input.startsOn) {
    fields.push({ path: 'endsOn', code: 'date_order', message: 'The follow-up ends before it starts' });
  } else if (input.workingDays > calendarDays(input.startsOn, input.endsOn)) {
    fields.push({ path: 'workingDays', code: 'out_of_range', message: 'More working days than the dates hold' });
  }
  if (fields.length) throw new AppError('validation_failed', 'The follow-up’s dates do not fit', fields);
}

/**
 * Plans a follow-up of `closed` (locked by the caller). Refused, nothing written: a mission not closed (409
 * `mission_not_closed`), bad dates (`validation_failed`), dates overlapping another mission of the expert (409
 * `mission_overlap`). The new mission is `planned`, referenced `<closed reference>-F<n>`, with its checklist; the
 * expert and the host are told as for any new mission.
 */
export async function requestFollowUp(
  tx: Tx,
  actor: Actor,
  closed: MissionRow,
  input: FollowUpBody,
  meta: MissionMeta,
): Promise<MissionRow> {
  if (closed.state !== 'closed') throw new AppError('mission_not_closed', 'Only a closed mission is followed up');
  checkFollowUpDates(input, todayInMorocco(meta.now));
  await lockExpert(tx, closed.expertId);
  await requireNoOverlap(tx, closed.expertId, input);
  // The closed mission is locked by the caller, so two requests cannot take the same number.
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(missions)
    .where(eq(missions.followUpOf, closed.id));
  const [mission] = await tx
    .insert(missions)
    .values({
      reference: `${closed.reference}-F${n + 1}`,
      programmeId: closed.programmeId,
      assignmentId: closed.assignmentId,
      applicationId: null,
      expertId: closed.expertId,
      institutionId: closed.institutionId,
      modality: input.kind === 'virtual_session' ? 'online' : closed.modality,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      workingDays: input.workingDays,
      country: closed.country,
      city: closed.city,
      hostContactName: closed.hostContactName,
      hostContactEmail: closed.hostContactEmail,
      hostContactPhone: closed.hostContactPhone,
      followUpOf: closed.id,
      followUpKind: input.kind,
      createdBy: actor.userId,
      createdAt: meta.now,
      updatedAt: meta.now,
    })
    .returning();
  const reason = input.reason?.trim() || null;
  await tx.insert(missionEvents).values({
    missionId: mission!.id,
    fromState: null,
    toState: 'planned',
    reason,
    actorId: actor.userId,
    at: meta.now,
  });
  await createChecklist(tx, mission!);
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'mission.follow_up_requested',
    entityType: 'mission',
    entityId: mission!.id,
    changes: {
      reference: { after: mission!.reference },
      followUpOf: { after: closed.id },
      followUpKind: { after: input.kind },
      startsOn: { after: mission!.startsOn },
      endsOn: { after: mission!.endsOn },
      workingDays: { after: mission!.workingDays },
      ...(reason ? { reason: { after: reason } } : {}),
    },
    ip: meta.ip,
  });
  await tellPlanned(tx, mission!, meta);
  return mission!;
}
