/**
 * Skills as keys that meet across languages: a skill with a vocabulary concept is that concept's key; words typed
 * without one are mapped through the vocabulary's labels and synonyms in fr, ar, en and nl (so "ziekenhuismanagement"
 * and "gestion hospitalière" are both `hospital-management`), and words no concept knows fall back to their
 * normalised text, `text:<words>`, which matches only the same words.
 */
import { builtInSkillConcepts, indexVocabulary, type VocabularyIndex } from '../../modules/reference/skills.ts';
import { normaliseText } from '../../modules/reference/normalise.ts';
import type { SkillInput, SkillPopulation } from './types.ts';

// Built once: the built-in vocabulary is code. Kept here (not `matchSkillConcept`) to normalise each label once.
const builtIn = indexVocabulary(builtInSkillConcepts());

/** The prefix of keys made from words that match no concept. */
export const textKeyPrefix = 'text:';

function lookUp(normalised: string, vocabulary: VocabularyIndex | undefined): string | undefined {
  return vocabulary?.byTerm.get(normalised) ?? builtIn.byTerm.get(normalised);
}

/**
 * The words with a French or English plural `-s`/`-x` dropped (`systemes d information` → `systeme d
 * information`): the vocabulary's terms are singular, and people write either.
 */
function singular(normalised: string): string {
  return normalised.replace(/(\p{L}{3,})[sx](?= |$)/gu, '$1');
}

/**
 * The matching key of a label: the concept one of whose terms it is (in `vocabulary` first, then the built-in
 * one), as written or in the singular, else `text:<normalised>`; null when the label has no letters or digits.
 */
export function labelKey(label: string, vocabulary?: VocabularyIndex): string | null {
  const normalised = normaliseText(label);
  if (!normalised) return null;
  return lookUp(normalised, vocabulary) ?? lookUp(singular(normalised), vocabulary) ?? textKeyPrefix + normalised;
}

/** Distinct labels remembered before a memo starts again: bounds the memory free text can take. */
const memoLimit = 200_000;
const builtInMemo = new Map<string, string | null>();

/**
 * Resolves skills to keys, remembering labels already seen: in one ranking, many experts write the same words,
 * and normalising is the costly part.
 */
export class SkillKeys {
  private readonly memo: Map<string, string | null>;
  /**
   * With the built-in vocabulary, the memo is shared by every ranking of the process (the words experts write
   * recur from one request to the next); a staff vocabulary gets its own, since staff may change it.
   */
  constructor(private readonly vocabulary?: VocabularyIndex) {
    this.memo = vocabulary ? new Map() : builtInMemo;
  }

  /** The key of one skill: its concept when it has one, else the key of its words. */
  of(skill: SkillInput): string | null {
    if (skill.conceptId) return skill.conceptId;
    let key = this.memo.get(skill.label);
    if (key === undefined) {
      key = labelKey(skill.label, this.vocabulary);
      if (this.memo.size >= memoLimit) this.memo.clear();
      this.memo.set(skill.label, key);
    }
    return key;
  }

  /** The distinct keys of a list of skills, in first-seen order. */
  all(skills: readonly SkillInput[]): string[] {
    const keys: string[] = [];
    for (const skill of skills) {
      const key = this.of(skill);
      if (key !== null && !keys.includes(key)) keys.push(key);
    }
    return keys;
  }
}

/** Counts, over a population of experts, how many hold each skill key (each expert counted once per key). */
export function skillPopulation(
  experts: Iterable<{ skills: readonly SkillInput[] }>,
  vocabulary?: VocabularyIndex,
): SkillPopulation {
  const keys = new SkillKeys(vocabulary);
  const holders = new Map<string, number>();
  let count = 0;
  for (const expert of experts) {
    count++;
    for (const key of keys.all(expert.skills)) holders.set(key, (holders.get(key) ?? 0) + 1);
  }
  return { experts: count, holders };
}

/**
 * The rarity weight of a skill key: smoothed inverse document frequency, 1 + ln((N + 1) / (n + 1)), so a skill
 * everyone has weighs 1 and a rare one several times more. Without statistics every skill weighs 1.
 */
export function rarityWeight(key: string, population: SkillPopulation | undefined): number {
  if (!population) return 1;
  const holders = population.holders.get(key) ?? 0;
  return 1 + Math.log((population.experts + 1) / (holders + 1));
}
