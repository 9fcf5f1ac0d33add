import type { FastifyRequest } from 'fastify';
import type { Policy } from '../../authz/policy.ts';
import { authorize } from '../../authz/policy.ts';
import type { Db, Tx } from '../../db/client.ts';
import { requireAuth } from '../../http/request-meta.ts';
import type { RequestAuth } from '../../http/types.ts';
import { ensureProfile } from './commands/ensure-profile.ts';
import { expertSelfPolicy, type ProfileAccess } from './policy.ts';
import { loadProfileAccess } from './repository.ts';

/**
 * Runs `work` on the signed-in expert's own profile, in one transaction: only experts have one, it is created on
 * first use, and `action` is checked against `policy` before anything else happens.
 */
export function onOwnProfile<T>(
  db: Db,
  request: FastifyRequest,
  policy: Policy<ProfileAccess>,
  action: string,
  work: (tx: Tx, auth: RequestAuth, now: Date) => Promise<T>,
): Promise<T> {
  const auth = requireAuth(request);
  authorize(auth.actor, expertSelfPolicy, 'expert.own_profile');
  const now = new Date();
  return db.transaction(async (tx) => {
    await ensureProfile(tx, auth.user);
    authorize(auth.actor, policy, action, await loadProfileAccess(tx, auth.user.id));
    return work(tx, auth, now);
  });
}
