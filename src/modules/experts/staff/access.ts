import type { Actor } from '../../../authz/actor.ts';
import { authorize, can } from '../../../authz/policy.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { findUserById } from '../../identity/repository.ts';
import { ensureProfile } from '../commands/ensure-profile.ts';
import { loadProfileAccess } from '../repository.ts';
import { expertStaffPolicy } from './policy.ts';

/**
 * Opens the staff side of one expert for `action`: readers who are not staff, unknown ids, accounts that are not
 * experts' and erased profiles all answer the same "not found"; staff who may read but not do `action` get
 * "forbidden". The profile row is created if the expert never opened it, so checks and notes have a row to hang on.
 */
export async function openStaffSide(tx: Tx, actor: Actor, expertId: string, action = 'staff.read'): Promise<void> {
  authorize(actor, expertStaffPolicy, 'staff.read', undefined, { hideExistence: true });
  const access = await loadProfileAccess(tx, expertId);
  if (!access || access.erased) throw new AppError('not_found', 'Not found');
  authorize(actor, expertStaffPolicy, action);
  const user = await findUserById(tx, expertId);
  if (user) await ensureProfile(tx, user, actor.userId);
}

/** The actions among `actions` the actor may do on the staff side, sent with each view. */
export function staffActions(actor: Actor, actions: readonly string[]): string[] {
  return actions.filter((action) => can(actor, expertStaffPolicy, action));
}
