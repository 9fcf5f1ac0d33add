import type { Tx } from '../../db/client.ts';
import { skillConcepts } from '../experts/schema.ts';
import type { SkillConcept } from './data/types.ts';
import {
  builtInSkillConcepts,
  findSkillConcept,
  indexVocabulary,
  matchSkillConcept,
  matchIn,
  type VocabularyIndex,
} from './skills.ts';

/**
 * The concepts staff added in `skill_concepts`, indexed for matching and suggestions. Read on every call rather
 * than cached, so that every app node sees a new concept at once; the table holds tens of rows, not thousands.
 * A staff concept whose key is also a built-in key is ignored: the built-in one wins.
 */
export async function loadStaffVocabulary(tx: Tx): Promise<VocabularyIndex> {
  const rows = await tx.select().from(skillConcepts).orderBy(skillConcepts.id);
  const concepts: SkillConcept[] = rows
    .filter((row) => !findSkillConcept(row.id))
    .map((row) => ({ key: row.id, labels: row.labels, synonyms: row.synonyms, sectors: row.sectors }));
  return indexVocabulary(concepts);
}

/**
 * `matchSkillConcept` that also knows the staff-added concepts: the built-in vocabulary first, then
 * `skill_concepts`; null when neither has the typed words.
 */
export async function matchSkillConceptIn(tx: Tx, label: string): Promise<string | null> {
  return matchSkillConcept(label) ?? matchIn(await loadStaffVocabulary(tx), label);
}

/** The whole vocabulary for matching: the built-in concepts, then those staff added. */
export async function loadMatchingVocabulary(tx: Tx): Promise<VocabularyIndex> {
  const staff = await loadStaffVocabulary(tx);
  return indexVocabulary([...builtInSkillConcepts(), ...staff.concepts.values()]);
}
