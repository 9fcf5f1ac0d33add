import type { Locale } from '../../reference/data/types.ts';
import type { CallSummary } from './schemas.ts';
import { element, escapeXml } from './xml.ts';

/** What the feed says around the calls, in the four languages. */
const feedTexts: Record<Locale, { title: string; deadline: string }> = {
  fr: { title: 'Passerelle — appels à experts ouverts', deadline: 'Date limite\u00a0: ' },
  ar: { title: 'باسرال — دعوات مفتوحة للخبراء', deadline: 'آخر أجل: ' },
  en: { title: 'Passerelle — open calls for experts', deadline: 'Deadline: ' },
  nl: { title: 'Passerelle — open oproepen voor experts', deadline: 'Uiterste datum: ' },
};

/** The IATI code list of OECD DAC purpose codes, naming what a category's term means. */
const dacScheme = 'https://iatistandard.org/en/iati-standard/203/codelists/sector/';

/** One open call in the feed: its summary and the instants feed readers sort by. */
export interface FeedEntry {
  call: CallSummary;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface FeedOptions {
  /** The platform's public address without a trailing slash (`PUBLIC_URL`). */
  publicUrl: string;
  lang: Locale;
  /** The feed's `updated`: its latest entry's, or the last change to any public call when none is open. */
  updated: Date;
  entries: FeedEntry[];
}

/**
 * A `tag:` URI (RFC 4151) naming the feed for good: it must not change when the site moves to another path, and
 * each language is its own feed since its texts differ.
 */
export function feedId(publicUrl: string, lang: Locale): string {
  return `tag:${new URL(publicUrl).hostname},2026:passerelle:calls:${lang}`;
}

/** An Atom 1.0 feed (RFC 4287) of open calls, each entry linking to the call's web page. */
export function buildAtomFeed({ publicUrl, lang, updated, entries }: FeedOptions): string {
  const texts = feedTexts[lang];
  const self = `${publicUrl}/api/public/calls.atom?lang=${lang}`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(lang)}">`,
    element('id', {}, feedId(publicUrl, lang)),
    element('title', {}, texts.title),
    element('updated', {}, updated.toISOString()),
    element('link', { rel: 'self', type: 'application/atom+xml', href: self }),
    element('link', { rel: 'alternate', type: 'text/html', href: `${publicUrl}/calls` }),
    '<author><name>Passerelle</name></author>',
    element('generator', {}, 'Passerelle'),
  ];
  for (const { call, publishedAt, updatedAt } of entries) {
    lines.push(
      // The entry's own language when it fell back to French, so readers pick the right voice and direction.
      `<entry${call.lang === lang ? '' : ` xml:lang="${escapeXml(call.lang)}"`}>`,
      element('id', {}, `urn:uuid:${call.id}`),
      element('title', { type: 'text' }, `${call.title} (${call.reference})`),
      element('updated', {}, updatedAt.toISOString()),
      ...(publishedAt ? [element('published', {}, publishedAt.toISOString())] : []),
      element('link', { rel: 'alternate', type: 'text/html', href: `${publicUrl}/calls/${call.id}` }),
      `<author>${element('name', {}, call.institution)}</author>`,
      ...call.sectors.map((sector) => element('category', { term: sector, scheme: dacScheme })),
      element('summary', { type: 'text' }, `${texts.deadline}${call.applicationDeadline}. ${call.summary}`),
      '</entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
