/**
 * Who other modules write to: accounts as e-mail and in-app recipients (address, name, language), found by id or
 * by the role they hold within an institution or a programme. The one place outside identity that reads its tables.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { roleAssignments, users, type Locale, type Role } from './schema.ts';

/** An account to write to, in its own language. */
export interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
}

/** A role holder as staff see them on an institution's page: disabled and invited accounts included. */
export interface RoleHolder extends Recipient {
  status: 'active' | 'invited' | 'disabled';
}

/** Where a role counts: grants scoped to this institution, or to this programme (unscoped grants count too). */
export interface RoleScope {
  institutionId?: string;
  programmeId?: string;
}

const holderColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  status: users.status,
};

function roleConditions(role: Role, scope: RoleScope): SQL[] {
  const conditions = [eq(roleAssignments.role, role)];
  if (scope.institutionId) conditions.push(eq(roleAssignments.institutionId, scope.institutionId));
  if (scope.programmeId)
    conditions.push(
      sql`(${roleAssignments.programmeId} is null or ${roleAssignments.programmeId} = ${scope.programmeId})`,
    );
  return conditions;
}

/** The account behind a user id, as a recipient (whatever its status: callers decide). */
export async function recipient(tx: Tx, userId: string): Promise<Recipient | undefined> {
  const [row] = await tx
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/** Every account holding `role` within `scope`, whatever its status, by name. */
export async function roleHolders(tx: Tx, role: Role, scope: RoleScope = {}): Promise<RoleHolder[]> {
  return tx
    .selectDistinct(holderColumns)
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(...roleConditions(role, scope)))
    .orderBy(asc(users.name), asc(users.id));
}

/** The active accounts holding `role` within `scope`: the people to tell about something, by name. */
export async function recipientsWithRole(tx: Tx, role: Role, scope: RoleScope = {}): Promise<Recipient[]> {
  return tx
    .selectDistinct({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(...roleConditions(role, scope), eq(users.status, 'active')))
    .orderBy(asc(users.name), asc(users.id));
}
