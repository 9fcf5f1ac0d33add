import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildAtomFeed } from './atom.ts';
import { buildDeadlineCalendar, escapeIcsText, foldLine, icsDateTime } from './ics.ts';
import { summarise } from './presenter.ts';
import { unfold } from './public-calls.test-helper.ts';
import type { CallSummary } from './schemas.ts';
import { element, escapeXml } from './xml.ts';

const hostile = `<script>alert("x")</script> & 'quotes' ]]> \u0001\u0008\u000b\ufffe bell`;
const encoder = new TextEncoder();

describe('XML escaping', () => {
  it('survives a real parser: markup, quotes and characters XML cannot carry', () => {
    const xml = `<root>${element('title', { a: hostile, b: undefined }, hostile)}</root>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(xml);
    const expected = `<script>alert("x")</script> & 'quotes' ]]>  bell`;
    expect(parsed.root.title['#text']).toBe(expected);
    expect(parsed.root.title['@_a']).toBe(expected);
    expect(parsed.root.title['@_b']).toBeUndefined();
  });

  it('keeps Arabic and astral characters', () => {
    expect(escapeXml('دعم 😀 <b>')).toBe('دعم 😀 &lt;b&gt;');
  });
});

function call(overrides: Partial<CallSummary> = {}): CallSummary {
  return {
    id: '6f1c4a52-8d1e-4c5b-9a3e-0d2b7c9e1f00',
    reference: 'CD4D-2026-001',
    lang: 'fr',
    title: hostile,
    summary: 'Résumé & <b>gras</b>',
    institution: 'Ministère "test" & co',
    country: 'MA',
    region: '04',
    city: 'Rabat',
    modality: 'hybrid',
    windowStartsOn: '2027-01-01',
    windowEndsOn: '2027-02-01',
    workingDays: 10,
    expertsNeeded: 1,
    applicationDeadline: '2026-12-31',
    deadlineAt: '2026-12-31T22:59:59.000Z',
    sectors: ['11420'],
    languages: ['fr'],
    ...overrides,
  };
}

describe('Atom feed', () => {
  it('is well-formed Atom with escaped text', () => {
    const updatedAt = new Date('2026-11-01T10:00:00Z');
    const xml = buildAtomFeed({
      publicUrl: 'https://passerelle.example',
      lang: 'ar',
      updated: updatedAt,
      entries: [{ call: call(), publishedAt: updatedAt, updatedAt }],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('tag:passerelle.example,2026:passerelle:calls:ar');
    expect(feed.entry[0]['@_xml:lang']).toBe('fr');
    expect(feed.entry[0].id).toBe('urn:uuid:6f1c4a52-8d1e-4c5b-9a3e-0d2b7c9e1f00');
    expect(feed.entry[0].author.name).toBe('Ministère "test" & co');
  });
});

describe('iCalendar', () => {
  it('escapes backslashes, semicolons, commas and line breaks, and drops control characters', () => {
    expect(escapeIcsText('a\\b;c,d\r\ne\nf\rg\u0001\th')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng\th');
  });

  it('folds at 75 octets without splitting a character, and unfolds to the original', () => {
    const line = `SUMMARY:${'دعم المستشفيات 😀 é '.repeat(12)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const [index, part] of parts.entries()) {
      expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toContain('\ufffd');
      // A split character would decode to U+FFFD once the line is taken on its own.
      expect(new TextDecoder().decode(encoder.encode(part))).toBe(part);
    }
    expect(unfold(folded)).toEqual([line]);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });

  it('writes UTC date-times', () => {
    expect(icsDateTime(new Date('2026-12-31T22:59:59.123Z'))).toBe('20261231T225959Z');
  });

  it('builds a calendar whose every line ends in CRLF', () => {
    const ics = buildDeadlineCalendar(
      {
        callId: 'abc',
        reference: 'R-1',
        title: 'Titre, avec; tout\nça',
        lang: 'fr',
        summary: 'x'.repeat(200),
        deadlineAt: new Date('2026-12-31T22:59:59Z'),
        updatedAt: new Date('2026-11-01T10:00:00Z'),
        publicUrl: 'https://passerelle.example',
      },
      'fr',
    );
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(ics);
    expect(lines).toContain('SUMMARY;LANGUAGE=fr:Date limite de candidature: Titre\\, avec\\; tout\\nça (R-1)');
    expect(lines).toContain('DTEND:20261231T225959Z');
    expect(lines).toContain('DTSTART:20261231T222959Z');
    expect(lines).toContain('UID:call-abc-deadline@passerelle.example');
  });
});

describe('summaries', () => {
  it('cut long descriptions at a word, on one line', () => {
    expect(summarise('Court\n\ntexte')).toBe('Court texte');
    const long = summarise('mot '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(241);
    expect(long.endsWith('mot…')).toBe(true);
  });
});
