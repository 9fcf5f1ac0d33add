/**
 * The text of a Word document's main part (`word/document.xml`), read with a small scanner instead of a full XML
 * parser: only runs of text (`w:t`), tabs, line breaks and paragraph ends matter, and a scanner over a string of
 * bounded size (the unzip limits) cannot be made to expand entities or recurse.
 */

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references; anything else is left as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // A reference outside Unicode (or to a surrogate) is the file's error: drop it rather than throw.
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return namedEntities[body] ?? whole;
  });
}

/**
 * Plain text of `word/document.xml`: the characters of `w:t` runs, a tab for `w:tab`, a line break for `w:br`
 * and `w:cr`, and one line per paragraph (`w:p`). Deleted text (`w:delText`), field codes (`w:instrText`) and
 * everything else are skipped.
 */
export function docxDocumentText(xml: string): string {
  const out: string[] = [];
  let inText = false;
  // Tags, with their name and whether they close or are empty; the text between them is captured separately.
  const token = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s[^>]*?)?(\/?)>|<[?!][^>]*>|([^<]+)/g;
  for (const match of xml.matchAll(token)) {
    const [, closing, name, selfClosing, text] = match;
    if (text !== undefined) {
      if (inText) out.push(decodeEntities(text));
      continue;
    }
    if (!name) continue;
    if (name === 'w:t') inText = !closing && !selfClosing;
    else if (name === 'w:tab' && !closing) out.push('\t');
    else if ((name === 'w:br' || name === 'w:cr') && !closing) out.push('\n');
    else if (name === 'w:p' && (closing || selfClosing)) out.push('\n');
  }
  return out
    .join('')
    .replace(/[^\S\n]*\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
