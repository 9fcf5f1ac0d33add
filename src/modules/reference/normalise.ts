/**
 * Text normalisation for matching typed words against vocabulary labels in four languages. Two strings that a
 * reader would call "the same word" must normalise to the same key: case, Latin accents, Arabic diacritics,
 * tatweel, hamza carriers, alef variants, taa marbuta / haa, alef maqsura / yaa, punctuation and spacing.
 */

// Harakat, shadda, sukun, superscript alef, Quranic annotation marks and tatweel: optional in writing.
const arabicMarks = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const letterMap: Record<string, string> = {
  '\u0671': '\u0627', // alef wasla → alef (أ إ آ become alef through NFKD + mark removal)
  '\u0629': '\u0647', // taa marbuta → haa: people type either at the end of a word
  '\u0649': '\u064A', // alef maqsura → yaa
  '\u06CC': '\u064A', // Persian yeh → yaa (common on keyboards set to Persian)
  '\u06A9': '\u0643', // keheh → kaf
  '\u0621': '', // hamza on the line: often omitted
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
};
const letters = new RegExp(`[${Object.keys(letterMap).join('')}]`, 'g');

/** The matching key of a text: lower case, no accents or Arabic marks, unified letters, single spaces. */
export function normaliseText(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      // NFKD splits é into e + U+0301 and أ into ا + U+0654: dropping the marks removes accents and hamza seats.
      .replace(/[\u0300-\u036F]/g, '')
      .replace(arabicMarks, '')
      .replace(letters, (ch) => letterMap[ch] ?? ch)
      // Arabic-Indic and Eastern Arabic-Indic digits → ASCII digits.
      .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90))
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}
