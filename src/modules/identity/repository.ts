import { and, asc, countDistinct, desc, eq, gt, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Actor, RoleGrant } from '../../authz/actor.ts';
import { roleAssignments, sessions, staffRoles, users, userTokens, type Role, type TokenPurpose } from './schema.ts';
import { hashToken, newToken } from './secrets.ts';

export type User = typeof users.$inferSelect;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(tx: Tx, email: string): Promise<User | undefined> {
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return user;
}

export async function findUserById(tx: Tx, id: string): Promise<User | undefined> {
  const [user] = await tx.select().from(users).where(eq(users.id, id));
  return user;
}

export async function grantsOf(tx: Tx, userId: string): Promise<RoleGrant[]> {
  return tx
    .select({
      role: roleAssignments.role,
      programmeId: roleAssignments.programmeId,
      institutionId: roleAssignments.institutionId,
    })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
}

/** A user as the policies see them, and whether they still owe a second factor. */
export interface Identity {
  user: User;
  actor: Actor;
  /** A staff member who has not enrolled a second factor yet may only do that. */
  mfaEnrolmentRequired: boolean;
}

export async function identify(tx: Tx, user: User): Promise<Identity> {
  return identityOf(user, await grantsOf(tx, user.id));
}

/** The identity of a user whose grants are already loaded. */
export function identityOf(user: User, grants: RoleGrant[]): Identity {
  const isStaff = grants.some((grant) => staffRoles.includes(grant.role));
  return { user, actor: { userId: user.id, grants }, mfaEnrolmentRequired: isStaff && !user.totpEnabledAt };
}

/** Creates a single-use token for an e-mailed link; returns the clear token (only ever sent, never stored). */
export async function issueUserToken(tx: Tx, userId: string, purpose: TokenPurpose, ttlMs: number): Promise<string> {
  const token = newToken();
  await tx.insert(userTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + ttlMs),
  });
  return token;
}

export type UserToken = typeof userTokens.$inferSelect;

/** Finds a token by its clear value and locks its row, so two concurrent uses cannot both succeed. */
export async function findUserTokenForUpdate(
  tx: Tx,
  token: string,
  purpose: TokenPurpose,
): Promise<UserToken | undefined> {
  const [row] = await tx
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, purpose)))
    .for('update');
  return row;
}

export async function markUserTokenUsed(tx: Tx, id: string): Promise<void> {
  await tx.update(userTokens).set({ usedAt: new Date() }).where(eq(userTokens.id, id));
}

/** Voids the user's other unused tokens of a purpose (a new reset link replaces the previous ones). */
export async function voidUserTokens(tx: Tx, userId: string, purpose: TokenPurpose): Promise<void> {
  await tx
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
}

/** Signs the user out everywhere, except the session given (the one changing the password). */
export async function revokeAllSessions(tx: Tx, userId: string, exceptSessionId?: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    );
}

/** E-mail address of each of the given users, for showing who did what. */
export async function emailsOf(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.email]));
}

export interface UserListQuery {
  page: number;
  pageSize: number;
  q?: string | undefined;
  role?: Role | undefined;
  sort: 'name' | '-name' | 'email' | '-email' | 'createdAt' | '-createdAt';
}

/** Accounts filtered by text (name or e-mail) and role, sorted and paginated, each with its roles. */
export async function listUsers(tx: Tx, { page, pageSize, q, role, sort }: UserListQuery) {
  const conditions: SQL[] = [];
  if (q) conditions.push(or(ilike(users.name, `%${q}%`), ilike(users.email, `%${q}%`))!);
  if (role) conditions.push(eq(roleAssignments.role, role));
  const where = conditions.length ? and(...conditions) : undefined;
  const column = { name: users.name, email: users.email, createdAt: users.createdAt }[sort.replace('-', '') as 'name'];
  const base = tx
    .selectDistinct({ user: users })
    .from(users)
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id));
  // One after the other: `tx` may be a transaction, whose one connection refuses overlapping queries.
  const rows = await base
    .where(where)
    .orderBy(sort.startsWith('-') ? desc(column) : asc(column), asc(users.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx
    .select({ value: countDistinct(users.id) })
    .from(users)
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(where);
  const ids = rows.map((row) => row.user.id);
  const grants = ids.length ? await tx.select().from(roleAssignments).where(inArray(roleAssignments.userId, ids)) : [];
  return {
    items: rows.map(({ user }) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      status: user.status,
      locale: user.locale,
      roles: grants.filter((grant) => grant.userId === user.id).map((grant) => grant.role),
      emailVerified: user.emailVerifiedAt !== null,
      totpEnabled: user.totpEnabledAt !== null,
      createdAt: user.createdAt.toISOString(),
    })),
    total: Number(total?.value ?? 0),
    page,
    pageSize,
  };
}
