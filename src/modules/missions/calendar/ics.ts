/**
 * A user's missions and sessions as one iCalendar file (RFC 5545), for calendar apps that subscribe to a URL:
 * missions as all-day events, online sessions at their UTC times. UIDs are the records' ids, so a refresh updates
 * events instead of adding copies; DTSTAMP is each record's last change, so the file only changes when they do.
 */
import { escapeIcsText, foldLine, icsDateTime } from '../../assignments/public/ics.ts';
import type { Locale } from '../../identity/schema.ts';
import type { MissionState } from '../schema.ts';

const texts: Record<
  Locale,
  {
    calendar: string;
    mission: string;
    session: string;
    tor: string;
    host: string;
    expert: string;
    state: string;
    online: string;
    participants: string;
  }
> = {
  fr: {
    calendar: 'Passerelle — missions',
    mission: 'Mission',
    session: 'Séance',
    tor: 'Termes de référence',
    host: 'Institution d’accueil',
    expert: 'Expert·e',
    state: 'État',
    online: 'En ligne',
    participants: 'Participants prévus',
  },
  ar: {
    calendar: 'Passerelle — المهمات',
    mission: 'مهمة',
    session: 'جلسة',
    tor: 'الإطار المرجعي',
    host: 'المؤسسة المستضيفة',
    expert: 'الخبير(ة)',
    state: 'الحالة',
    online: 'عن بعد',
    participants: 'عدد المشاركين المتوقع',
  },
  en: {
    calendar: 'Passerelle — missions',
    mission: 'Mission',
    session: 'Session',
    tor: 'Terms of Reference',
    host: 'Host institution',
    expert: 'Expert',
    state: 'State',
    online: 'Online',
    participants: 'Planned participants',
  },
  nl: {
    calendar: 'Passerelle — missies',
    mission: 'Missie',
    session: 'Sessie',
    tor: 'Terms of Reference',
    host: 'Gastinstelling',
    expert: 'Expert',
    state: 'Status',
    online: 'Online',
    participants: 'Geplande deelnemers',
  },
};

export interface CalendarMission {
  id: string;
  reference: string;
  state: MissionState;
  startsOn: string;
  endsOn: string;
  torReference: string;
  torTitle: string;
  host: string;
  expertName: string;
  /** City and country, or null for an online mission. */
  place: string | null;
  updatedAt: Date;
}

export interface CalendarSession {
  id: string;
  missionId: string;
  startsAt: Date;
  durationMinutes: number;
  topic: string;
  participantsCount: number;
  updatedAt: Date;
}

export interface CalendarOptions {
  locale: Locale;
  /** The platform's public address without a trailing slash. */
  publicUrl: string;
  missions: CalendarMission[];
  sessions: CalendarSession[];
}

/** A DATE value (`20260302`) from an ISO date. */
function icsDate(date: string): string {
  return date.replace(/-/g, '');
}

/** The day after an ISO date: DTEND of an all-day event is exclusive. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function missionEvent(mission: CalendarMission, options: CalendarOptions, domain: string): string[] {
  const text = texts[options.locale];
  const url = `${options.publicUrl}/missions/${mission.id}`;
  const description = [
    `${text.mission} ${mission.reference}`,
    `${text.tor} ${mission.torReference}: ${mission.torTitle}`,
    `${text.host}: ${mission.host}`,
    `${text.expert}: ${mission.expertName}`,
    `${text.state}: ${mission.state}`,
    url,
  ].join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:mission-${mission.id}@${domain}`,
    `DTSTAMP:${icsDateTime(mission.updatedAt)}`,
    `LAST-MODIFIED:${icsDateTime(mission.updatedAt)}`,
    `DTSTART;VALUE=DATE:${icsDate(mission.startsOn)}`,
    `DTEND;VALUE=DATE:${icsDate(dayAfter(mission.endsOn))}`,
    `SUMMARY;LANGUAGE=${options.locale}:${escapeIcsText(`${mission.reference} — ${mission.torTitle} (${mission.host})`)}`,
    `DESCRIPTION;LANGUAGE=${options.locale}:${escapeIcsText(description)}`,
    `LOCATION:${escapeIcsText(mission.place ?? text.online)}`,
    `URL:${url}`,
    // A mission not yet agreed may still move: calendars show it as tentative.
    `STATUS:${mission.state === 'planned' ? 'TENTATIVE' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

function sessionEvent(
  session: CalendarSession,
  mission: CalendarMission,
  options: CalendarOptions,
  domain: string,
): string[] {
  const text = texts[options.locale];
  const ends = new Date(session.startsAt.getTime() + session.durationMinutes * 60_000);
  const description = [
    `${text.mission} ${mission.reference}: ${mission.torTitle}`,
    `${text.host}: ${mission.host}`,
    `${text.participants}: ${session.participantsCount}`,
    `${options.publicUrl}/missions/${mission.id}`,
  ].join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:mission-session-${session.id}@${domain}`,
    `DTSTAMP:${icsDateTime(session.updatedAt)}`,
    `DTSTART:${icsDateTime(session.startsAt)}`,
    `DTEND:${icsDateTime(ends)}`,
    `SUMMARY;LANGUAGE=${options.locale}:${escapeIcsText(`${text.session}: ${session.topic} — ${mission.reference}`)}`,
    `DESCRIPTION;LANGUAGE=${options.locale}:${escapeIcsText(description)}`,
    `LOCATION:${escapeIcsText(text.online)}`,
    'STATUS:CONFIRMED',
    'END:VEVENT',
  ];
}

/** The whole calendar: CRLF line ends, lines folded at 75 octets, one VEVENT per mission and per session. */
export function buildMissionCalendar(options: CalendarOptions): string {
  const domain = new URL(options.publicUrl).hostname;
  const byId = new Map(options.missions.map((mission) => [mission.id, mission]));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Passerelle//Missions//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(texts[options.locale].calendar)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...options.missions.flatMap((mission) => missionEvent(mission, options, domain)),
    ...options.sessions.flatMap((session) => {
      const mission = byId.get(session.missionId);
      return mission ? sessionEvent(session, mission, options, domain) : [];
    }),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
