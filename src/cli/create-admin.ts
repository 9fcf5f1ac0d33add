// `passerelle create-admin`: the first administrator of a new deployment, created from the command line because
// nobody can sign in to invite them yet.
import * as OTPAuth from 'otpauth';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { findUserByEmail, normaliseEmail } from '../modules/identity/repository.ts';
import { roleAssignments, users } from '../modules/identity/schema.ts';
import { registerBody } from '../modules/identity/schemas.ts';
import { hashPassword } from '../modules/identity/secrets.ts';

/** Bad input or a refused creation: the CLI prints the message and exits non-zero. */
export class CreateAdminError extends Error {
  override name = 'CreateAdminError';
}

export interface AdminInput {
  email: string;
  name: string;
  password: string;
}

/** The registration rules for these three fields, so an admin's password is held to the experts' standard. */
const adminFields = registerBody.pick({ email: true, name: true, password: true });

/**
 * Checks the flags before the database is opened, so bad input costs nothing and writes nothing. The password
 * comes from --password or, to keep it out of the shell history and the process list, PASSERELLE_ADMIN_PASSWORD.
 */
export function validateAdminInput(
  flags: { email?: string | undefined; name?: string | undefined; password?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): AdminInput {
  const password = flags.password ?? env.PASSERELLE_ADMIN_PASSWORD;
  const missing = [
    flags.email === undefined && '--email',
    flags.name === undefined && '--name',
    password === undefined && '--password (or PASSERELLE_ADMIN_PASSWORD)',
  ].filter(Boolean);
  if (missing.length > 0) throw new CreateAdminError(`Missing ${missing.join(', ')}.`);
  // Surrounding spaces from shell quoting are not part of the address.
  const parsed = adminFields.safeParse({ email: flags.email?.trim(), name: flags.name, password });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`);
    throw new CreateAdminError(`Cannot create the admin account:\n  ${problems.join('\n  ')}`);
  }
  return { ...parsed.data, email: normaliseEmail(parsed.data.email) };
}

export interface CreatedAdmin {
  userId: string;
  email: string;
  /** Base32 TOTP secret, shown once so the admin can add it to an authenticator app. */
  totpSecret: string;
  otpauthUri: string;
}

/**
 * Creates an active admin with a verified e-mail and a second factor already set up (staff must use one, and
 * there is no one to enrol it with), plus the audit event, in one transaction. Refuses an e-mail already in use.
 */
export async function createAdmin(db: Db, input: AdminInput): Promise<CreatedAdmin> {
  const passwordHash = await hashPassword(input.password);
  const secret = new OTPAuth.Secret({ size: 20 });
  const totp = new OTPAuth.TOTP({
    issuer: 'Passerelle',
    label: input.email,
    secret,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw new CreateAdminError(`An account already uses ${input.email}: nothing was changed.`);
    }
    const now = new Date();
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        passwordHash,
        emailVerifiedAt: now,
        totpSecret: secret.base32,
        totpEnabledAt: now,
      })
      .returning({ id: users.id });
    await tx.insert(roleAssignments).values({ userId: user!.id, role: 'admin' });
    await recordAudit(tx, {
      actorId: null,
      action: 'user.admin_created',
      entityType: 'user',
      entityId: user!.id,
      changes: { role: { after: 'admin' }, totp: { after: 'on' }, via: 'command line' },
    });
    return { userId: user!.id, email: input.email, totpSecret: secret.base32, otpauthUri: totp.toString() };
  });
}
