/**
 * The skills vocabulary: concepts with labels and synonyms in fr, ar, en and nl. `matchSkillConcept` maps the
 * words an expert typed to a concept key, or null when none fits; `suggestSkills` ranks concepts for
 * "suggestions as you type". Built-in concepts live in data/skills.ts; staff add others in `skill_concepts`.
 */
import { skillVocabulary } from './data/skills.ts';
import { locales, type Locale, type SkillConcept } from './data/types.ts';
import { normaliseText } from './normalise.ts';

/** One way of writing a concept: a label or synonym in one locale, with its normalised form. */
interface Term {
  concept: SkillConcept;
  locale: Locale;
  text: string;
  normalised: string;
  preferred: boolean;
}

/** Terms of a set of concepts, and the exact-match map from normalised term to concept key. */
export interface VocabularyIndex {
  terms: Term[];
  byTerm: Map<string, string>;
  concepts: Map<string, SkillConcept>;
}

/** Indexes concepts; where two concepts share a term, the first one listed keeps it. */
export function indexVocabulary(concepts: readonly SkillConcept[]): VocabularyIndex {
  const index: VocabularyIndex = { terms: [], byTerm: new Map(), concepts: new Map() };
  for (const concept of concepts) {
    if (index.concepts.has(concept.key)) continue;
    index.concepts.set(concept.key, concept);
    for (const locale of locales) {
      const texts = [concept.labels[locale], ...(concept.synonyms[locale] ?? [])];
      texts.forEach((text, i) => {
        const normalised = normaliseText(text);
        if (!normalised) return;
        index.terms.push({ concept, locale, text, normalised, preferred: i === 0 });
        if (!index.byTerm.has(normalised)) index.byTerm.set(normalised, concept.key);
      });
    }
  }
  return index;
}

// Built once at module load: the vocabulary is code, so it changes only with a release.
const builtIn = indexVocabulary(skillVocabulary);

/** The built-in concepts, in vocabulary order. */
export function builtInSkillConcepts(): readonly SkillConcept[] {
  return skillVocabulary;
}

/** The built-in concept with this key, if any. */
export function findSkillConcept(key: string): SkillConcept | undefined {
  return builtIn.concepts.get(key);
}

/**
 * The key of the built-in concept one of whose labels or synonyms equals `label` after normalisation (case,
 * accents, Arabic marks and letter variants, punctuation, spaces), else null.
 */
export function matchSkillConcept(label: string): string | null {
  return builtIn.byTerm.get(normaliseText(label)) ?? null;
}

/** Like `matchSkillConcept` over another index (built-in plus staff concepts). */
export function matchIn(index: VocabularyIndex, label: string): string | null {
  return index.byTerm.get(normaliseText(label)) ?? null;
}

/** A suggestion: the concept, its label in the reader's locale and the words that matched what was typed. */
export interface SkillSuggestion {
  key: string;
  label: string;
  sectors: string[];
  matched: { locale: Locale; text: string }[];
}

// Lower is better: prefix of the reader's preferred label, prefix of another term in the reader's locale, prefix
// of a term in another locale, then a word of a term starting with the text, then anywhere inside a term.
function rank(term: Term, query: string, locale: Locale): number | null {
  const own = term.locale === locale;
  if (term.normalised.startsWith(query)) return term.preferred && own ? 0 : own ? 1 : 2;
  const at = term.normalised.indexOf(query);
  if (at < 0) return null;
  const wordStart = term.normalised[at - 1] === ' ';
  return (wordStart ? 3 : 5) + (own ? 0 : 1);
}

/**
 * Concepts whose labels or synonyms in any language start with or contain the typed text (normalised), best
 * first, at most `limit`. `extra` are staff-added concepts, searched after the built-in ones.
 */
export function suggestSkills(
  typed: string,
  locale: Locale,
  limit: number,
  extra: VocabularyIndex | null = null,
): SkillSuggestion[] {
  const query = normaliseText(typed);
  if (!query) return [];
  const best = new Map<string, { concept: SkillConcept; score: number; matched: Term[] }>();
  for (const terms of [builtIn.terms, extra?.terms ?? []]) {
    for (const term of terms) {
      const score = rank(term, query, locale);
      if (score === null) continue;
      const found = best.get(term.concept.key);
      if (!found) best.set(term.concept.key, { concept: term.concept, score, matched: [term] });
      else if (found.concept === term.concept) {
        found.score = Math.min(found.score, score);
        found.matched.push(term);
      }
    }
  }
  const compare = new Intl.Collator(locale, { sensitivity: 'base' }).compare;
  return [...best.values()]
    .sort((a, b) => a.score - b.score || compare(a.concept.labels[locale], b.concept.labels[locale]))
    .slice(0, limit)
    .map(({ concept, matched }) => ({
      key: concept.key,
      label: concept.labels[locale],
      sectors: [...concept.sectors],
      // The reader's own language first, then the others; a handful is enough to explain the match.
      matched: matched
        .sort((a, b) => Number(b.locale === locale) - Number(a.locale === locale))
        .slice(0, 3)
        .map((t) => ({ locale: t.locale, text: t.text })),
    }));
}
