import { and, eq, isNull, sql } from 'drizzle-orm';
import type { RoleGrant } from '../../authz/actor.ts';
import type { Tx } from '../../db/client.ts';
import { roleAssignments, sessions, users } from './schema.ts';
import { hashToken, newToken } from './secrets.ts';

/** A session ends after this long without a request… */
export const sessionIdleMs = 8 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const sessionAbsoluteMs = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not all become writes. */
const touchEveryMs = 60 * 1000;

export const sessionCookieName = 'passerelle_session';

export async function createSession(
  tx: Tx,
  userId: string,
  meta: { ip: string; userAgent: string | undefined },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + sessionAbsoluteMs);
  await tx.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export type SessionWithUser = {
  session: typeof sessions.$inferSelect;
  user: typeof users.$inferSelect;
};

/**
 * The live session for a cookie token, or the reason there is none. Expired sessions are reported as such so
 * the client can say "your session expired" rather than "sign in".
 */
export async function resolveSession(
  tx: Tx,
  token: string,
): Promise<{ status: 'ok'; value: SessionWithUser & { grants: RoleGrant[] } } | { status: 'expired' | 'none' }> {
  // One round trip per request: the session, its user and the user's role grants together.
  const [row] = await tx
    .select({
      session: sessions,
      user: users,
      grants: sql<RoleGrant[]>`coalesce((
        select json_agg(json_build_object(
          'role', ${roleAssignments.role},
          'programmeId', ${roleAssignments.programmeId},
          'institutionId', ${roleAssignments.institutionId}))
        from ${roleAssignments} where ${roleAssignments.userId} = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashToken(token)));
  if (!row || row.session.revokedAt) return { status: 'none' };
  const now = Date.now();
  if (row.user.status !== 'active') return { status: 'none' };
  if (row.session.expiresAt.getTime() <= now || row.session.lastSeenAt.getTime() + sessionIdleMs <= now) {
    return { status: 'expired' };
  }
  if (now - row.session.lastSeenAt.getTime() > touchEveryMs) {
    await tx
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, row.session.id));
  }
  return { status: 'ok', value: row };
}

export async function revokeSession(tx: Tx, sessionId: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}
