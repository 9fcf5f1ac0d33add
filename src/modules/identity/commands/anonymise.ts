import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import type { User } from '../repository.ts';
import { consents, sessions, users, userTokens } from '../schema.ts';

/** The address an erased account keeps: unique per account, in a domain that can never receive mail. */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;

/**
 * Empties an account of everything personal, in the caller's transaction: the address and name are replaced,
 * secrets, tokens and sessions go, consents are withdrawn, and the account is disabled for good. The row stays,
 * so that what refers to it (roles, anonymous records) still holds together.
 */
export async function anonymiseAccount(tx: Tx, user: User, now: Date): Promise<void> {
  await tx.delete(userTokens).where(eq(userTokens.userId, user.id));
  await tx.delete(sessions).where(eq(sessions.userId, user.id));
  await tx
    .update(consents)
    .set({ withdrawnAt: now })
    .where(and(eq(consents.userId, user.id), isNull(consents.withdrawnAt)));
  await tx
    .update(users)
    .set({
      email: erasedEmail(user.id),
      name: '',
      passwordHash: null,
      totpSecret: null,
      totpEnabledAt: null,
      pendingTotpSecret: null,
      emailVerifiedAt: null,
      status: 'disabled',
      failedLoginCount: 0,
      lockedUntil: null,
      updatedAt: now,
    })
    .where(eq(users.id, user.id));
}
