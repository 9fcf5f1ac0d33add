import { and, eq, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../../authz/actor.ts';
import { authorize } from '../../../authz/policy.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError, type FieldError } from '../../../http/errors.ts';
import { loadApplication } from '../../applications/repository.ts';
import { calendarDays } from '../../assignments/dates.ts';
import { recordAudit } from '../../audit/service.ts';
import { createChecklist } from '../checklist.ts';
import type { MissionMeta } from '../lifecycle.ts';
import { tellPlanned } from '../notify.ts';
import { missionCapabilityPolicy } from '../policy.ts';
import { overlappingMissions, type MissionRow } from '../repository.ts';
import { missionEvents, missions } from '../schema.ts';
import type { MissionCreate } from '../schemas.ts';

/**
 * Serialises the mission commands of one expert (two officers planning the same expert at once), on PGlite and
 * PostgreSQL alike: the overlap check and the insert then see each other.
 */
export async function lockExpert(tx: Tx, expertId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mission-expert:${expertId}`}))`);
}

/** Dates in order, inside the ToR's window, with no more working days than the dates hold. */
export function checkDates(
  input: { startsOn: string; endsOn: string; workingDays: number },
  window: { startsOn: string; endsOn: string },
): void {
  const fields: FieldError[] = [];
  if (input.endsOn < input.startsOn) {
    fields.push({ path: 'endsOn', code: 'date_order', message: 'The mission ends before it starts' });
  }
  for (const path of ['startsOn', 'endsOn'] as const) {
    if (input[path] < window.startsOn || input[path] > window.endsOn) {
      fields.push({ path, code: 'outside_window', message: `Outside ${window.startsOn} – ${window.endsOn}` });
    }
  }
  if (!fields.length && input.workingDays > calendarDays(input.startsOn, input.endsOn)) {
    fields.push({ path: 'workingDays', code: 'out_of_range', message: 'More working days than the dates hold' });
  }
  if (fields.length) throw new AppError('validation_failed', 'The mission’s dates do not fit', fields);
}

/** Refuses dates that overlap another mission of the expert (409 `mission_overlap`, naming it). */
export async function requireNoOverlap(
  tx: Tx,
  expertId: string,
  dates: { startsOn: string; endsOn: string },
  exceptId?: string,
): Promise<void> {
  const [other] = await overlappingMissions(tx, expertId, dates.startsOn, dates.endsOn, exceptId);
  if (other) {
    throw new AppError(
      'mission_overlap',
      `The expert is on mission ${other.reference} from ${other.startsOn} to ${other.endsOn}`,
      [{ path: 'startsOn', code: 'invalid', message: other.reference }],
      { reference: other.reference, startsOn: other.startsOn, endsOn: other.endsOn },
    );
  }
}

/**
 * Makes a mission from a confirmed selection: the expert, the ToR, the host and the programme come from the
 * application; staff give the dates within the ToR's window, the working days and the host's contact. Writes the
 * standard checklist, the first event and the audit, and tells the expert (accept the agreement) and the host.
 */
export async function createMission(
  tx: Tx,
  actor: Actor,
  input: MissionCreate,
  meta: MissionMeta,
): Promise<MissionRow> {
  authorize(actor, missionCapabilityPolicy, 'mission.create');
  const found = await loadApplication(tx, input.applicationId, { lock: true });
  if (!found) throw new AppError('not_found', 'No such application');
  const { application, call } = found;
  if (application.status !== 'selected') {
    throw new AppError('application_not_selected', 'Only a confirmed selection becomes a mission');
  }
  await lockExpert(tx, application.expertId);
  const [live] = await tx
    .select({ reference: missions.reference })
    .from(missions)
    .where(and(eq(missions.applicationId, application.id), ne(missions.state, 'cancelled')));
  if (live) {
    throw new AppError('mission_exists', `This selection already has mission ${live.reference}`, undefined, {
      reference: live.reference,
    });
  }
  const tor = call.row;
  checkDates(input, { startsOn: tor.windowStartsOn, endsOn: tor.windowEndsOn });
  await requireNoOverlap(tx, application.expertId, input);
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(missions)
    .where(eq(missions.assignmentId, tor.id));
  const [mission] = await tx
    .insert(missions)
    .values({
      reference: `${tor.reference}-M${n + 1}`,
      programmeId: tor.programmeId,
      assignmentId: tor.id,
      applicationId: application.id,
      expertId: application.expertId,
      institutionId: tor.institutionId,
      modality: input.modality ?? tor.modality,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      workingDays: input.workingDays,
      country: 'MA',
      city: input.city ?? tor.city,
      hostContactName: input.hostContactName,
      hostContactEmail: input.hostContactEmail ?? null,
      hostContactPhone: input.hostContactPhone ?? null,
      createdBy: actor.userId,
      createdAt: meta.now,
      updatedAt: meta.now,
    })
    .returning();
  await tx
    .insert(missionEvents)
    .values({ missionId: mission!.id, fromState: null, toState: 'planned', actorId: actor.userId, at: meta.now });
  await createChecklist(tx, mission!);
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'mission.created',
    entityType: 'mission',
    entityId: mission!.id,
    changes: {
      reference: { after: mission!.reference },
      applicationId: { after: application.id },
      startsOn: { after: mission!.startsOn },
      endsOn: { after: mission!.endsOn },
      workingDays: { after: mission!.workingDays },
    },
    ip: meta.ip,
  });
  await tellPlanned(tx, mission!, meta);
  return mission!;
}
