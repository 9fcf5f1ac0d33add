import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { AppError, fieldError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { findInstitution } from '../../institutions/service.ts';
import { enqueueEmail } from '../../notifications/outbox.ts';
import { findProgramme } from '../../programmes/service.ts';
import { findUserByEmail, findUserById, issueUserToken, normaliseEmail } from '../repository.ts';
import { roleAssignments, users, type Locale, type Role } from '../schema.ts';
import { hashPassword } from '../secrets.ts';
import { consumeUserToken } from './user-tokens.ts';

export const invitationTtlMs = 7 * 24 * 60 * 60 * 1000;

export interface Invitation {
  email: string;
  name: string;
  role: Role;
  institutionId?: string | undefined;
  programmeId?: string | undefined;
  locale: Locale;
}

/** Staff invite a focal point or a colleague: an inactive account, its role, and an e-mail to set a password. */
export async function inviteUser(
  tx: Tx,
  inviterId: string,
  input: Invitation,
  meta: { ip: string; publicUrl: string },
) {
  const email = normaliseEmail(input.email);
  if (input.role === 'focal_point' && !input.institutionId) {
    throw fieldError('institutionId', 'required', 'A focal point represents an institution: choose one');
  }
  if (input.institutionId && !(await findInstitution(tx, input.institutionId))) {
    throw fieldError('institutionId', 'not_found', 'Unknown institution');
  }
  if (input.programmeId && !(await findProgramme(tx, input.programmeId))) {
    throw fieldError('programmeId', 'not_found', 'Unknown programme');
  }
  if (await findUserByEmail(tx, email)) {
    throw new AppError('email_taken', 'An account already uses this e-mail address', [
      { path: 'email', code: 'email_taken', message: 'An account already uses this e-mail address' },
    ]);
  }
  const inviter = await findUserById(tx, inviterId);
  const [user] = await tx
    .insert(users)
    .values({ email, name: input.name, locale: input.locale, status: 'invited' })
    .returning();
  await tx.insert(roleAssignments).values({
    userId: user!.id,
    role: input.role,
    institutionId: input.institutionId ?? null,
    programmeId: input.programmeId ?? null,
  });
  const token = await issueUserToken(tx, user!.id, 'invitation', invitationTtlMs);
  await enqueueEmail(tx, {
    to: email,
    userId: user!.id,
    locale: input.locale,
    template: 'invitation',
    params: {
      name: input.name,
      inviter: inviter?.name ?? 'Passerelle',
      role: input.role,
      link: `${meta.publicUrl}/accept-invitation?token=${token}`,
    },
  });
  await recordAudit(tx, {
    actorId: inviterId,
    action: 'user.invited',
    entityType: 'user',
    entityId: user!.id,
    changes: { role: { after: input.role }, institutionId: { after: input.institutionId ?? null } },
    ip: meta.ip,
  });
  return user!;
}

/** The invited person chooses a password; the account becomes active with a verified address. */
export async function acceptInvitation(tx: Tx, token: string, password: string, ip: string) {
  const row = await consumeUserToken(tx, token, 'invitation');
  const invited = await findUserById(tx, row.userId);
  // An account disabled after its invitation was sent must stay disabled: the link is not a way back in.
  if (invited?.status !== 'invited') {
    throw new AppError('token_invalid', 'This invitation is no longer valid', [
      { path: 'token', code: 'token_invalid', message: 'This invitation is no longer valid' },
    ]);
  }
  const now = new Date();
  const [user] = await tx
    .update(users)
    .set({ passwordHash: await hashPassword(password), status: 'active', emailVerifiedAt: now, updatedAt: now })
    .where(eq(users.id, row.userId))
    .returning();
  await recordAudit(tx, {
    actorId: row.userId,
    action: 'user.invitation_accepted',
    entityType: 'user',
    entityId: row.userId,
    ip,
  });
  return user!;
}
