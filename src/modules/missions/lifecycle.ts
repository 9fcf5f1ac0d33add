import { eq } from 'drizzle-orm';
import type { Actor } from '../../authz/actor.ts';
import { authorize } from '../../authz/policy.ts';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { checklistComplete } from './checklist.ts';
import { afterTransition } from './hooks.ts';
import { missionPolicy } from './policy.ts';
import { requireMission, type MissionRow } from './repository.ts';
import { missionEvaluations, missionEvents, missionReports, missions, type MissionState } from './schema.ts';

/** What every mission command needs besides the actor: the request's address, the clock, the app's address. */
export interface MissionMeta {
  ip: string | null;
  now: Date;
  /** Base address of the web app, for links in e-mails. */
  publicUrl: string;
}

/** Every move of a mission's life; anything else is `illegal_transition`. */
export const legalMoves: Record<MissionState, readonly MissionState[]> = {
  planned: ['agreed', 'cancelled'],
  agreed: ['ready', 'cancelled'],
  ready: ['agreed', 'in_progress', 'cancelled'],
  in_progress: ['reporting', 'cancelled'],
  reporting: ['closed', 'cancelled'],
  closed: [],
  cancelled: [],
};

/** Checks the conditions of a move beyond its legality; throws the code the UI explains. */
async function requireConditions(tx: Tx, mission: MissionRow, to: MissionState, reason: string | null) {
  if (to === 'cancelled' && !reason) {
    throw new AppError('reason_required', 'Say why the mission is cancelled', [
      { path: 'reason', code: 'required', message: 'A reason is required' },
    ]);
  }
  if (to === 'agreed' && !mission.agreementAcceptedAt) {
    throw new AppError('agreement_not_accepted', 'The expert accepts the agreement in the app; that makes it agreed');
  }
  if (to === 'ready') {
    const missing = await checklistComplete(tx, mission.id);
    if (missing.length) {
      throw new AppError(
        'checklist_incomplete',
        'Every checklist item must be done (or not applicable) first',
        missing.map((item) => ({ path: `checklist.${item.id}`, code: 'not_done', message: item.key })),
      );
    }
  }
  if (to === 'closed') {
    const { reportAccepted, evaluated } = await closingConditions(tx, mission.id);
    if (!reportAccepted)
      throw new AppError('report_not_accepted', 'The expert’s report must be accepted before closing');
    if (!evaluated) throw new AppError('evaluation_missing', 'The host must evaluate the mission before closing');
  }
}

/** Whether the report is accepted and the host has evaluated: what closing needs. */
async function closingConditions(tx: Tx, missionId: string) {
  const [report] = await tx
    .select({ status: missionReports.status })
    .from(missionReports)
    .where(eq(missionReports.missionId, missionId));
  const [evaluation] = await tx
    .select({ at: missionEvaluations.evaluatedAt })
    .from(missionEvaluations)
    .where(eq(missionEvaluations.missionId, missionId));
  return { reportAccepted: report?.status === 'accepted', evaluated: !!evaluation };
}

/**
 * Moves a mission to `to` in the caller's transaction: locks it, checks the expected version (409
 * `version_conflict`), the move's legality (409 `illegal_transition` with `details.from/to`), the actor's right
 * (`actor` null is the system or a command that authorized already), and the move's conditions; then writes the
 * event, bumps the version, audits `mission.transitioned`, and runs what follows the move (notices, e-mails,
 * surveys: `hooks.ts`).
 * @returns the updated row
 */
export async function transitionMission(
  tx: Tx,
  actor: Actor | null,
  id: string,
  to: MissionState,
  options: {
    reason?: string | null;
    version?: number;
    meta: MissionMeta;
    /** Who the move is recorded for when a command moves the mission on their behalf (`actor` null). */
    onBehalfOf?: string;
  },
): Promise<MissionRow> {
  const { meta } = options;
  const actorId = actor?.userId ?? options.onBehalfOf ?? null;
  const mission = await requireMission(tx, id, true);
  if (actor) authorize(actor, missionPolicy, 'mission.read', mission, { hideExistence: true });
  if (options.version !== undefined && options.version !== mission.version) {
    throw new AppError('version_conflict', 'The mission changed since you read it', undefined, {
      currentVersion: mission.version,
    });
  }
  if (!legalMoves[mission.state].includes(to)) {
    throw new AppError('illegal_transition', `A mission cannot go from ${mission.state} to ${to}`, undefined, {
      from: mission.state,
      to,
    });
  }
  if (actor) authorize(actor, missionPolicy, 'mission.manage', mission);
  const reason = options.reason?.trim() || null;
  await requireConditions(tx, mission, to, reason);
  const [updated] = await tx
    .update(missions)
    .set({
      state: to,
      version: mission.version + 1,
      updatedAt: meta.now,
      ...(to === 'cancelled' ? { cancelReason: reason } : {}),
      ...(to === 'closed' ? { closedAt: meta.now } : {}),
    })
    .where(eq(missions.id, id))
    .returning();
  await tx.insert(missionEvents).values({
    missionId: id,
    fromState: mission.state,
    toState: to,
    reason,
    actorId,
    at: meta.now,
  });
  await recordAudit(tx, {
    actorId,
    action: 'mission.transitioned',
    entityType: 'mission',
    entityId: id,
    changes: {
      state: { before: mission.state, after: to },
      version: { before: mission.version, after: mission.version + 1 },
      ...(reason ? { reason: { after: reason } } : {}),
    },
    ip: meta.ip,
  });
  await afterTransition(tx, updated!, mission.state, to, meta);
  return updated!;
}
