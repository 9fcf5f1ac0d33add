import type { Locale } from '../../reference/data/types.ts';

/** What the calendar entry says, in the four languages. */
const icsTexts: Record<Locale, { deadline: string }> = {
  fr: { deadline: 'Date limite de candidature' },
  ar: { deadline: 'آخر أجل للترشح' },
  en: { deadline: 'Application deadline' },
  nl: { deadline: 'Uiterste datum om te solliciteren' },
};

/** Drops the controls TEXT may not hold: all but tab (line breaks are escaped before this applies). */
function withoutControls(text: string): string {
  return Array.from(text)
    .filter((ch) => {
      const code = ch.codePointAt(0)!;
      return code === 0x09 || (code >= 0x20 && code !== 0x7f);
    })
    .join('');
}

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line break as `\n`, and the
 * control characters TEXT may not hold dropped.
 */
export function escapeIcsText(text: string): string {
  return withoutControls(
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n'),
  );
}

const encoder = new TextEncoder();

/**
 * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets, continuation lines start with one space,
 * and a multi-byte UTF-8 character is never split between two lines.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; a continuation holds 74 after its leading space.
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** An instant as a UTC DATE-TIME (`20261231T225959Z`). */
export function icsDateTime(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export interface DeadlineEvent {
  callId: string;
  reference: string;
  title: string;
  /** The language `title` and `summary` are in. */
  lang: Locale;
  summary: string;
  deadlineAt: Date;
  /** The call's last change: DTSTAMP and LAST-MODIFIED, so the file is the same until the call changes. */
  updatedAt: Date;
  /** The platform's public address without a trailing slash. */
  publicUrl: string;
}

/** How long the calendar entry lasts: it ends at the deadline (RFC 5545 wants DTEND after DTSTART). */
const eventMinutes = 30;

/**
 * An iCalendar file (RFC 5545) with one VEVENT ending at the application deadline, in UTC, and a reminder the day
 * before. The UID is the call's, so importing the file again updates the entry instead of adding a second one.
 */
export function buildDeadlineCalendar(event: DeadlineEvent, readerLang: Locale): string {
  const url = `${event.publicUrl}/calls/${event.callId}`;
  const heading = `${icsTexts[readerLang].deadline}: ${event.title} (${event.reference})`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Passerelle//Public calls//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:call-${event.callId}-deadline@${new URL(event.publicUrl).hostname}`,
    `DTSTAMP:${icsDateTime(event.updatedAt)}`,
    `LAST-MODIFIED:${icsDateTime(event.updatedAt)}`,
    `DTSTART:${icsDateTime(new Date(event.deadlineAt.getTime() - eventMinutes * 60_000))}`,
    `DTEND:${icsDateTime(event.deadlineAt)}`,
    `SUMMARY;LANGUAGE=${event.lang}:${escapeIcsText(heading)}`,
    `DESCRIPTION;LANGUAGE=${event.lang}:${escapeIcsText(`${event.summary}\n\n${url}`)}`,
    `URL:${url}`,
    'TRANSP:TRANSPARENT',
    'STATUS:CONFIRMED',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeIcsText(heading)}`,
    'TRIGGER:-P1D',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
