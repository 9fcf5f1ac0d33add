/**
 * Which PostgreSQL text-search configuration reads a text best. Long texts are stemmed in one configuration
 * only (stemming 500 words four times costs four times the indexing time and index size for no better recall),
 * chosen by counting frequent function words: reliable on a paragraph, useless on a short label.
 */

/** The stemming configurations the search document uses (all four ship with PostgreSQL and PGlite). */
export const searchConfigs = ['french', 'english', 'dutch', 'arabic'] as const;
export type SearchConfig = (typeof searchConfigs)[number];

const functionWords: Record<Exclude<SearchConfig, 'arabic'>, Set<string>> = {
  french: new Set('le la les des du de et en un une pour dans avec sur au aux est par qui que ce ses son'.split(' ')),
  english: new Set('the and of to in for with on is are was by as at from an this that which'.split(' ')),
  dutch: new Set('de het een en van in voor met op is zijn bij als aan door dat die naar ook'.split(' ')),
};

/** Below this many words the guess is unreliable, and the text is indexed in every Latin configuration. */
const minWordsToGuess = 12;

/**
 * The configurations to index a text with: `arabic` for Arabic script; for Latin script, the language whose
 * function words are most frequent, or all three Latin configurations when the text is too short to tell.
 */
export function configsFor(text: string): SearchConfig[] {
  const arabicLetters = text.match(/[\u0621-\u064A]/g)?.length ?? 0;
  const latinLetters = text.match(/[A-Za-zÀ-ÿ]/g)?.length ?? 0;
  if (arabicLetters > latinLetters) return ['arabic'];
  const words = text.toLowerCase().match(/[a-zà-ÿ]+/g) ?? [];
  if (words.length < minWordsToGuess) return ['french', 'english', 'dutch'];
  let best: SearchConfig = 'english';
  let bestHits = -1;
  for (const [config, list] of Object.entries(functionWords) as [SearchConfig, Set<string>][]) {
    // `de`, `en`, `in` are shared; they count for every language that has them, so ties fall to the others.
    const hits = words.reduce((n, word) => n + (list.has(word) ? 1 : 0), 0);
    if (hits > bestHits) [best, bestHits] = [config, hits];
  }
  return [best];
}
