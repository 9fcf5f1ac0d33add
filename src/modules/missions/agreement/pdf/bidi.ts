/**
 * Bidirectional text for the PDF (Unicode Bidirectional Algorithm, UAX #9, by bidi-js). PDFKit draws glyphs left to
 * right and its font engine (fontkit) shapes Arabic and reverses each run it is given, but it knows nothing of
 * paragraphs that mix directions: an Arabic sentence with dates and a Latin name would come out in the wrong
 * order. So each line is cut here into runs of one direction and one script, in visual order, and each run is
 * given to PDFKit in the order fontkit expects.
 */
import bidiFactory, { type EmbeddingLevels } from 'bidi-js';

const bidi = bidiFactory();

export type Script = 'arabic' | 'latin';

/** One piece of a line, drawn left to right after the previous one. */
export interface VisualRun {
  /** The characters to hand to PDFKit (fontkit reverses Arabic-script text itself). */
  text: string;
  script: Script;
}

const arabicScript = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** Marks that steer the algorithm and have no glyph: drawing them would print boxes. */
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The script of one character: Arabic letters, marks and digits, or anything else (set in the Latin font). */
export function scriptOf(char: string): Script {
  return arabicScript.test(char) ? 'arabic' : 'latin';
}

/** The embedding level of every character of a paragraph whose base direction is `rtl` or not. */
export function paragraphLevels(text: string, rtl: boolean): EmbeddingLevels {
  return bidi.getEmbeddingLevels(text, rtl ? 'rtl' : 'ltr');
}

/** `text` without the invisible direction marks. */
export function visibleText(text: string): string {
  return text.replace(bidiControls, '');
}

/**
 * The runs of the line `text[start, end)` in visual order, left to right. A run is one script at one level.
 * fontkit reverses Arabic-script text and keeps the rest as given, so a run whose direction differs from what
 * fontkit assumes is reversed here first: neutrals (spaces, punctuation) inside right-to-left text, and
 * Arabic-Indic digits, which read left to right.
 */
export function visualRuns(text: string, levels: EmbeddingLevels, start: number, end: number): VisualRun[] {
  if (end <= start) return [];
  // The indices come for the whole paragraph, the line's part reordered.
  const order = bidi.getReorderedIndices(text, levels, start, end - 1).slice(start, end);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1);
  const groups: { indices: number[]; level: number; script: Script }[] = [];
  for (const index of order) {
    const level = levels.levels[index]!;
    const script = scriptOf(text[index]!);
    const last = groups.at(-1);
    const step = level % 2 ? -1 : 1;
    if (last && last.level === level && last.script === script && last.indices.at(-1)! + step === index) {
      last.indices.push(index);
    } else {
      groups.push({ indices: [index], level, script });
    }
  }
  const runs: VisualRun[] = [];
  for (const group of groups) {
    const logical = [...group.indices].sort((a, b) => a - b);
    const chars = logical.map((index) => mirrored.get(index) ?? text[index]!);
    const rtl = group.level % 2 === 1;
    const fontkitReverses = group.script === 'arabic';
    const ordered = rtl === fontkitReverses ? chars : chars.reverse();
    const visible = visibleText(ordered.join(''));
    if (visible) runs.push({ text: visible, script: group.script });
  }
  return runs;
}

/** The same-script pieces of `text[start, end)` in logical order: enough to measure a width. */
export function scriptPieces(text: string, start: number, end: number): VisualRun[] {
  const pieces: VisualRun[] = [];
  for (let index = start; index < end; index++) {
    const char = text[index]!;
    const script = scriptOf(char);
    const last = pieces.at(-1);
    if (last && last.script === script) last.text += char;
    else pieces.push({ text: char, script });
  }
  return pieces.map((piece) => ({ ...piece, text: visibleText(piece.text) })).filter((piece) => piece.text.length > 0);
}
