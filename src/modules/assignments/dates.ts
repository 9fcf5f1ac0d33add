/** The time zone deadlines are stated in: a call closes at the end of its last day in Morocco. */
export const deadlineTimeZone = 'Africa/Casablanca';

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: deadlineTimeZone,
  timeZoneName: 'longOffset',
});

/** Minutes the zone is ahead of UTC at `instant` (Morocco moves between +01:00 and +00:00 around Ramadan). */
function offsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The instant applications close: `day` (an ISO date) at 23:59:59 in Casablanca. The offset is read from the
 * zone's rules (Intl) at that instant, and read again once, since the first guess may fall on the other side of
 * a change of offset.
 */
export function deadlineInstant(day: string): Date {
  const wallClock = Date.parse(`${day}T23:59:59Z`);
  let instant = new Date(wallClock - offsetMinutes(new Date(wallClock)) * 60_000);
  instant = new Date(wallClock - offsetMinutes(instant) * 60_000);
  return instant;
}

/** Today's date in Casablanca, as an ISO date. */
export function todayInMorocco(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: deadlineTimeZone }).format(now);
}

/** Calendar days from `start` to `end` inclusive (ISO dates). */
export function calendarDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}
