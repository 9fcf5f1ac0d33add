/**
 * The words to show for a skill key the engine names, in the reader's language.
 */
import type { Locale } from '../identity/schema.ts';
import type { VocabularyIndex } from '../reference/skills.ts';
import { textKeyPrefix } from '../../matching/ranking/index.ts';

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
