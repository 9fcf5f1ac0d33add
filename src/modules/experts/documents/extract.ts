import { getDocumentProxy } from 'unpdf';
import { UnsafeArchiveError, unzipSafely } from '../../../files/unzip.ts';
import { AppError } from '../../../http/errors.ts';
import { docxDocumentText } from './docx.ts';

/** The most text kept from one document: a long CV has tens of thousands of characters, not hundreds. */
export const maxExtractedChars = 200_000;

/**
 * Bounds on a DOCX's expansion. Only `word/document.xml` is inflated; a real CV's is a few megabytes at most, so
 * more than this is a zip bomb, not a CV.
 */
export const docxLimits = { maxTotalBytes: 50 * 1024 * 1024, maxEntries: 2_000 };

/** What extraction gave: the text (capped) and whether there was any. */
export interface Extraction {
  outcome: 'extracted' | 'empty';
  text: string | null;
}

const fileField = (message: string) => [{ path: 'file', code: 'invalid_value' as const, message }];

function finish(raw: string): Extraction {
  const text = raw.replaceAll('\u0000', '').trim().slice(0, maxExtractedChars);
  return text ? { outcome: 'extracted', text } : { outcome: 'empty', text: null };
}

/**
 * Text of a PDF, page by page, stopping once the cap is reached. PDF.js runs in-process (unpdf's serverless
 * build, no worker), without system fonts, font faces, fetches or WebAssembly: text extraction needs no glyphs. A scanned PDF has pages but no text: that is `empty`, not an error.
 * @throws AppError `unreadable_file` when PDF.js cannot open the file
 */
async function pdfText(bytes: Uint8Array): Promise<Extraction> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: PDF.js may take over (detach) the buffer it is given, and the caller still stores these bytes.
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      useSystemFonts: false,
      disableFontFace: true,
      useWorkerFetch: false,
      useWasm: false,
      stopAtErrors: true,
      verbosity: 0,
    });
  } catch (error) {
    throw new AppError('unreadable_file', `The PDF cannot be read: ${(error as Error).message}`, fileField('corrupt'));
  }
  try {
    const pages: string[] = [];
    let length = 0;
    for (let number = 1; number <= pdf.numPages && length < maxExtractedChars; number += 1) {
      const content = await (await pdf.getPage(number)).getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[^\S\n]+/g, ' ');
      pages.push(text);
      length += text.length;
    }
    return finish(pages.join('\n'));
  } catch (error) {
    throw new AppError('unreadable_file', `The PDF cannot be read: ${(error as Error).message}`, fileField('corrupt'));
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/**
 * Text of a DOCX: its main part only, expanded under `docxLimits`.
 * @throws AppError `unsafe_file` for an archive beyond the limits (zip bomb, too many entries), `unreadable_file`
 *   for a corrupt one
 */
function docxText(bytes: Uint8Array): Extraction {
  let parts: Map<string, Uint8Array>;
  try {
    parts = unzipSafely(bytes, (name) => name === 'word/document.xml', docxLimits);
  } catch (error) {
    if (!(error instanceof UnsafeArchiveError)) throw error;
    if (error.reason === 'corrupt') {
      throw new AppError('unreadable_file', `The document cannot be read: ${error.message}`, fileField('corrupt'));
    }
    throw new AppError('unsafe_file', `The document was refused: ${error.message}`, fileField(error.reason));
  }
  const xml = parts.get('word/document.xml');
  if (!xml) throw new AppError('unreadable_file', 'The document has no main part', fileField('corrupt'));
  return finish(docxDocumentText(new TextDecoder('utf-8').decode(xml)));
}

/**
 * The text of an accepted document, from its type as sniffed from the bytes.
 * @throws AppError `unreadable_file` or `unsafe_file`: the upload is refused and nothing is stored
 */
export function extractDocumentText(type: 'pdf' | 'docx', bytes: Uint8Array): Promise<Extraction> {
  return type === 'pdf' ? pdfText(bytes) : Promise.resolve(docxText(bytes));
}
