import { eq, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { enqueueEmail } from '../../notifications/outbox.ts';
import { enforceLimit, limits, recordHit } from '../rate-limits.ts';
import { findUserByEmail, grantsOf, type User } from '../repository.ts';
import { staffRoles, users } from '../schema.ts';
import { decoyPasswordHash, verifyPassword } from '../secrets.ts';
import { createSession } from '../sessions.ts';

/** Failed attempts in a row before an account is locked… */
export const maxFailedLogins = 5;
/** …and for how long. */
export const lockMinutes = 15;

export interface Credentials {
  email: string;
  password: string;
  totp?: string | undefined;
}

export interface RequestMeta {
  ip: string;
  userAgent: string | undefined;
  publicUrl: string;
}

/** Checks a 6-digit code against a base32 secret, accepting the previous and next 30-second step. */
export function totpMatches(secret: string, code: string): boolean {
  const totp = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
  return totp.validate({ token: code, window: 1 }) !== null;
}

/**
 * Signs a user in. Failures are written outside any transaction on purpose: the refusal must not roll back the
 * count that eventually locks the account.
 */
export async function login(
  db: Db,
  credentials: Credentials,
  meta: RequestMeta,
): Promise<{ token: string; expiresAt: Date; user: User }> {
  await enforceLimit(db, limits.loginFailuresPerAddress, meta.ip);
  const user = await findUserByEmail(db, credentials.email);
  if (!user || user.status !== 'active') {
    await verifyPassword(decoyPasswordHash, credentials.password);
    await recordHit(db, limits.loginFailuresPerAddress, meta.ip);
    throw new AppError('invalid_credentials', 'Wrong e-mail address or password');
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    throw lockedError(user.lockedUntil);
  }
  if (!(await verifyPassword(user.passwordHash, credentials.password))) {
    await recordFailure(db, user, meta);
  }
  const grants = await grantsOf(db, user.id);
  const isStaff = grants.some((grant) => staffRoles.includes(grant.role));
  if (isStaff && user.totpEnabledAt && user.totpSecret) {
    if (!credentials.totp) throw new AppError('totp_required', 'Enter the code from your authenticator app');
    if (!totpMatches(user.totpSecret, credentials.totp)) {
      await recordFailure(db, user, meta, 'totp_invalid');
    }
  }
  return db.transaction(async (tx) => {
    if (user.failedLoginCount > 0 || user.lockedUntil) {
      await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    }
    const session = await createSession(tx, user.id, meta);
    await recordAudit(tx, {
      actorId: user.id,
      action: 'session.created',
      entityType: 'user',
      entityId: user.id,
      ip: meta.ip,
    });
    return { ...session, user };
  });
}

function lockedError(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError('account_locked', `Too many failed attempts: try again in ${minutes} minutes`);
}

/** Counts a failure; the fifth in a row locks the account and tells its owner by e-mail. Always throws. */
async function recordFailure(
  db: Db,
  user: User,
  meta: RequestMeta,
  code: 'invalid_credentials' | 'totp_invalid' = 'invalid_credentials',
): Promise<never> {
  await recordHit(db, limits.loginFailuresPerAddress, meta.ip);
  const lockedUntil = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
      .where(eq(users.id, user.id))
      .returning({ failedLoginCount: users.failedLoginCount });
    if ((updated?.failedLoginCount ?? 0) < maxFailedLogins) return null;
    const until = new Date(Date.now() + lockMinutes * 60_000);
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: until }).where(eq(users.id, user.id));
    await enqueueEmail(tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'account_locked',
      params: { name: user.name, minutes: lockMinutes, resetLink: `${meta.publicUrl}/forgot-password` },
    });
    await recordAudit(tx, {
      actorId: null,
      action: 'user.locked',
      entityType: 'user',
      entityId: user.id,
      changes: { lockedUntil: { after: until.toISOString() } },
      ip: meta.ip,
    });
    return until;
  });
  if (lockedUntil) throw lockedError(lockedUntil);
  throw new AppError(code, code === 'totp_invalid' ? 'The code is not valid' : 'Wrong e-mail address or password');
}
