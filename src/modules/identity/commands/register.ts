import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { enqueueEmail } from '../../notifications/outbox.ts';
import { findUserByEmail, issueUserToken, normaliseEmail } from '../repository.ts';
import { consents, roleAssignments, users, type Locale } from '../schema.ts';
import { hashPassword } from '../secrets.ts';

/** Version of the processing notice the expert agreed to; bump it when the notice changes. */
export const processingConsentVersion = '2026-11';
export const verificationTtlMs = 48 * 60 * 60 * 1000;

export interface Registration {
  name: string;
  email: string;
  password: string;
  locale?: Locale | undefined;
}

/** An expert signs up: account, expert role, consent to processing, and an e-mail to verify the address. */
export async function registerExpert(tx: Tx, input: Registration, meta: { ip: string; publicUrl: string }) {
  const email = normaliseEmail(input.email);
  if (await findUserByEmail(tx, email)) {
    throw new AppError('email_taken', 'An account already uses this e-mail address', [
      { path: 'email', code: 'email_taken', message: 'An account already uses this e-mail address' },
    ]);
  }
  const locale = input.locale ?? 'fr';
  const [user] = await tx
    .insert(users)
    .values({ email, name: input.name, passwordHash: await hashPassword(input.password), locale })
    .returning();
  await tx.insert(roleAssignments).values({ userId: user!.id, role: 'expert' });
  await tx.insert(consents).values({ userId: user!.id, purpose: 'processing', version: processingConsentVersion });
  const token = await issueUserToken(tx, user!.id, 'verify_email', verificationTtlMs);
  await enqueueEmail(tx, {
    to: email,
    userId: user!.id,
    locale,
    template: 'verify_email',
    params: { name: input.name, link: `${meta.publicUrl}/verify-email?token=${token}` },
  });
  await recordAudit(tx, {
    actorId: user!.id,
    action: 'user.registered',
    entityType: 'user',
    entityId: user!.id,
    changes: { role: { after: 'expert' }, consent: { after: `processing@${processingConsentVersion}` } },
    ip: meta.ip,
  });
  return user!;
}
