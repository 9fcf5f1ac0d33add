import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { roleAssignments, users } from '../identity/schema.ts';

/** A person other modules write to about an institution's work: who, where, in which language. */
export interface Recipient {
  id: string;
  name: string;
  email: string;
  locale: 'fr' | 'ar' | 'en' | 'nl';
  status: 'active' | 'invited' | 'disabled';
}

const recipientColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  locale: users.locale,
  status: users.status,
};

/**
 * The focal points of an institution (users holding the focal_point role scoped to it), by name, disabled
 * accounts included so that staff see them; callers that send e-mail skip anyone not `active`.
 */
export async function listFocalPointUsers(tx: Tx, institutionId: string): Promise<Recipient[]> {
  return tx
    .selectDistinct(recipientColumns)
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, 'focal_point'), eq(roleAssignments.institutionId, institutionId)))
    .orderBy(asc(users.name), asc(users.id));
}

/**
 * The programme officers to tell about demand-side events (a ToR submitted, a need proposed): active accounts
 * only, by name.
 */
export async function staffRecipients(tx: Tx): Promise<Recipient[]> {
  return tx
    .selectDistinct(recipientColumns)
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, 'programme_officer'), eq(users.status, 'active')))
    .orderBy(asc(users.name), asc(users.id));
}
