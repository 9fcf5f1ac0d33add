/**
 * Characters XML 1.0 cannot carry at all, even escaped: C0 controls other than tab, line feed and carriage
 * return, lone surrogates, U+FFFE and U+FFFF. A title pasted from a word processor can hold them; they are dropped.
 */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe in XML element content and in double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(notXmlChar, '').replace(/[&<>"']/g, (ch) => entities[ch]!);
}

type Attributes = Record<string, string | undefined>;

/** `<name a="…">text</name>`, every attribute and the text escaped; undefined attributes are left out. */
export function element(name: string, attributes: Attributes, text?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}
