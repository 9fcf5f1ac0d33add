import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { fieldError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { enqueueEmail } from '../../notifications/outbox.ts';
import { revokeAllSessions, type User } from '../repository.ts';
import { users } from '../schema.ts';
import { hashPassword, verifyPassword } from '../secrets.ts';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * A signed-in user changes their password: the current one proves it is them, their other sessions are signed
 * out (a stolen session does not survive the change), and they are told by e-mail in case it was not them.
 */
export async function changePassword(
  tx: Tx,
  user: User,
  sessionId: string,
  change: PasswordChange,
  meta: { ip: string; publicUrl: string },
): Promise<void> {
  if (!(await verifyPassword(user.passwordHash, change.currentPassword))) {
    // A field error (400), not the sign-in's 401: the user is signed in, only the typed password is wrong.
    throw fieldError('currentPassword', 'invalid_credentials', 'The current password is wrong');
  }
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(change.newPassword), updatedAt: new Date() })
    .where(eq(users.id, user.id));
  await revokeAllSessions(tx, user.id, sessionId);
  await afterPasswordChange(tx, user, 'user.password_changed', meta);
}

/**
 * What follows any change of password, whichever way it was made: the owner is told by e-mail (in case it was not
 * them, with the way to take the account back) and the change is audited, never with the password itself.
 */
export async function afterPasswordChange(
  tx: Tx,
  user: User,
  action: 'user.password_changed' | 'user.password_reset',
  meta: { ip: string; publicUrl: string },
): Promise<void> {
  await enqueueEmail(tx, {
    to: user.email,
    userId: user.id,
    locale: user.locale,
    template: 'password_changed',
    params: { name: user.name, resetLink: `${meta.publicUrl}/forgot-password` },
  });
  await recordAudit(tx, {
    actorId: user.id,
    action,
    entityType: 'user',
    entityId: user.id,
    changes: { password: { after: 'changed' } },
    ip: meta.ip,
  });
}
