import type { Tx } from '../../db/client.ts';
import { textKeyPrefix, type Explanation, type ScoreComponent } from '../../matching/ranking/index.ts';
import type { VocabularyIndex } from '../reference/skills.ts';
import type { Locale } from '../identity/schema.ts';
import { callTitle } from '../applications/notify.ts';
import { loadMatchableAssignments, type MatchableAssignment } from '../assignments/matching-feed.ts';
import { expertSummaries } from '../experts/matching-feed.ts';
import { loadMatchingVocabulary } from '../reference/repository.ts';
import type { AllocationRound } from './rounds.ts';
import type { RoundView } from './schemas.ts';

/** The label of each skill key in `locale`: a concept's preferred label, or the words of a free-text key. */
export function skillLabels(
  keys: Iterable<string>,
  vocabulary: VocabularyIndex,
  locale: Locale,
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const key of keys) {
    labels[key] = key.startsWith(textKeyPrefix)
      ? key.slice(textKeyPrefix.length)
      : (vocabulary.concepts.get(key)?.labels[locale] ?? key);
  }
  return labels;
}

/** The skill keys the explanations name, with their words in `locale`. */
export function labelsOf(
  explanations: Iterable<Explanation>,
  vocabulary: VocabularyIndex,
  locale: Locale,
): Record<string, string> {
  const keys = new Set<string>();
  for (const explanation of explanations) {
    if (explanation.code === 'skills.matched')
      for (const key of [...explanation.matched, ...explanation.missing]) keys.add(key);
  }
  return skillLabels(keys, vocabulary, locale);
}

/** A score's components as the API shows them: rounded values, the explanation as the core gave it. */
export const presentComponents = (components: readonly ScoreComponent[]) =>
  components.map((component) => ({
    name: component.name,
    value: Math.round(component.value * 1000) / 1000,
    weight: Math.round(component.weight * 1000) / 1000,
    explanation: component.explanation as { code: string },
  }));

/** A call as a short reference, titled in the reader's language. */
export const callRefOf = (assignment: MatchableAssignment, locale: Locale) => ({
  id: assignment.tor.id,
  reference: assignment.reference,
  title: callTitle(
    { titleFr: assignment.titles.fr, titleAr: assignment.titles.ar, titleEn: assignment.titles.en },
    locale,
  ),
  windowStartsOn: assignment.tor.windowStartsOn,
  windowEndsOn: assignment.tor.windowEndsOn,
});

/** A round with the names and titles staff read it by. */
export async function presentRound(
  tx: Tx,
  round: AllocationRound,
  locale: Locale,
  skipped: RoundView['skipped'] = [],
): Promise<RoundView> {
  const calls = await loadMatchableAssignments(tx, round.assignmentIds);
  const { proposal } = round;
  const experts = await expertSummaries(tx, [
    ...proposal.pairs.map((pair) => pair.expertId),
    ...proposal.excluded.map((entry) => entry.expertId),
  ]);
  const expertRef = (id: string) => ({
    id,
    ...(experts.get(id) ?? { name: '', headline: null, residenceCountry: null }),
  });
  return {
    id: round.id,
    status: round.status,
    expertCapacity: round.expertCapacity,
    calls: round.assignmentIds.flatMap((id) => {
      const call = calls.get(id);
      return call ? [{ id, reference: call.reference, title: callRefOf(call, locale).title, slots: call.slots }] : [];
    }),
    locked: round.locked,
    excluded: round.excluded,
    pairs: proposal.pairs.map((pair) => ({
      expert: expertRef(pair.expertId),
      assignmentId: pair.assignmentId,
      score: pair.score,
      locked: pair.locked,
      components: pair.components ?? [],
    })),
    filled: proposal.filled,
    slots: proposal.slots,
    total: proposal.total,
    greedy: proposal.greedy,
    ineligible: proposal.excluded.map((entry) => ({
      expert: expertRef(entry.expertId),
      assignmentId: entry.assignmentId,
      reason: entry.reason,
    })),
    skillLabels: labelsOf(
      proposal.pairs.flatMap((pair) =>
        (pair.components ?? []).map((component) => component.explanation as Explanation),
      ),
      await loadMatchingVocabulary(tx),
      locale,
    ),
    createdAt: round.createdAt.toISOString(),
    acceptedAt: round.acceptedAt?.toISOString() ?? null,
    skipped,
  };
}
