/**
 * Sets the agreement's text as an A4 PDF with PDFKit (decision 0012): each language part starts on a new page,
 * Arabic right to left and shaped. Lines are broken and ordered here (PDFKit's own wrapping knows no
 * right-to-left text), then each run is drawn at its place on the line.
 */
import PDFDocument from 'pdfkit';
import type { Locale } from '../../../identity/schema.ts';
import { paragraphLevels, scriptPieces, visualRuns, type Script, type VisualRun } from './bidi.ts';
import { agreementFonts, type FontFace } from './fonts.ts';

/** One language's text: lines, with `# ` a title, `## ` a heading, `- ` an item, a blank line a gap. */
export interface AgreementPart {
  locale: Locale;
  text: string;
}

export interface AgreementPdfOptions {
  parts: AgreementPart[];
  /** Document title (PDF metadata) and the footer of every page with the page number. */
  title: string;
  footer: string;
  /** The document's main language (PDF metadata, for screen readers). */
  lang: Locale;
}

const margin = 56;
const pageWidth = 595.28;
const pageHeight = 841.89;
const contentWidth = pageWidth - 2 * margin;
const bulletIndent = 16;

interface LineStyle {
  size: number;
  bold: boolean;
  /** Gap before the paragraph, in points. */
  before: number;
  indent: number;
  bullet: boolean;
}

const styles = {
  title: { size: 16, bold: true, before: 0, indent: 0, bullet: false },
  heading: { size: 11.5, bold: true, before: 10, indent: 0, bullet: false },
  item: { size: 10.5, bold: false, before: 2, indent: bulletIndent, bullet: true },
  body: { size: 10.5, bold: false, before: 4, indent: 0, bullet: false },
} satisfies Record<string, LineStyle>;

const faceOf = (script: Script, bold: boolean): FontFace =>
  script === 'arabic' ? (bold ? 'arabicBold' : 'arabic') : bold ? 'latinBold' : 'latin';

/** Draws paragraphs one under the other, starting new pages as needed. */
class Writer {
  private y = margin;

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** Width of runs in the current size: Arabic is measured shaped (the `features` option asks fontkit to shape). */
  private width(runs: VisualRun[], style: LineStyle): number {
    let total = 0;
    for (const run of runs) {
      this.doc.font(faceOf(run.script, style.bold)).fontSize(style.size);
      total += this.doc.widthOfString(run.text);
    }
    return total;
  }

  /** Breaks `text` into lines no wider than `maxWidth`, at spaces: ranges of the paragraph, trailing spaces out. */
  private lines(text: string, style: LineStyle, maxWidth: number): [number, number][] {
    // Spaces and tabs break; a no-break space (French `« texte »`, `: `) keeps its neighbours together.
    const words = [...text.matchAll(/[^ \t]+[ \t]*/g)].map((match) => [match.index, match.index + match[0].length]);
    const lines: [number, number][] = [];
    let lineStart = words[0]?.[0] ?? 0;
    let lineWidth = 0;
    let lineEnd = lineStart;
    for (const [start, end] of words) {
      const wordEnd = start! + text.slice(start, end).replace(/[ \t]+$/, '').length;
      const wordWidth = this.width(scriptPieces(text, start!, wordEnd), style);
      const spaceWidth = this.width(scriptPieces(text, wordEnd, end!), style);
      if (lineEnd > lineStart && lineWidth + wordWidth > maxWidth) {
        lines.push([lineStart, lineEnd]);
        lineStart = start!;
        lineWidth = 0;
      }
      lineWidth += wordWidth + spaceWidth;
      lineEnd = wordEnd;
    }
    if (lineEnd > lineStart) lines.push([lineStart, lineEnd]);
    return lines;
  }

  /** Starts a new page when `height` more points would not fit. */
  private room(height: number) {
    if (this.y + height > pageHeight - margin) {
      this.doc.addPage();
      this.y = margin;
    }
  }

  newPage() {
    if (this.y > margin) {
      this.doc.addPage();
      this.y = margin;
    }
  }

  paragraph(text: string, style: LineStyle, rtl: boolean) {
    const lineHeight = style.size * 1.6;
    this.y += style.before;
    const maxWidth = contentWidth - style.indent;
    const levels = paragraphLevels(text, rtl);
    this.lines(text, style, maxWidth).forEach(([start, end], index) => {
      this.room(lineHeight);
      const runs = visualRuns(text, levels, start, end);
      const width = this.width(runs, style);
      const baseline = this.y + style.size * 1.2;
      let x = rtl ? pageWidth - margin - style.indent - width : margin + style.indent;
      if (style.bullet && index === 0) {
        const bulletX = rtl ? pageWidth - margin - style.indent + 6 : margin + 4;
        this.draw('•', 'latin', bulletX, baseline, style);
      }
      for (const run of runs) {
        x += this.draw(run.text, run.script, x, baseline, style);
      }
      this.y += lineHeight;
    });
  }

  /** Draws one run with its left end at `x` on `baseline`; returns its width. */
  private draw(text: string, script: Script, x: number, baseline: number, style: LineStyle): number {
    this.doc.font(faceOf(script, style.bold)).fontSize(style.size);
    const options = { lineBreak: false, baseline: 'alphabetic' } as const;
    this.doc.text(text, x, baseline, options);
    return this.doc.widthOfString(text, options);
  }

  gap() {
    this.y += 6;
  }
}

/** Writes one language part: its lines, styled by their marker. */
function writePart(writer: Writer, part: AgreementPart) {
  const rtl = part.locale === 'ar';
  for (const raw of part.text.split('\n')) {
    const line = raw.trim();
    if (!line) writer.gap();
    else if (line.startsWith('## ')) writer.paragraph(line.slice(3), styles.heading, rtl);
    else if (line.startsWith('# ')) writer.paragraph(line.slice(2), styles.title, rtl);
    else if (line.startsWith('- ')) writer.paragraph(line.slice(2), styles.item, rtl);
    else writer.paragraph(line, styles.body, rtl);
  }
}

/** The agreement as PDF bytes: each part from a new page, page numbers in the footer. */
export async function renderAgreementPdf(options: AgreementPdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    lang: options.lang,
    info: { Title: options.title, Creator: 'Passerelle', Producer: 'Passerelle' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  // PDFKit's types know only paths and bytes; it takes a parsed fontkit font as well.
  for (const [face, font] of Object.entries(agreementFonts())) doc.registerFont(face, font as unknown as Buffer);
  const writer = new Writer(doc);
  options.parts.forEach((part, index) => {
    if (index > 0) writer.newPage();
    writePart(writer, part);
  });
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    // The footer sits in the bottom margin: lift the margin so PDFKit does not start a page for it.
    doc.page.margins.bottom = 0;
    doc
      .font('latin')
      .fontSize(8)
      .fillColor('#555555')
      .text(`${options.footer} — ${page + 1} / ${range.count}`, margin, pageHeight - margin / 2, {
        lineBreak: false,
        baseline: 'alphabetic',
      });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
