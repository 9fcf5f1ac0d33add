import type { Actor } from '../../authz/actor.ts';
import { allowedActions, authorize, can } from '../../authz/policy.ts';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { institutionPolicy } from './policy.ts';
import { findInstitution, type Institution } from './service.ts';

/**
 * Loads an institution the actor may read, then checks `action` on it. An institution the actor may not read
 * answers "not found", like one that does not exist (a focal point learns nothing about other institutions);
 * refusing an action on a readable one answers "forbidden".
 */
export async function openInstitution(tx: Tx, actor: Actor, id: string, action: string): Promise<Institution> {
  const institution = await findInstitution(tx, id);
  if (!institution || !can(actor, institutionPolicy, 'institution.read', institution)) {
    throw new AppError('not_found', 'No such institution');
  }
  authorize(actor, institutionPolicy, action, institution, {
    // Donors read the record but not its people or plan: for them those do not exist.
    hideExistence: action === 'focal_points.read' || action === 'plan.read',
  });
  return institution;
}

/** What leaves the server about an institution: the whole record (no personal data) and the reader's actions. */
export function presentInstitution(actor: Actor, institution: Institution) {
  const { createdAt: _createdAt, ...fields } = institution;
  return {
    ...fields,
    updatedAt: institution.updatedAt.toISOString(),
    allowedActions: allowedActions(actor, institutionPolicy, institution),
  };
}
