import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { rateLimitEvents } from './schema.ts';

/** Named limits: how many events per key within the window before the next one is refused. */
export const limits = {
  loginFailuresPerAddress: { bucket: 'login_failure_ip', max: 30, windowMs: 15 * 60 * 1000 },
  registrationsPerAddress: { bucket: 'register_ip', max: 10, windowMs: 60 * 60 * 1000 },
  resetRequestsPerAddress: { bucket: 'reset_ip', max: 20, windowMs: 60 * 60 * 1000 },
  resetRequestsPerAccount: { bucket: 'reset_account', max: 5, windowMs: 60 * 60 * 1000 },
  /** Password re-entry by a signed-in user (password change, erasure): a stolen session must not guess it. */
  passwordConfirmationsPerAccount: { bucket: 'password_confirm_account', max: 10, windowMs: 60 * 60 * 1000 },
  verificationResendsPerAccount: { bucket: 'verify_resend_account', max: 5, windowMs: 60 * 60 * 1000 },
} as const;
export type Limit = (typeof limits)[keyof typeof limits];

export async function recordHit(tx: Tx, limit: Limit, key: string): Promise<void> {
  await tx.insert(rateLimitEvents).values({ bucket: limit.bucket, key });
}

export async function isOverLimit(tx: Tx, limit: Limit, key: string): Promise<boolean> {
  const since = new Date(Date.now() - limit.windowMs);
  const [row] = await tx
    .select({ hits: count() })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, limit.bucket), eq(rateLimitEvents.key, key), gte(rateLimitEvents.at, since)));
  return Number(row?.hits ?? 0) >= limit.max;
}

/** Refuses with 429 when the key has used up its allowance. */
export async function enforceLimit(tx: Tx, limit: Limit, key: string): Promise<void> {
  if (await isOverLimit(tx, limit, key)) {
    throw new AppError('rate_limited', 'Too many attempts: wait a few minutes and try again');
  }
}

/** Forgets events older than every window; run by the background worker. */
export async function pruneRateLimitEvents(tx: Tx): Promise<void> {
  const longest = Math.max(...Object.values(limits).map((limit) => limit.windowMs));
  await tx.delete(rateLimitEvents).where(lt(rateLimitEvents.at, new Date(Date.now() - longest)));
}

/**
 * Counts one attempt and refuses past the allowance. The hit is written on its own, outside the caller's
 * transaction, so that a refused attempt (which rolls the transaction back) still counts.
 */
export async function spendAttempt(db: Tx, limit: Limit, key: string): Promise<void> {
  await enforceLimit(db, limit, key);
  await recordHit(db, limit, key);
}
