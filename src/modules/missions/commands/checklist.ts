import { eq } from 'drizzle-orm';
import type { Actor } from '../../../authz/actor.ts';
import { authorize } from '../../../authz/policy.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { checklistComplete } from '../checklist.ts';
import { transitionMission, type MissionMeta } from '../lifecycle.ts';
import { mayTick, missionPolicy } from '../policy.ts';
import { checklistOf, requireMission, type ChecklistItemRow, type MissionRow } from '../repository.ts';
import { missionChecklistItems } from '../schema.ts';
import type { ChecklistUpdate } from '../schemas.ts';

/** States in which the checklist is still worked on. */
const openStates = new Set(['planned', 'agreed', 'ready', 'in_progress']);

/**
 * Applies checklist changes: ticks (done / not done, who and when), not applicable (never for a mandatory item),
 * due dates, owners and notes (staff), all in one transaction, each change audited. Each item is ticked by its
 * owner or by staff. When the last open item of an agreed mission is done it becomes ready; re-opening an item of
 * a ready mission makes it agreed again, since "ready" means the checklist is done.
 */
export async function updateChecklist(
  tx: Tx,
  actor: Actor,
  missionId: string,
  update: ChecklistUpdate,
  meta: MissionMeta,
): Promise<{ mission: MissionRow; items: ChecklistItemRow[] }> {
  const mission = await requireMission(tx, missionId, true);
  authorize(actor, missionPolicy, 'mission.read', mission, { hideExistence: true });
  authorize(actor, missionPolicy, 'mission.checklist.tick', mission);
  if (!openStates.has(mission.state)) throw new AppError('mission_settled', 'The mission’s checklist is settled');
  const items = new Map((await checklistOf(tx, missionId)).map((item) => [item.id, item]));
  const staff = mayTick(actor, mission, 'programme');
  for (const [index, change] of update.items.entries()) {
    const item = items.get(change.id);
    if (!item) {
      throw new AppError('validation_failed', 'No such checklist item', [
        { path: `items.${index}.id`, code: 'not_found', message: 'Not an item of this mission' },
      ]);
    }
    if (!mayTick(actor, mission, item.owner)) throw new AppError('forbidden', `Item ${item.key} is not yours`);
    const organising = change.dueOn !== undefined || change.owner !== undefined;
    if (organising && !staff) throw new AppError('forbidden', 'Only staff change due dates and owners');
    if (change.notApplicable && item.mandatory) {
      throw new AppError('checklist_item_mandatory', `${item.key} is mandatory`, [
        { path: `items.${index}.notApplicable`, code: 'invalid', message: 'Mandatory' },
      ]);
    }
    const done = change.done ?? item.doneAt !== null;
    const next = {
      doneAt: done ? (item.doneAt ?? meta.now) : null,
      doneBy: done ? (item.doneAt ? item.doneBy : actor.userId) : null,
      notApplicable: change.notApplicable ?? item.notApplicable,
      dueOn: change.dueOn === undefined ? item.dueOn : change.dueOn,
      owner: change.owner ?? item.owner,
      note: change.note === undefined ? item.note : change.note,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (key) => String(next[key]) !== String(item[key]),
    );
    if (!changed.length) continue;
    await tx.update(missionChecklistItems).set(next).where(eq(missionChecklistItems.id, item.id));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'mission.checklist_changed',
      entityType: 'mission',
      entityId: missionId,
      changes: Object.fromEntries(
        changed.map((key) => [`${item.key}.${key}`, { before: item[key] ?? null, after: next[key] ?? null }]),
      ),
      ip: meta.ip,
    });
  }
  const open = await checklistComplete(tx, missionId);
  let current = mission;
  if (mission.state === 'agreed' && open.length === 0) {
    current = await transitionMission(tx, null, missionId, 'ready', { meta });
  } else if (mission.state === 'ready' && open.length > 0) {
    current = await transitionMission(tx, null, missionId, 'agreed', { meta });
  }
  return { mission: current, items: await checklistOf(tx, missionId) };
}
