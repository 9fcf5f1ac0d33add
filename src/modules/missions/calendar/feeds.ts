/**
 * Personal calendar feeds: one live secret URL per user, of which only the token's SHA-256 is stored (as for
 * sessions and e-mailed links). Making a new one revokes the old, so a leaked URL is closed by making another.
 */
import { and, asc, desc, eq, gte, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import { focalInstitutionIds, hasRole, type Actor } from '../../../authz/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../audit/service.ts';
import { grantsOf } from '../../identity/repository.ts';
import { users, type Locale } from '../../identity/schema.ts';
import { hashToken, newToken } from '../../identity/secrets.ts';
import { countries } from '../../reference/data/countries.ts';
import { contextsOf, hostIn, titleIn } from '../context.ts';
import { calendarFeeds, missionSessions, missions } from '../schema.ts';
import type { CalendarMission, CalendarSession } from './ics.ts';

/** At most this many missions in one feed, the latest first: enough for years of an expert's work. */
const feedLimit = 1000;
/** Staff see every mission: the feed keeps the last year and what is ahead. */
const staffHistoryDays = 365;

interface WriteMeta {
  ip: string;
  now: Date;
}

/** The user's live feed, if any. */
export async function activeFeed(tx: Tx, userId: string) {
  const [feed] = await tx
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return feed;
}

/** Revokes the user's live feeds; returns whether there was one. */
export async function revokeFeeds(tx: Tx, userId: string, meta: WriteMeta): Promise<boolean> {
  const revoked = await tx
    .update(calendarFeeds)
    .set({ revokedAt: meta.now })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  for (const feed of revoked) {
    await recordAudit(tx, {
      actorId: userId,
      action: 'calendar_feed.revoked',
      entityType: 'calendar_feed',
      entityId: feed.id,
      ip: meta.ip,
    });
  }
  return revoked.length > 0;
}

/** A new feed for the user, the old one revoked; returns the token, which is not stored and cannot be shown again. */
export async function createFeed(tx: Tx, userId: string, meta: WriteMeta) {
  await revokeFeeds(tx, userId, meta);
  const token = newToken();
  const [feed] = await tx
    .insert(calendarFeeds)
    .values({ userId, tokenHash: hashToken(token), createdAt: meta.now })
    .returning();
  await recordAudit(tx, {
    actorId: userId,
    action: 'calendar_feed.created',
    entityType: 'calendar_feed',
    entityId: feed!.id,
    ip: meta.ip,
  });
  return { token, feed: feed! };
}

/** The owner of a live feed (an active account) with their roles and language; undefined for anything else. */
export async function feedOwner(tx: Tx, token: string): Promise<{ actor: Actor; locale: Locale } | undefined> {
  const [row] = await tx
    .select({ userId: users.id, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(
      and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt), eq(users.status, 'active')),
    );
  if (!row) return undefined;
  return { actor: { userId: row.userId, grants: await grantsOf(tx, row.userId) }, locale: row.locale };
}

/** Which missions a feed shows: staff all (the last year and ahead), experts their own, focal points their hosts'. */
function scopeOf(actor: Actor, today: string): SQL | undefined {
  if (hasRole(actor, 'admin', 'programme_officer', 'me_officer')) {
    const since = new Date(`${today}T00:00:00Z`);
    since.setUTCDate(since.getUTCDate() - staffHistoryDays);
    return gte(missions.endsOn, since.toISOString().slice(0, 10));
  }
  const own: SQL[] = [];
  if (hasRole(actor, 'expert')) own.push(eq(missions.expertId, actor.userId));
  const hosts = focalInstitutionIds(actor);
  if (hosts.length) own.push(inArray(missions.institutionId, hosts));
  // Neither role: a condition nothing meets.
  return own.length ? or(...own) : eq(missions.id, '00000000-0000-0000-0000-000000000000');
}

/** The missions (not cancelled) and sessions of a feed, in the owner's language. */
export async function feedEvents(
  tx: Tx,
  actor: Actor,
  locale: Locale,
  today: string,
): Promise<{ missions: CalendarMission[]; sessions: CalendarSession[] }> {
  const rows = await tx
    .select()
    .from(missions)
    .where(and(ne(missions.state, 'cancelled'), scopeOf(actor, today)))
    .orderBy(desc(missions.startsOn), asc(missions.reference))
    .limit(feedLimit);
  const contexts = await contextsOf(tx, rows);
  const shown = rows.map((row): CalendarMission => {
    const context = contexts.get(row.id)!;
    const country = countries.find((entry) => entry.code === row.country)?.[locale] ?? row.country;
    return {
      id: row.id,
      reference: row.reference,
      state: row.state,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      torReference: context.torReference,
      torTitle: titleIn(context, locale),
      host: hostIn(context, locale),
      expertName: context.expertName,
      place: row.modality === 'online' ? null : [row.city, country].filter(Boolean).join(', '),
      updatedAt: row.updatedAt,
    };
  });
  const sessions = rows.length
    ? await tx
        .select()
        .from(missionSessions)
        .where(
          inArray(
            missionSessions.missionId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(missionSessions.startsAt))
    : [];
  return {
    missions: shown,
    sessions: sessions.map((session) => ({
      id: session.id,
      missionId: session.missionId,
      startsAt: session.startsAt,
      durationMinutes: session.durationMinutes,
      topic: session.topic,
      participantsCount: session.participantsCount,
      updatedAt:
        session.attendanceRecordedAt && session.attendanceRecordedAt > session.createdAt
          ? session.attendanceRecordedAt
          : session.createdAt,
    })),
  };
}
