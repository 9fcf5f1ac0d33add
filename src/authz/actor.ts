import type { Role } from '../modules/identity/schema.ts';

/** One role a user holds and the scope it applies to. */
export interface RoleGrant {
  role: Role;
  programmeId: string | null;
  institutionId: string | null;
}

/** Who is making a request, as the policies see them. */
export interface Actor {
  userId: string;
  grants: RoleGrant[];
}

/** Whether the actor holds any of the roles, in any scope. */
export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.grants.some((grant) => roles.includes(grant.role));
}

/** Institutions the actor is focal point of. */
export function focalInstitutionIds(actor: Actor): string[] {
  return actor.grants.flatMap((grant) =>
    grant.role === 'focal_point' && grant.institutionId ? [grant.institutionId] : [],
  );
}
