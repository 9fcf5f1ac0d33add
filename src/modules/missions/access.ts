import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../authz/actor.ts';
import { authorize } from '../../authz/policy.ts';
import type { Db, Tx } from '../../db/client.ts';
import { requireAuth } from '../../http/request-meta.ts';
import type { MissionMeta } from './lifecycle.ts';
import { missionPolicy } from './policy.ts';
import { requireMission, type MissionRow } from './repository.ts';

/** The request's address, the clock and the app's address, for mission commands. */
export function metaOf(request: FastifyRequest): MissionMeta {
  return { ip: request.ip, now: new Date(), publicUrl: request.server.ctx.config.publicUrl };
}

/**
 * Runs `work` on mission `id` in one transaction, the mission row locked unless `action` only reads: someone who may not read the mission gets
 * "not found"; a reader who may not do `action` gets "forbidden".
 */
export function onMission<T>(
  db: Db,
  request: FastifyRequest,
  id: string,
  action: string,
  work: (tx: Tx, mission: MissionRow, actor: Actor) => Promise<T>,
): Promise<T> {
  const { actor } = requireAuth(request);
  return db.transaction(async (tx) => {
    const mission = await requireMission(tx, id, action !== 'mission.read');
    authorize(actor, missionPolicy, 'mission.read', mission, { hideExistence: true });
    if (action !== 'mission.read') authorize(actor, missionPolicy, action, mission);
    return work(tx, mission, actor);
  });
}
