import { count, eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { auditEvents } from '../modules/audit/schema.ts';
import { login } from '../modules/identity/commands/login.ts';
import { roleAssignments, users } from '../modules/identity/schema.ts';
import { createAdmin, CreateAdminError, validateAdminInput } from './create-admin.ts';

const meta = { ip: '127.0.0.1', userAgent: 'test', publicUrl: 'http://localhost' };

describe('validateAdminInput', () => {
  it('applies the registration rules and names the flag at fault', () => {
    expect(() => validateAdminInput({ email: 'not-an-address', name: 'A', password: 'long enough pw' }, {})).toThrow(
      /--email/,
    );
    expect(() => validateAdminInput({ email: 'a@b.example', name: 'A', password: 'short' }, {})).toThrow(
      /--password: At least 10 characters/,
    );
    expect(() => validateAdminInput({ email: 'a@b.example', name: 'A' }, {})).toThrow(/Missing --password/);
    expect(() => validateAdminInput({ email: 'a@b.example', name: '   ', password: 'long enough pw' }, {})).toThrow(
      CreateAdminError,
    );
  });

  it('takes the password from PASSERELLE_ADMIN_PASSWORD and lower-cases the e-mail', () => {
    expect(
      validateAdminInput({ email: ' Root@Example.ORG ', name: 'Root' }, { PASSERELLE_ADMIN_PASSWORD: 'from the env!' }),
    ).toEqual({ email: 'root@example.org', name: 'Root', password: 'from the env!' });
  });
});

describe('createAdmin', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  it('creates a verified admin with a second factor, who can sign in with password and code', async () => {
    const { db } = test.database;
    const input = validateAdminInput(
      { email: 'Head@Programme.example', name: 'Head of Programme', password: 'a long passphrase' },
      {},
    );
    const admin = await createAdmin(db, input);
    expect(admin.otpauthUri).toMatch(/^otpauth:\/\/totp\/Passerelle:head%40programme\.example\?/);
    expect(admin.otpauthUri).toContain(`secret=${admin.totpSecret}`);

    const [user] = await db.select().from(users).where(eq(users.id, admin.userId));
    expect(user!.emailVerifiedAt).not.toBeNull();
    expect(user!.totpEnabledAt).not.toBeNull();
    const grants = await db.select().from(roleAssignments).where(eq(roleAssignments.userId, admin.userId));
    expect(grants.map((grant) => [grant.role, grant.programmeId, grant.institutionId])).toEqual([
      ['admin', null, null],
    ]);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, admin.userId));
    expect(event!.action).toBe('user.admin_created');

    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(admin.totpSecret) }).generate();
    const session = await login(
      db,
      { email: 'head@programme.example', password: 'a long passphrase', totp: code },
      meta,
    );
    expect(session.user.id).toBe(admin.userId);
  });

  it('refuses an e-mail already in use, whatever its case, and writes nothing', async () => {
    const { db } = test.database;
    const countRows = async () => ({
      users: (await db.select({ n: count() }).from(users))[0]!.n,
      audit: (await db.select({ n: count() }).from(auditEvents))[0]!.n,
    });
    const before = await countRows();
    const input = validateAdminInput(
      { email: 'HEAD@programme.example', name: 'Other', password: 'another passphrase' },
      {},
    );
    await expect(createAdmin(db, input)).rejects.toThrow(/already uses head@programme\.example/);
    expect(await countRows()).toEqual(before);
  });
});
