/**
 * Allocation rounds: staff pick open calls, the engine ranks each call's applicants, then proposes the exact
 * optimum (most slots filled, then the highest total score) under each expert's capacity, each call's slots and
 * the pairs staff locked or excluded; accepting a round puts the chosen applicants on their calls' shortlists.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { AllocationInputError, allocate, allocateGreedily } from '../../matching/allocation/index.ts';
import { rankCandidates, skillPopulation } from '../../matching/ranking/index.ts';
import { recordAudit } from '../audit/service.ts';
import { applicantsOf, shortlistPairs } from '../applications/matching-feed.ts';
import type { CommandMeta } from '../applications/commands/apply.ts';
import { todayInMorocco } from '../assignments/dates.ts';
import { loadMatchableAssignments } from '../assignments/matching-feed.ts';
import { loadExpertCandidates } from '../experts/matching-feed.ts';
import { withMissions } from './candidates.ts';
import { presentComponents } from './presenter.ts';
import { loadMatchingVocabulary } from '../reference/repository.ts';
import { allocationRounds, type RoundPair, type RoundProposal } from './schema.ts';

export type AllocationRound = typeof allocationRounds.$inferSelect;

/** What staff send to run a round. */
export interface RoundRequest {
  assignmentIds: string[];
  locked: RoundPair[];
  excluded: RoundPair[];
  expertCapacity: number;
}

const pairKey = (pair: RoundPair) => `${pair.expertId}|${pair.assignmentId}`;

/** Ranks each call's applicants and solves the round; nothing is written when the input cannot hold. */
async function propose(tx: Tx, request: RoundRequest, now: Date): Promise<RoundProposal> {
  const calls = await loadMatchableAssignments(tx, request.assignmentIds);
  const notOpen = request.assignmentIds.filter((id) => !['published', 'closed'].includes(calls.get(id)?.state ?? ''));
  if (notOpen.length) {
    throw new AppError('round_assignment_not_open', 'A round takes open or closed calls only', undefined, {
      assignmentIds: notOpen,
    });
  }
  const applicants = await applicantsOf(tx, request.assignmentIds);
  const vocabulary = await loadMatchingVocabulary(tx);
  const experts = await withMissions(
    tx,
    await loadExpertCandidates(tx, { expertIds: [...new Set(applicants.map((a) => a.expertId))] }),
  );
  const byId = new Map(experts.map((expert) => [expert.id, expert]));
  const population = skillPopulation(experts, vocabulary);
  const edges: { expert: string; assignment: string; score: number }[] = [];
  const excluded: RoundProposal['excluded'] = [];
  // Why each eligible pair scores what it does, kept with the proposal so that staff read the reasons.
  const reasons = new Map<string, ReturnType<typeof presentComponents>>();
  for (const assignmentId of request.assignmentIds) {
    const call = calls.get(assignmentId)!;
    const pool = applicants
      .filter((applicant) => applicant.assignmentId === assignmentId)
      .flatMap((applicant) => byId.get(applicant.expertId) ?? []);
    const ranking = rankCandidates(call.tor, pool, {
      today: todayInMorocco(now),
      weights: call.weights,
      population,
      vocabulary,
    });
    for (const ranked of ranking.ranked) {
      edges.push({ expert: ranked.expertId, assignment: assignmentId, score: ranked.score });
      reasons.set(`${ranked.expertId}|${assignmentId}`, presentComponents(ranked.components));
    }
    for (const out of ranking.excluded)
      excluded.push({ expertId: out.expertId, assignmentId, reason: out.reasons[0]?.code ?? 'unknown' });
  }
  const edgeKeys = new Set(edges.map((edge) => `${edge.expert}|${edge.assignment}`));
  const badLock = request.locked.find((pair) => !edgeKeys.has(pairKey(pair)));
  if (badLock) {
    throw new AppError(
      'locked_pair_not_candidate',
      'A locked pair is not an eligible applicant of that call',
      undefined,
      {
        pair: badLock,
      },
    );
  }
  const instance = {
    experts: [...new Set(edges.map((edge) => edge.expert))].map((id) => ({ id, capacity: request.expertCapacity })),
    assignments: request.assignmentIds.map((id) => ({ id, slots: calls.get(id)!.slots })),
    edges,
    locked: request.locked.map((pair) => ({ expert: pair.expertId, assignment: pair.assignmentId })),
    excluded: request.excluded
      .filter((pair) => edgeKeys.has(pairKey(pair)))
      .map((pair) => ({ expert: pair.expertId, assignment: pair.assignmentId })),
  };
  let exact;
  try {
    exact = allocate(instance);
  } catch (error) {
    if (!(error instanceof AllocationInputError)) throw error;
    throw new AppError('allocation_infeasible', error.message, undefined, { entry: error.entry });
  }
  const greedy = allocateGreedily(instance);
  const lockedKeys = new Set(request.locked.map(pairKey));
  return {
    pairs: exact.pairs.map((pair) => ({
      expertId: pair.expert,
      assignmentId: pair.assignment,
      score: pair.score,
      locked: lockedKeys.has(`${pair.expert}|${pair.assignment}`),
      components: reasons.get(`${pair.expert}|${pair.assignment}`) ?? [],
    })),
    filled: exact.filled,
    slots: instance.assignments.reduce((sum, call) => sum + call.slots, 0),
    total: exact.total,
    greedy: { filled: greedy.filled, total: greedy.total },
    excluded,
  };
}

/** Runs a round and keeps it (proposed), audited. */
export async function createRound(tx: Tx, request: RoundRequest, meta: CommandMeta): Promise<AllocationRound> {
  const proposal = await propose(tx, request, meta.now);
  const [round] = await tx
    .insert(allocationRounds)
    .values({ ...request, proposal, createdBy: meta.actorId, createdAt: meta.now })
    .returning();
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'allocation_round.proposed',
    entityType: 'allocation_round',
    entityId: round!.id,
    changes: {
      assignments: { after: request.assignmentIds.length },
      filled: { after: proposal.filled },
      locked: { after: request.locked.length },
      excluded: { after: request.excluded.length },
    },
    ip: meta.ip,
  });
  return round!;
}

/** The round `id`, locked when asked, or 404. */
export async function findRound(tx: Tx, id: string, { lock = false } = {}): Promise<AllocationRound> {
  const query = tx.select().from(allocationRounds).where(eq(allocationRounds.id, id));
  const [round] = lock ? await query.for('update') : await query;
  if (!round) throw new AppError('not_found', 'No such allocation round');
  return round;
}

/**
 * Accepts the round's proposal (all its pairs, or the subset staff kept): each pair's application goes on its
 * call's shortlist, and the applicant is told. A pair outside the proposal is refused; an accepted round is final.
 */
export async function acceptRound(
  tx: Tx,
  id: string,
  pairs: RoundPair[] | undefined,
  meta: CommandMeta,
): Promise<AllocationRound & { skipped: { expertId: string; assignmentId: string; status: string | null }[] }> {
  const round = await findRound(tx, id, { lock: true });
  if (round.status === 'accepted') throw new AppError('round_already_accepted', 'This round was already accepted');
  const proposed = new Set(round.proposal.pairs.map(pairKey));
  const chosen = pairs ?? round.proposal.pairs.map(({ expertId, assignmentId }) => ({ expertId, assignmentId }));
  const foreign = chosen.findIndex((pair) => !proposed.has(pairKey(pair)));
  if (foreign >= 0) {
    throw new AppError('validation_failed', 'Accept pairs of the proposal only', [
      { path: `pairs.${foreign}`, code: 'invalid_value', message: 'This pair is not in the proposal' },
    ]);
  }
  const outcome = await shortlistPairs(tx, chosen, 'allocation_round', meta);
  const [updated] = await tx
    .update(allocationRounds)
    .set({ status: 'accepted', accepted: chosen, acceptedBy: meta.actorId, acceptedAt: meta.now })
    .where(eq(allocationRounds.id, id))
    .returning();
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'allocation_round.accepted',
    entityType: 'allocation_round',
    entityId: id,
    changes: { shortlisted: { after: outcome.shortlisted }, skipped: { after: outcome.skipped.length } },
    ip: meta.ip,
  });
  return { ...updated!, skipped: outcome.skipped };
}
