/**
 * The host's evaluation of a mission, by its focal point, once: satisfaction per question, knowledge transferred,
 * whether the need was met, and the wish for a follow-up. The overall ratings also feed the matching engine.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../authz/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { todayInMorocco } from '../../assignments/dates.ts';
import { recordAudit } from '../../audit/service.ts';
import type { MissionMeta } from '../lifecycle.ts';
import type { MissionRow } from '../repository.ts';
import { missionEvaluations, missions } from '../schema.ts';
import type { EvaluationBody } from './schemas.ts';
import { requireUnsettled } from './sessions.ts';

export type EvaluationRow = typeof missionEvaluations.$inferSelect;

/** The mission's evaluation, if the host gave it. */
export async function findEvaluation(tx: Tx, missionId: string): Promise<EvaluationRow | undefined> {
  const [row] = await tx.select().from(missionEvaluations).where(eq(missionEvaluations.missionId, missionId));
  return row;
}

/** What leaves the server about an evaluation. */
export function presentEvaluation(row: EvaluationRow) {
  return {
    ratings: row.ratings,
    knowledgeTransferred: row.knowledgeTransferred,
    needMet: row.needMet,
    followUpWanted: row.followUpWanted,
    comment: row.comment,
    evaluatedAt: row.evaluatedAt.toISOString(),
  };
}

/**
 * Records the host's evaluation. Refused, nothing written: a settled mission (409 `mission_settled`), a second
 * evaluation (409 `evaluation_exists`), a mission neither reporting nor in progress past its last day (409
 * `mission_not_ready_for_evaluation`).
 */
export async function evaluateMission(
  tx: Tx,
  actor: Actor,
  mission: MissionRow,
  input: EvaluationBody,
  meta: MissionMeta,
): Promise<EvaluationRow> {
  requireUnsettled(mission);
  if (await findEvaluation(tx, mission.id)) throw new AppError('evaluation_exists', 'The mission is evaluated already');
  const ended = mission.state === 'in_progress' && todayInMorocco(meta.now) > mission.endsOn;
  if (mission.state !== 'reporting' && !ended) {
    throw new AppError(
      'mission_not_ready_for_evaluation',
      'The host evaluates once the mission is reporting, or in progress after its last day',
    );
  }
  const [row] = await tx
    .insert(missionEvaluations)
    .values({
      missionId: mission.id,
      ratings: input.ratings,
      knowledgeTransferred: input.knowledgeTransferred,
      needMet: input.needMet,
      followUpWanted: input.followUpWanted,
      comment: input.comment || null,
      evaluatedBy: actor.userId,
      evaluatedAt: meta.now,
    })
    // The primary key settles two focal points evaluating at once: the second gets `evaluation_exists`.
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('evaluation_exists', 'The mission is evaluated already');
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'mission.evaluated',
    entityType: 'mission',
    entityId: mission.id,
    changes: {
      ratings: { after: input.ratings },
      needMet: { after: input.needMet },
      followUpWanted: { after: input.followUpWanted },
    },
    ip: meta.ip,
  });
  return row;
}

/**
 * For the matching engine: the `overall` rating of each evaluated mission of these experts, oldest mission first.
 * Experts without an evaluated mission are absent from the map.
 */
export async function evaluationsByExpert(tx: Tx, expertIds?: readonly string[]): Promise<Map<string, number[]>> {
  const result = new Map<string, number[]>();
  if (expertIds && !expertIds.length) return result;
  const rows = await tx
    .select({ expertId: missions.expertId, ratings: missionEvaluations.ratings })
    .from(missionEvaluations)
    .innerJoin(missions, eq(missions.id, missionEvaluations.missionId))
    .where(expertIds ? inArray(missions.expertId, [...expertIds]) : undefined)
    .orderBy(missions.startsOn, missions.id);
  for (const row of rows) {
    const overall = row.ratings.overall;
    if (typeof overall !== 'number') continue;
    const list = result.get(row.expertId) ?? [];
    list.push(overall);
    result.set(row.expertId, list);
  }
  return result;
}
