import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { enqueueEmail } from '../../notifications/outbox.ts';
import { enforceLimit, isOverLimit, limits, recordHit } from '../rate-limits.ts';
import { findUserByEmail, findUserById, issueUserToken, revokeAllSessions, voidUserTokens } from '../repository.ts';
import { users } from '../schema.ts';
import { hashPassword } from '../secrets.ts';
import { afterPasswordChange } from './change-password.ts';
import { consumeUserToken } from './user-tokens.ts';
import { verificationTtlMs } from './register.ts';

export const passwordResetTtlMs = 60 * 60 * 1000;

interface Meta {
  ip: string;
  publicUrl: string;
}

/** Confirms the address of the token's owner; refused (token_invalid, token_used, token_expired) otherwise. */
export async function verifyEmail(tx: Tx, token: string, meta: Meta): Promise<void> {
  const row = await consumeUserToken(tx, token, 'verify_email');
  await tx.update(users).set({ emailVerifiedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, row.userId));
  await recordAudit(tx, {
    actorId: row.userId,
    action: 'user.email_verified',
    entityType: 'user',
    entityId: row.userId,
    ip: meta.ip,
  });
}

/** Sends a fresh verification link (the previous ones stop working); nothing when already verified. */
export async function resendVerification(tx: Tx, userId: string, meta: Meta): Promise<void> {
  const user = await findUserById(tx, userId);
  if (!user || user.emailVerifiedAt) return;
  // Each resend is an e-mail to someone's mailbox: a handful an hour is plenty.
  await enforceLimit(tx, limits.verificationResendsPerAccount, user.id);
  await recordHit(tx, limits.verificationResendsPerAccount, user.id);
  await voidUserTokens(tx, user.id, 'verify_email');
  const token = await issueUserToken(tx, user.id, 'verify_email', verificationTtlMs);
  await enqueueEmail(tx, {
    to: user.email,
    userId: user.id,
    locale: user.locale,
    template: 'verify_email',
    params: { name: user.name, link: `${meta.publicUrl}/verify-email?token=${token}` },
  });
}

/**
 * Sends a reset link when the address has an account. The answer is the same either way, so that nobody
 * learns who has an account here. An invited account (a pending invitation, or a person imported from an older
 * roster) is served too: setting a password through a link sent to that mailbox is how its owner claims it.
 */
export async function requestPasswordReset(tx: Tx, email: string, meta: Meta): Promise<void> {
  if (await isOverLimit(tx, limits.resetRequestsPerAddress, meta.ip)) {
    throw new AppError('rate_limited', 'Too many requests: wait a while and try again');
  }
  await recordHit(tx, limits.resetRequestsPerAddress, meta.ip);
  const user = await findUserByEmail(tx, email);
  if (!user || user.status === 'disabled') return;
  // Past the per-account allowance, stay silent rather than flood someone's mailbox.
  if (await isOverLimit(tx, limits.resetRequestsPerAccount, user.id)) return;
  await recordHit(tx, limits.resetRequestsPerAccount, user.id);
  await voidUserTokens(tx, user.id, 'reset_password');
  const token = await issueUserToken(tx, user.id, 'reset_password', passwordResetTtlMs);
  await enqueueEmail(tx, {
    to: user.email,
    userId: user.id,
    locale: user.locale,
    template: 'password_reset',
    params: { name: user.name, link: `${meta.publicUrl}/reset-password?token=${token}` },
  });
  await recordAudit(tx, {
    actorId: null,
    action: 'user.password_reset_requested',
    entityType: 'user',
    entityId: user.id,
    ip: meta.ip,
  });
}

/** Sets a new password from a reset link: unlocks the account and signs out every session. */
export async function resetPassword(tx: Tx, token: string, password: string, meta: Meta): Promise<void> {
  const row = await consumeUserToken(tx, token, 'reset_password');
  const user = await findUserById(tx, row.userId);
  if (!user || user.status === 'disabled') throw new AppError('token_invalid', 'This link is not valid');
  const now = new Date();
  await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      failedLoginCount: 0,
      lockedUntil: null,
      // The link arrived in this mailbox: that proves the address as well as a verification link would.
      emailVerifiedAt: user.emailVerifiedAt ?? now,
      // Claiming an invited account: the owner has proved the mailbox and chosen a password.
      ...(user.status === 'invited' ? { status: 'active' as const } : {}),
      updatedAt: now,
    })
    .where(eq(users.id, user.id));
  await revokeAllSessions(tx, user.id);
  await afterPasswordChange(tx, user, 'user.password_reset', meta);
}
