/** Transliteration-aware names: keys that let spellings and scripts of one name find each other. */
export {
  explainNameMatch,
  nameKeys,
  nameQuery,
  nameSearchText,
  nameUnits,
  queryNameKeys,
  sameFullName,
} from './keys.ts';
export type { NameMatchReason, NameParts, NameUnit } from './keys.ts';
export { normaliseLatin } from './latin.ts';
