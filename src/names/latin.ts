/**
 * Latin-script names to consonant skeletons. Transliterations of Arabic names disagree mostly on vowels
 * (Mohamed / Muhammad), doubled letters (Youssef / Yousef), digraphs (Hicham / Hisham, Mustapha / Mustafa) and
 * the article (El Amrani / Elamrani / Al-Amrani); the skeleton keeps only what they agree on: the consonants.
 */

/** Article tokens written apart (`el`, `al-`, `l'`) and the sun-letter assimilations (`ed-`, `es-`, `ez-`…). */
export const latinArticles = new Set([
  'el',
  'al',
  'ul',
  'l',
  'ad',
  'ed',
  'as',
  'es',
  'at',
  'et',
  'az',
  'ez',
  'ar',
  'er',
  'an',
  'en',
]);

/** Lower case, accents and apostrophes removed, separators turned into spaces. */
export function normaliseLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[’'`ʼʻ‘]/g, ' ')
    .replace(/[^a-z\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Order matters: the longer digraphs first, and x (a Latin letter) before x is used as the "sh" class.
const digraphs: [RegExp, string][] = [
  [/x/g, 'ks'],
  [/sch/g, 'x'],
  [/ch/g, 'x'],
  [/sh/g, 'x'],
  [/kh/g, 'k'],
  [/gh/g, 'g'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/dj/g, 'j'],
  [/ck/g, 'k'],
  [/q/g, 'k'],
  [/c/g, 'k'],
  [/v/g, 'f'],
  [/p/g, 'b'],
];

/**
 * The consonant skeleton of one normalised Latin word: digraphs mapped to one consonant class, vowels and the
 * semivowels w/y dropped (Arabic script writes them inconsistently too), repeated consonants collapsed.
 */
export function latinSkeleton(word: string): string {
  let s = word;
  for (const [pattern, replacement] of digraphs) s = s.replace(pattern, replacement);
  s = s.replace(/[aeiouwy]/g, '');
  return s.replace(/(.)\1+/g, '$1');
}

/**
 * The spellings a word may stand for, as skeletons: itself, without a glued article (Elamrani → amrani,
 * Ettazi → tazi), and without a final vowel-plus-h (Fatimah → Fatima), since both readings are common.
 */
export function latinAlternatives(word: string): string[] {
  const variants = new Set([word]);
  const glued = /^(?:el|al)(.{3,})$/.exec(word);
  if (glued) variants.add(glued[1]!);
  const assimilated = /^[ae]([tdszrnlx])\1(.{2,})$/.exec(word);
  if (assimilated) variants.add(assimilated[1]! + assimilated[2]!);
  for (const variant of [...variants]) if (/[aeiou]h$/.test(variant)) variants.add(variant.slice(0, -1));
  return [...new Set([...variants].map(latinSkeleton))].filter((key) => key.length > 0);
}

/** `abd` followed by its article (Abdel-, Abdul-, Abdal-, Abder-): the start of a compound name. */
const abdPrefix = /^abd(?:[aeiou]*l|[aeiou]+(?=([bdfghjklmnrstxz])\1))?/;

/**
 * Splits a glued `abd` compound (Abdelkader, Abdellah, Abderrahim) into `abd` and the rest, or null. The article
 * after `abd` is dropped as in Arabic script (عبد القادر), except a doubled sun letter, whose one letter stays.
 */
export function splitAbdCompound(word: string): string | null {
  const match = abdPrefix.exec(word);
  if (!match || match[0].length === 3 || word.length - match[0].length < 2) return null;
  return word.slice(match[0].length);
}

/** True for `abd`, `abdel`, `abdul`, `abdoul`, `abdal`: a compound's first half written apart (Abdel Kader). */
export function isAbdHead(word: string): boolean {
  return /^abd(?:[aeiou]*l)?$/.test(word);
}
