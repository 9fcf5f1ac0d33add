import type { Locale } from '../../reference/data/types.ts';
import { normaliseText } from '../../reference/normalise.ts';
import { builtInSkillConcepts, indexVocabulary, type VocabularyIndex } from '../../reference/skills.ts';

/** A vocabulary concept found in a CV, labelled in the reader's language. */
export interface CvSkillSuggestion {
  key: string;
  label: string;
  /** How often its terms occur in the text. */
  occurrences: number;
}

/** The most suggestions shown at once: more is a list nobody reads. */
export const maxCvSuggestions = 20;

/**
 * Terms shorter than this (after normalisation) are not looked for: three letters ("mbo", "GIS") match too many
 * unrelated words of a long text to be worth suggesting.
 */
const minTermLength = 4;

const builtIn = indexVocabulary(builtInSkillConcepts());

/** The longest term of an index, in words: the n-grams of the text need go no longer. */
const longestTerm = (index: VocabularyIndex) =>
  index.terms.reduce((longest, term) => Math.max(longest, term.normalised.split(' ').length), 1);

/**
 * Concepts of the skills vocabulary whose label or a synonym, in any of the four languages, appears in `text`
 * as whole words (after the same normalisation as typed skills: case, accents, Arabic letter variants). At each
 * word, the longest n-gram found in the vocabulary's exact-match map wins, so the cost is linear in the text.
 * Concepts in `exclude` (the expert's skills) are left out; the most frequent come first.
 * @param extra staff-added concepts, searched after the built-in ones
 */
export function suggestSkillsFromText(
  text: string,
  locale: Locale,
  exclude: ReadonlySet<string>,
  extra: VocabularyIndex | null = null,
): CvSkillSuggestion[] {
  const words = normaliseText(text).split(' ').filter(Boolean);
  const indexes = [builtIn, extra].filter((entry): entry is VocabularyIndex => entry !== null);
  const span = Math.max(...indexes.map(longestTerm));
  const lookup = (gram: string) => {
    for (const index of indexes) {
      const key = index.byTerm.get(gram);
      // A staff concept never shadows a built-in one of the same key.
      if (key && (index === builtIn || !builtIn.concepts.has(key))) return key;
    }
    return undefined;
  };
  const found = new Map<string, { occurrences: number; first: number }>();
  // Longest match first, then past it: "drip irrigation" counts once, not again as "irrigation".
  for (let start = 0; start < words.length;) {
    let matched: { key: string; size: number } | null = null;
    for (let size = Math.min(span, words.length - start); size >= 1 && !matched; size -= 1) {
      const gram = words.slice(start, start + size).join(' ');
      const key = gram.length >= minTermLength ? lookup(gram) : undefined;
      if (key) matched = { key, size };
    }
    if (!matched) {
      start += 1;
      continue;
    }
    const at = start;
    start += matched.size;
    if (exclude.has(matched.key)) continue;
    const entry = found.get(matched.key);
    if (entry) entry.occurrences += 1;
    else found.set(matched.key, { occurrences: 1, first: at });
  }
  const conceptOf = (key: string) => builtIn.concepts.get(key) ?? extra?.concepts.get(key);
  return [...found.entries()]
    .sort(([, a], [, b]) => b.occurrences - a.occurrences || a.first - b.first)
    .slice(0, maxCvSuggestions)
    .map(([key, { occurrences }]) => ({ key, label: conceptOf(key)!.labels[locale], occurrences }));
}
