/**
 * Arabic-script names to the same consonant skeletons as Latin ones (see latin.ts): short vowels are not written
 * and long vowels (ا و ي) are dropped, so محمد and Mohamed both give `mhmd`.
 */

/** Letters to the Latin consonant class their usual transliterations share. Letters absent here are dropped. */
const letterClass: Record<string, string> = {
  ب: 'b',
  پ: 'b',
  ت: 't',
  ث: 't',
  ط: 't',
  ج: 'j',
  ح: 'h',
  ه: 'h',
  خ: 'k',
  ك: 'k',
  ک: 'k',
  ق: 'k',
  د: 'd',
  ذ: 'd',
  ض: 'd',
  ر: 'r',
  ز: 'z',
  ظ: 'z',
  س: 's',
  ص: 's',
  ش: 'x',
  چ: 'x',
  غ: 'g',
  گ: 'g',
  ف: 'f',
  ڤ: 'f',
  ل: 'l',
  م: 'm',
  ن: 'n',
  // Dropped: ا أ إ آ ٱ ء ؤ ئ (alef and hamza carriers), و ي ى ی (long vowels), ة (taa marbuta), ع (ayn, which
  // Latin spellings of Maghrebi names rarely write).
};

/** True when the text holds Arabic letters. */
export function hasArabic(text: string): boolean {
  return /[\u0600-\u06FF]/.test(text);
}

/** Diacritics and tatweel removed, alef and hamza forms unified, words split on anything not a letter. */
export function normaliseArabic(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .split(/[^\u0621-\u064A\u067E\u0686\u06A4\u06A9\u06AF\u06CC]+/)
    .filter((word) => word.length > 0);
}

/** The consonant skeleton of one normalised Arabic word, repeated consonants collapsed. */
export function arabicSkeleton(word: string): string {
  let s = '';
  for (const letter of word) s += letterClass[letter] ?? '';
  return s.replace(/(.)\1+/g, '$1');
}

/** The word without its article ال (العمراني → عمراني), when something of the word remains. */
export function stripArabicArticle(word: string): string {
  return word.startsWith('ال') && word.length > 3 ? word.slice(2) : word;
}

/**
 * Skeleton readings of a word: as written (article removed), and without a final ه, which Latin spellings
 * often drop (عبد الله → Abdella).
 */
export function arabicAlternatives(word: string): string[] {
  const bare = stripArabicArticle(word);
  const variants = [bare];
  if (bare.endsWith('ه') && bare.length > 2) variants.push(bare.slice(0, -1));
  return [...new Set(variants.map(arabicSkeleton))].filter((key) => key.length > 0);
}

/** Splits a glued compound عبدالقادر into its second half (القادر → قادر), or null. */
export function splitArabicAbd(word: string): string | null {
  return word.startsWith('عبدال') && word.length > 6 ? word.slice(5) : null;
}
