import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Tx } from '../../../db/client.ts';
import { AppError, fieldError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import type { User } from '../repository.ts';
import { users } from '../schema.ts';
import { totpMatches } from './login.ts';

/**
 * Proposes a secret; it only takes effect once a first code from it is confirmed. A secret already proposed is
 * shown again, so that reloading the page does not invalidate a QR code the user has just scanned.
 */
export async function startTotpEnrolment(tx: Tx, user: User) {
  if (user.totpEnabledAt) throw new AppError('totp_already_enabled', 'An authenticator app is already set up');
  const secret = user.pendingTotpSecret
    ? OTPAuth.Secret.fromBase32(user.pendingTotpSecret)
    : new OTPAuth.Secret({ size: 20 });
  const totp = new OTPAuth.TOTP({
    issuer: 'Passerelle',
    label: user.email,
    secret,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
  if (!user.pendingTotpSecret) {
    await tx.update(users).set({ pendingTotpSecret: secret.base32 }).where(eq(users.id, user.id));
  }
  const otpauthUri = totp.toString();
  const qrCodeSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1 });
  return { secret: secret.base32, otpauthUri, qrCodeSvg };
}

/** Turns the second factor on with a first valid code from the proposed secret. */
export async function confirmTotpEnrolment(tx: Tx, user: User, code: string, ip: string): Promise<void> {
  if (user.totpEnabledAt) throw new AppError('totp_already_enabled', 'An authenticator app is already set up');
  if (!user.pendingTotpSecret) throw new AppError('conflict', 'Start the set-up first');
  if (!totpMatches(user.pendingTotpSecret, code)) {
    // A field error (400), not the sign-in's 401: the user is signed in, only the typed code is wrong.
    throw fieldError('code', 'totp_invalid', 'The code is not valid');
  }
  await tx
    .update(users)
    .set({
      totpSecret: user.pendingTotpSecret,
      pendingTotpSecret: null,
      totpEnabledAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(users.id, user.id));
  await recordAudit(tx, {
    actorId: user.id,
    action: 'user.totp_enabled',
    entityType: 'user',
    entityId: user.id,
    changes: { totp: { before: 'off', after: 'on' } },
    ip,
  });
}
