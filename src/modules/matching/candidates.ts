/**
 * Ranked candidates for a ToR (staff), and open calls ranked for an expert ("calls for you"): the modules load
 * plain data, the pure core (src/matching/ranking) ranks and explains, and this file joins the two.
 */
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import {
  rankCallsForExpert,
  rankCandidates,
  skillPopulation,
  type CandidateRanking,
  type ExpertCandidate,
  type RankedCall,
} from '../../matching/ranking/index.ts';
import { selectedWindows } from '../applications/matching-feed.ts';
import { evaluationsByExpert, missionBusy } from '../missions/matching-feed.ts';
import { loadMatchableAssignments, type MatchableAssignment } from '../assignments/matching-feed.ts';
import { todayInMorocco } from '../assignments/dates.ts';
import { loadExpertCandidates, skillHolders } from '../experts/matching-feed.ts';
import { loadMatchingVocabulary } from '../reference/repository.ts';

/**
 * Adds to the experts what other modules know of them: busy periods (missions, and selections not yet made
 * missions, elsewhere than `exceptAssignmentId`) and the hosts' evaluations of their missions.
 */
export async function withMissions(
  tx: Tx,
  experts: ExpertCandidate[],
  exceptAssignmentId?: string,
): Promise<ExpertCandidate[]> {
  const { busy: onMission, fromApplications } = await missionBusy(tx, exceptAssignmentId);
  const selected = await selectedWindows(tx, exceptAssignmentId, fromApplications);
  const evaluations = await evaluationsByExpert(tx);
  return experts.map((expert) => {
    const busy = [...(onMission.get(expert.id) ?? []), ...(selected.get(expert.id) ?? [])];
    const rated = evaluations.get(expert.id);
    if (!busy.length && !rated) return expert;
    return { ...expert, busy: [...expert.busy, ...busy], evaluations: [...expert.evaluations, ...(rated ?? [])] };
  });
}

/** The ToR `id` for matching, or 404. */
export async function matchableAssignment(tx: Tx, id: string): Promise<MatchableAssignment> {
  const found = (await loadMatchableAssignments(tx, [id])).get(id);
  if (!found) throw new AppError('not_found', 'No such Terms of Reference');
  return found;
}

/**
 * The live roster ranked for the ToR with its programme's weights: the best `limit` with their score's
 * components, the first `limit` the hard filters keep off with every reason, and the totals by reason.
 */
export async function candidatesFor(
  tx: Tx,
  assignment: MatchableAssignment,
  { limit, now }: { limit: number; now: Date },
): Promise<CandidateRanking & { vocabulary: Awaited<ReturnType<typeof loadMatchingVocabulary>> }> {
  const vocabulary = await loadMatchingVocabulary(tx);
  const roster = await withMissions(tx, await loadExpertCandidates(tx, { allLive: true }), assignment.tor.id);
  const ranking = rankCandidates(assignment.tor, roster, {
    today: todayInMorocco(now),
    weights: assignment.weights,
    population: skillPopulation(roster, vocabulary),
    vocabulary,
    limit,
    excludedLimit: limit,
  });
  return { ...ranking, vocabulary };
}

/**
 * The open calls ranked for one expert, each with its own programme's weights; calls they are kept off come back
 * with their reasons (the page says why a call is not for them).
 */
export async function callsFor(
  tx: Tx,
  expertId: string,
  now: Date,
): Promise<{
  ranked: (RankedCall & { assignment: MatchableAssignment })[];
  excluded: { assignment: MatchableAssignment; reasons: readonly { code: string }[] }[];
  vocabulary: Awaited<ReturnType<typeof loadMatchingVocabulary>>;
}> {
  const vocabulary = await loadMatchingVocabulary(tx);
  const [expert] = await withMissions(tx, await loadExpertCandidates(tx, { expertIds: [expertId] }));
  const open = await loadMatchableAssignments(tx, 'open');
  if (!expert || !open.size) return { ranked: [], excluded: [], vocabulary };
  const population = await skillHolders(tx);
  const byWeights = new Map<string, MatchableAssignment[]>();
  for (const assignment of open.values()) {
    const key = JSON.stringify(assignment.weights);
    byWeights.set(key, [...(byWeights.get(key) ?? []), assignment]);
  }
  const ranked: (RankedCall & { assignment: MatchableAssignment })[] = [];
  const excluded: { assignment: MatchableAssignment; reasons: readonly { code: string }[] }[] = [];
  for (const group of byWeights.values()) {
    const result = rankCallsForExpert(
      expert,
      group.map((assignment) => assignment.tor),
      { today: todayInMorocco(now), weights: group[0]!.weights, population, vocabulary },
    );
    for (const call of result.ranked) ranked.push({ ...call, assignment: open.get(call.torId)! });
    for (const call of result.excluded) excluded.push({ assignment: open.get(call.torId)!, reasons: call.reasons });
  }
  ranked.sort((a, b) => b.score - a.score || a.torId.localeCompare(b.torId));
  return { ranked, excluded, vocabulary };
}
