/**
 * Transliteration-aware name keys. A name becomes a list of units (one per name word; an `abd` compound is one
 * unit), each with its possible consonant skeletons. Keys are the skeletons of every run of consecutive units
 * (so Fatimazahra meets Fatima Zahra), plus whole-name keys prefixed with `=` for duplicate detection. Two names
 * written in either script match when their keys intersect.
 */
import { arabicAlternatives, hasArabic, normaliseArabic, splitArabicAbd, stripArabicArticle } from './arabic.ts';
import { isAbdHead, latinAlternatives, latinArticles, normaliseLatin, splitAbdCompound } from './latin.ts';

/** One name word (or `abd` compound) with the skeletons it may stand for. */
export interface NameUnit {
  /** The words as written, for explanations. */
  source: string;
  /** Alternative consonant skeletons, e.g. `['lmrn', 'mrn']` for Elamrani. */
  skeletons: string[];
}

/** The parts of a person's name as a profile stores them. */
export interface NameParts {
  firstName: string;
  lastName: string;
  nameAr?: string | null | undefined;
}

/** Runs longer than this are not keyed: names rarely have more words, and keys would multiply. */
const maxRun = 6;
/** Bound on the alternative spellings kept per run. */
const maxCombinations = 16;

const collapse = (key: string) => key.replace(/(.)\1+/g, '$1');

function prefixed(head: string, skeletons: string[]): string[] {
  return skeletons.map((skeleton) => collapse(head + skeleton));
}

function latinUnits(text: string): NameUnit[] {
  const words = normaliseLatin(text).split(' ').filter(Boolean);
  const units: NameUnit[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // A lone article belongs to the next word (El Amrani = Amrani in Arabic script once ال is dropped) — unless
    // that word has no consonant to carry it, when the article is the word ("Ar Aa" keeps `r`).
    const next = words[i + 1];
    if (latinArticles.has(word) && next !== undefined && latinAlternatives(next).length) continue;
    if (isAbdHead(word) && i < words.length - 1) {
      let next = i + 1;
      while (next < words.length - 1 && latinArticles.has(words[next]!)) next++;
      units.push({
        source: words.slice(i, next + 1).join(' '),
        skeletons: prefixed('bd', latinAlternatives(words[next]!)),
      });
      i = next;
      continue;
    }
    const rest = splitAbdCompound(word);
    const skeletons = rest ? prefixed('bd', latinAlternatives(rest)) : latinAlternatives(word);
    if (skeletons.length) units.push({ source: word, skeletons });
  }
  return units;
}

function arabicUnits(text: string): NameUnit[] {
  const words = normaliseArabic(text);
  const units: NameUnit[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === 'عبد' && i < words.length - 1) {
      const next = words[i + 1]!;
      units.push({
        source: `${word} ${next}`,
        skeletons: prefixed('bd', arabicAlternatives(stripArabicArticle(next))),
      });
      i++;
      continue;
    }
    const rest = splitArabicAbd(word);
    const skeletons = rest ? prefixed('bd', arabicAlternatives(rest)) : arabicAlternatives(word);
    if (skeletons.length) units.push({ source: word, skeletons });
  }
  return units;
}

/**
 * The units of a text, each word read in its own script: a run of Latin words and a run of Arabic words are
 * processed apart, in order.
 */
export function nameUnits(text: string): NameUnit[][] {
  const runs: { arabic: boolean; words: string[] }[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const arabic = hasArabic(word);
    const last = runs.at(-1);
    if (last && last.arabic === arabic) last.words.push(word);
    else runs.push({ arabic, words: [word] });
  }
  return runs
    .map((run) => (run.arabic ? arabicUnits(run.words.join(' ')) : latinUnits(run.words.join(' '))))
    .filter((units) => units.length > 0);
}

/** Every skeleton of a run of units: the alternatives of each unit, combined, bounded by `maxCombinations`. */
function runSkeletons(units: NameUnit[]): string[] {
  let keys = [''];
  for (const unit of units) {
    keys = keys.flatMap((key) => unit.skeletons.map((skeleton) => collapse(key + skeleton)));
    if (keys.length > maxCombinations) keys = keys.slice(0, maxCombinations);
  }
  return keys;
}

/** Keys with the words they came from, for `explainNameMatch`. */
function keyedSources(text: string, { whole }: { whole: boolean }): Map<string, string> {
  const sources = new Map<string, string>();
  for (const units of nameUnits(text)) {
    for (let start = 0; start < units.length; start++) {
      for (let end = start + 1; end <= Math.min(units.length, start + maxRun); end++) {
        const run = units.slice(start, end);
        const source = run.map((unit) => unit.source).join(' ');
        for (const key of runSkeletons(run)) if (!sources.has(key)) sources.set(key, source);
      }
    }
    if (whole) for (const key of runSkeletons(units)) sources.set(`=${key}`, units.map((u) => u.source).join(' '));
  }
  return sources;
}

function fullNames(name: NameParts): string[] {
  return [`${name.firstName} ${name.lastName}`, name.nameAr ?? ''].filter((text) => text.trim().length > 0);
}

/**
 * The keys stored for a person (`expert_profiles.name_keys`): run keys of the Latin name and of the Arabic name,
 * and their whole-name keys (`=…`). Sorted, without duplicates.
 */
export function nameKeys(name: NameParts): string[] {
  const keys = new Set<string>();
  for (const text of fullNames(name)) for (const key of keyedSources(text, { whole: true }).keys()) keys.add(key);
  return [...keys].sort();
}

/**
 * The keys of a search text, to intersect with stored keys. With several words, one-letter keys (Ali → `l`) are
 * left out, as they would match too many people by chance.
 */
export function queryNameKeys(query: string): string[] {
  const keys = [...keyedSources(query, { whole: false }).keys()];
  const words = query.trim().split(/\s+/).length;
  return keys.filter((key) => words === 1 || key.length > 1).sort();
}

/**
 * How a search text matches stored names: every word's skeletons (`each`: a name matches when it has one
 * skeleton of every word, in any order), or the whole text run together (`whole`: Fatima Zahra finds
 * Fatimazahra, whose stored key is the glued one).
 */
export function nameQuery(query: string): { each: string[][]; whole: string[] } {
  const runs = nameUnits(query);
  const units = runs.flat();
  return {
    each: units.map((unit) => unit.skeletons),
    whole: units.length > 1 ? runs.flatMap((run) => runSkeletons(run)).filter((key) => key.length > 1) : [],
  };
}

/** One reason two names match: a key both produce, and the words each produced it from. */
export interface NameMatchReason {
  key: string;
  left: string;
  right: string;
}

/**
 * Why two names (or a search text and a name) match: the keys they share, with the words behind each, longest
 * key first. An empty list means they do not match.
 */
export function explainNameMatch(left: NameParts | string, right: NameParts | string): NameMatchReason[] {
  const sourcesOf = (side: NameParts | string) => {
    const merged = new Map<string, string>();
    for (const text of typeof side === 'string' ? [side] : fullNames(side)) {
      for (const [key, source] of keyedSources(text, { whole: typeof side !== 'string' })) {
        if (!merged.has(key)) merged.set(key, source);
      }
    }
    return merged;
  };
  const a = sourcesOf(left);
  const b = sourcesOf(right);
  const reasons: NameMatchReason[] = [];
  for (const [key, source] of a) {
    const other = b.get(key);
    if (other !== undefined && !key.startsWith('=')) reasons.push({ key, left: source, right: other });
  }
  return reasons.sort((x, y) => y.key.length - x.key.length || x.key.localeCompare(y.key));
}

/** True when the two names share a whole-name key: the same person's name, possibly in another script. */
export function sameFullName(left: NameParts, right: NameParts): boolean {
  const keys = new Set(nameKeys(left).filter((key) => key.startsWith('=')));
  return nameKeys(right).some((key) => keys.has(key));
}

/** The Latin name as trigram search reads it: lower case, no accents, single spaces (`name_search`). */
export function nameSearchText(name: NameParts): string {
  return normaliseLatin(`${name.firstName} ${name.lastName}`);
}
