import { hasRole, type Actor } from '../../authz/actor.ts';
import type { Policy } from '../../authz/policy.ts';
import type { Role } from './schema.ts';

/** Roles each inviter may give: admins any role, programme officers the people they work with. */
const invitableBy: Partial<Record<Role, readonly Role[]>> = {
  admin: ['admin', 'programme_officer', 'me_officer', 'focal_point', 'expert', 'donor'],
  programme_officer: ['focal_point', 'donor'],
};

function mayInvite(actor: Actor, role: Role | undefined): boolean {
  return actor.grants.some((grant) => {
    const allowed = invitableBy[grant.role];
    return allowed !== undefined && (role === undefined || allowed.includes(role));
  });
}

/** Who may manage people and see the platform's own records. */
export const platformPolicy: Policy<{ role?: Role } | undefined> = {
  'user.list': (actor) => hasRole(actor, 'admin'),
  'user.invite': (actor, target) => mayInvite(actor, target?.role),
  'audit.list': (actor) => hasRole(actor, 'admin'),
  'outbox.list': (actor) => hasRole(actor, 'admin'),
  'outbox.retry': (actor) => hasRole(actor, 'admin'),
};
