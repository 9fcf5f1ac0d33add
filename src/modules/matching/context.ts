/**
 * What every ranking request gathers before calling the pure core: the vocabulary (built-in concepts and those
 * staff added), and the words to show for a skill key in the reader's language.
 */
import type { Tx } from '../../db/client.ts';
import type { Locale } from '../identity/schema.ts';
import { loadStaffVocabulary } from '../reference/repository.ts';
import { builtInSkillConcepts, indexVocabulary, type VocabularyIndex } from '../reference/skills.ts';
import { textKeyPrefix } from '../../matching/ranking/index.ts';

/** The built-in vocabulary with the staff's concepts after it. */
export async function matchingVocabulary(tx: Tx): Promise<VocabularyIndex> {
  const staff = await loadStaffVocabulary(tx);
  return indexVocabulary([...builtInSkillConcepts(), ...staff.concepts.values()]);
}

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
