/**
 * Sessions of online and hybrid missions: planned by staff, the expert or the host within the mission's dates, and
 * the attendance the host records once a session has started.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../../authz/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError, fieldError } from '../../../http/errors.ts';
import { todayInMorocco } from '../../assignments/dates.ts';
import { recordAudit } from '../../audit/service.ts';
import type { MissionMeta } from '../lifecycle.ts';
import type { MissionRow } from '../repository.ts';
import { missionSessions } from '../schema.ts';
import type { SessionBody } from './schemas.ts';

export type SessionRow = typeof missionSessions.$inferSelect;

/** A closed or cancelled mission no longer changes (409 `mission_settled`). */
export function requireUnsettled(mission: MissionRow): void {
  if (mission.state === 'closed' || mission.state === 'cancelled') {
    throw new AppError('mission_settled', `The mission is ${mission.state}`);
  }
}

/** A mission's sessions, earliest first. */
export function sessionsOf(tx: Tx, missionId: string): Promise<SessionRow[]> {
  return tx
    .select()
    .from(missionSessions)
    .where(eq(missionSessions.missionId, missionId))
    .orderBy(asc(missionSessions.startsAt), asc(missionSessions.id));
}

/** What leaves the server about a session. */
export function presentSession(row: SessionRow) {
  return {
    id: row.id,
    startsAt: row.startsAt.toISOString(),
    durationMinutes: row.durationMinutes,
    topic: row.topic,
    participantsCount: row.participantsCount,
    attended: row.attended,
    attendanceRecordedAt: row.attendanceRecordedAt?.toISOString() ?? null,
  };
}

/**
 * Plans a session: only online or hybrid missions have sessions (409 `sessions_not_applicable`), a settled mission
 * none (409 `mission_settled`); its day, in Morocco, must fall within the mission's dates (`out_of_range`).
 */
export async function planSession(
  tx: Tx,
  actor: Actor,
  mission: MissionRow,
  input: SessionBody,
  meta: MissionMeta,
): Promise<SessionRow> {
  if (mission.modality === 'on_site') {
    throw new AppError('sessions_not_applicable', 'Only online and hybrid missions have sessions');
  }
  requireUnsettled(mission);
  const startsAt = new Date(input.startsAt);
  const day = todayInMorocco(startsAt);
  if (day < mission.startsOn || day > mission.endsOn) {
    throw fieldError(
      'startsAt',
      'out_of_range',
      `The session must fall within ${mission.startsOn} – ${mission.endsOn}`,
    );
  }
  const [row] = await tx
    .insert(missionSessions)
    .values({
      missionId: mission.id,
      startsAt,
      durationMinutes: input.durationMinutes,
      topic: input.topic,
      participantsCount: input.participantsCount,
      createdBy: actor.userId,
      createdAt: meta.now,
    })
    .returning();
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'mission.session_planned',
    entityType: 'mission',
    entityId: mission.id,
    changes: {
      sessionId: { after: row!.id },
      startsAt: { after: row!.startsAt.toISOString() },
      durationMinutes: { after: row!.durationMinutes },
      participantsCount: { after: row!.participantsCount },
    },
    ip: meta.ip,
  });
  return row!;
}

/**
 * Records how many attended: once the session has started (409 `session_not_started`); a later record corrects
 * the earlier one, both audited.
 */
export async function recordAttendance(
  tx: Tx,
  actor: Actor,
  mission: MissionRow,
  sessionId: string,
  attended: number,
  meta: MissionMeta,
): Promise<SessionRow> {
  const [session] = await tx
    .select()
    .from(missionSessions)
    .where(and(eq(missionSessions.id, sessionId), eq(missionSessions.missionId, mission.id)))
    .for('update');
  if (!session) throw new AppError('not_found', 'No such session');
  requireUnsettled(mission);
  if (session.startsAt > meta.now) {
    throw new AppError('session_not_started', 'Attendance is recorded once the session has started');
  }
  const [row] = await tx
    .update(missionSessions)
    .set({ attended, attendanceRecordedAt: meta.now, attendanceRecordedBy: actor.userId })
    .where(eq(missionSessions.id, session.id))
    .returning();
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'mission.attendance_recorded',
    entityType: 'mission',
    entityId: mission.id,
    changes: { sessionId: { after: session.id }, attended: { before: session.attended, after: attended } },
    ip: meta.ip,
  });
  return row!;
}
