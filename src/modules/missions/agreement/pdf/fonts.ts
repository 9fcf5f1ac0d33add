/**
 * The fonts the agreement is set in, read from npm packages so that nothing is fetched at run time: Noto Sans for
 * Latin script (French, English, Dutch, and digits and punctuation in any language) and Noto Naskh Arabic for
 * Arabic script. Both are under the SIL Open Font License 1.1 (the LICENSE file of each package).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';

export type FontFace = 'latin' | 'latinBold' | 'arabic' | 'arabicBold';

const require = createRequire(import.meta.url);

/** The packages export no path to their files, only a list of names: the files sit beside `dist/`. */
function fontFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(pkg)), '..', 'fonts', file);
}

const files: Record<FontFace, string> = {
  latin: fontFile('@embedpdf/fonts-latin', 'NotoSans-Regular.ttf'),
  latinBold: fontFile('@embedpdf/fonts-latin', 'NotoSans-Bold.ttf'),
  arabic: fontFile('@embedpdf/fonts-arabic', 'NotoNaskhArabic-Regular.ttf'),
  arabicBold: fontFile('@embedpdf/fonts-arabic', 'NotoNaskhArabic-Bold.ttf'),
};

/**
 * PDF.js (and so unpdf, and most viewers' copy and search) reads right-to-left text back by reversing each drawn
 * run, characters of ligatures included: a lam-alef glyph that maps to "لا" would come back as "ال". Mapping such
 * glyphs to their characters reversed makes the reversal come out right. Only the Arabic font is wrapped: its
 * runs are right to left (its digits are single characters, unaffected).
 */
function readableBackwards(font: Font): Font {
  return new Proxy(font, {
    get(target, property) {
      if (property !== 'layout') return Reflect.get(target, property, target);
      return (...args: Parameters<Font['layout']>) => {
        const run = target.layout(...args);
        run.glyphs = run.glyphs.map((glyph) =>
          glyph.codePoints.length > 1
            ? Object.create(glyph, { codePoints: { value: [...glyph.codePoints].reverse() } })
            : glyph,
        );
        return run;
      };
    },
  });
}

function open(file: string): Font {
  return fontkit.create(readFileSync(file)) as Font;
}

let loaded: Record<FontFace, Font> | undefined;

/**
 * The four fonts, read and parsed once per process (parsing their tables is most of the cost of a document);
 * PDFKit takes a parsed font as it is, and each document embeds only the glyphs it uses.
 */
export function agreementFonts(): Record<FontFace, Font> {
  loaded ??= {
    latin: open(files.latin),
    latinBold: open(files.latinBold),
    arabic: readableBackwards(open(files.arabic)),
    arabicBold: readableBackwards(open(files.arabicBold)),
  };
  return loaded;
}
