/**
 * New dates for a mission that has not started (visas late, the host's calendar moved): the dates are checked like
 * a new mission's, the planned costs follow them (audited line by line), open checklist items move with the start,
 * and an agreement accepted for the old dates no longer holds: the mission goes back to planned and the expert
 * accepts the agreement again. The expert and the host are told by e-mail and in the app.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../authz/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { calendarDays, todayInMorocco } from '../../assignments/dates.ts';
import { findAssignment } from '../../assignments/repository.ts';
import { recordAudit } from '../../audit/service.ts';
import { shiftOpenItems } from '../checklist.ts';
import { repricePlannedLines } from '../costs/costs.ts';
import type { MissionMeta } from '../lifecycle.ts';
import { tellRescheduled } from '../notify.ts';
import type { MissionRow } from '../repository.ts';
import { missionEvents, missionSessions, missions } from '../schema.ts';
import type { MissionSchedule } from '../schemas.ts';
import { checkDates, lockExpert, requireNoOverlap } from './create.ts';

/** States whose dates may still change: the mission has not started. */
const reschedulable = new Set(['planned', 'agreed', 'ready']);

/** Sessions already planned outside the new dates would be stranded: refused (409 `sessions_outside_dates`). */
async function requireSessionsInside(tx: Tx, missionId: string, dates: { startsOn: string; endsOn: string }) {
  const sessions = await tx
    .select({ startsAt: missionSessions.startsAt })
    .from(missionSessions)
    .where(eq(missionSessions.missionId, missionId));
  // A session's day is its day in Morocco, as when it was planned.
  const outside = sessions.filter(({ startsAt }) => {
    const day = todayInMorocco(startsAt);
    return day < dates.startsOn || day > dates.endsOn;
  }).length;
  if (outside > 0) {
    throw new AppError(
      'sessions_outside_dates',
      `${outside} planned session(s) fall outside the new dates`,
      undefined,
      {
        sessions: outside,
      },
    );
  }
}

/**
 * Gives a mission new dates and working days. Refused, nothing changed: a stale `version` (409 `version_conflict`),
 * a mission already started, closed or cancelled (409 `mission_started`), dates out of order or outside the ToR's
 * window or holding fewer days than the working days (`validation_failed`), an overlap with another mission of
 * the expert (409 `mission_overlap`), sessions outside the new dates (409 `sessions_outside_dates`), no DSA or
 * currency rate for the new dates when planned costs need one (`dsa_rate_missing`, `currency_rate_missing`).
 * `mission` must be locked by the caller.
 */
export async function rescheduleMission(
  tx: Tx,
  actor: Actor,
  mission: MissionRow,
  input: MissionSchedule,
  meta: MissionMeta,
): Promise<MissionRow> {
  if (input.version !== mission.version) {
    throw new AppError('version_conflict', 'The mission changed since you read it', undefined, {
      currentVersion: mission.version,
    });
  }
  if (!reschedulable.has(mission.state)) {
    throw new AppError('mission_started', `A mission ${mission.state} keeps its dates`, undefined, {
      state: mission.state,
    });
  }
  const tor = await findAssignment(tx, mission.assignmentId);
  checkDates(input, { startsOn: tor!.windowStartsOn, endsOn: tor!.windowEndsOn });
  await lockExpert(tx, mission.expertId);
  await requireNoOverlap(tx, mission.expertId, input, mission.id);
  await requireSessionsInside(tx, mission.id, input);

  const agreementVoided = mission.agreementAcceptedAt !== null;
  const [updated] = await tx
    .update(missions)
    .set({
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      workingDays: input.workingDays,
      version: mission.version + 1,
      updatedAt: meta.now,
      ...(agreementVoided
        ? {
            state: 'planned' as const,
            agreementLanguage: null,
            agreementText: null,
            agreementSha256: null,
            agreementAcceptedAt: null,
            agreementAcceptedBy: null,
          }
        : {}),
    })
    .where(eq(missions.id, mission.id))
    .returning();
  const costMeta = { actorId: actor.userId, ip: meta.ip ?? '', now: meta.now };
  const costsRepriced = await repricePlannedLines(tx, mission, updated!, costMeta);
  // Signed days between the old start and the new one (calendarDays counts both ends).
  const itemsMoved = await shiftOpenItems(tx, mission.id, calendarDays(mission.startsOn, input.startsOn) - 1);
  if (updated!.state !== mission.state) {
    await tx.insert(missionEvents).values({
      missionId: mission.id,
      fromState: mission.state,
      toState: updated!.state,
      reason: input.reason,
      actorId: actor.userId,
      at: meta.now,
    });
  }
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'mission.rescheduled',
    entityType: 'mission',
    entityId: mission.id,
    changes: {
      startsOn: { before: mission.startsOn, after: input.startsOn },
      endsOn: { before: mission.endsOn, after: input.endsOn },
      workingDays: { before: mission.workingDays, after: input.workingDays },
      state: { before: mission.state, after: updated!.state },
      version: { before: mission.version, after: updated!.version },
      reason: { after: input.reason },
      agreementVoided,
      costsRepriced,
      checklistItemsMoved: itemsMoved,
    },
    ip: meta.ip,
  });
  await tellRescheduled(tx, updated!, mission, { reason: input.reason }, meta);
  return updated!;
}
