/** Locales written right to left. */
const rtlLocales = new Set(['ar']);

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => escapes[char]!);

/** Matches a link on its own, as the templates write them (no trailing punctuation). */
const url = /^https?:\/\/\S+$/;

/**
 * The HTML alternative of a plain-text message: same words, with `lang` and `dir` so that Arabic is laid out
 * right to left, and links made clickable. Links are marked left to right: a URL inside Arabic text would
 * otherwise have its punctuation reordered by the bidirectional algorithm.
 * @param text the message's plain-text body, as rendered by the template
 * @param locale the recipient's language
 */
export function renderHtml(text: string, locale: string): string {
  const dir = rtlLocales.has(locale) ? 'rtl' : 'ltr';
  const paragraphs = text
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) =>
          url.test(line) ? `<a href="${escapeHtml(line)}" dir="ltr">${escapeHtml(line)}</a>` : escapeHtml(line),
        )
        .join('<br>'),
    )
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('\n');
  return `<!doctype html>\n<html lang="${escapeHtml(locale)}" dir="${dir}"><head><meta charset="utf-8"></head><body dir="${dir}">\n${paragraphs}\n</body></html>`;
}
