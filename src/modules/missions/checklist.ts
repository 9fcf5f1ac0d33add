/**
 * The logistics checklist: standard items made when a mission is created (the pre-departure briefing, mandatory in
 * CD4D, for every mission; travel, visa, insurance and the host's letter of invitation when the expert travels),
 * each with its owner and due date, ticked done by its owner or by staff, who and when.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { missionChecklistItems, type ChecklistOwner } from './schema.ts';
import type { ChecklistItemRow, MissionRow } from './repository.ts';

interface StandardItem {
  key: string;
  owner: ChecklistOwner;
  /** Days before the mission starts that the item is due. */
  daysBefore: number;
  mandatory: boolean;
  /** Only when the expert travels (on site or hybrid). */
  travelOnly: boolean;
}

/** The standard items, in the order they are shown. */
export const standardChecklist: readonly StandardItem[] = [
  { key: 'invitation', owner: 'host', daysBefore: 30, mandatory: false, travelOnly: true },
  { key: 'visa', owner: 'expert', daysBefore: 21, mandatory: false, travelOnly: true },
  { key: 'travel', owner: 'programme', daysBefore: 14, mandatory: false, travelOnly: true },
  { key: 'insurance', owner: 'programme', daysBefore: 7, mandatory: false, travelOnly: true },
  { key: 'briefing', owner: 'programme', daysBefore: 3, mandatory: true, travelOnly: false },
];

export const standardChecklistKeys = standardChecklist.map((item) => item.key);

/** `day` minus `days`, as an ISO date. */
export function daysEarlier(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Writes a new mission's standard checklist. */
export async function createChecklist(tx: Tx, mission: MissionRow): Promise<void> {
  const travels = mission.modality !== 'online';
  const items = standardChecklist.filter((item) => travels || !item.travelOnly);
  await tx.insert(missionChecklistItems).values(
    items.map((item, position) => ({
      missionId: mission.id,
      key: item.key,
      owner: item.owner,
      dueOn: daysEarlier(mission.startsOn, item.daysBefore),
      mandatory: item.mandatory,
      position,
    })),
  );
}

/** The items still open (neither done nor marked not applicable): empty when the checklist is complete. */
export async function checklistComplete(tx: Tx, missionId: string): Promise<ChecklistItemRow[]> {
  return tx
    .select()
    .from(missionChecklistItems)
    .where(
      and(
        eq(missionChecklistItems.missionId, missionId),
        isNull(missionChecklistItems.doneAt),
        eq(missionChecklistItems.notApplicable, false),
      ),
    );
}

/**
 * Moves the due dates of the items still open by `days` (the mission's start moved by as much); items done or not
 * applicable keep theirs, as history. Returns how many moved.
 */
export async function shiftOpenItems(tx: Tx, missionId: string, days: number): Promise<number> {
  if (days === 0) return 0;
  const moved = await tx
    .update(missionChecklistItems)
    .set({ dueOn: sql`${missionChecklistItems.dueOn} + ${days}::int` })
    .where(
      and(
        eq(missionChecklistItems.missionId, missionId),
        isNull(missionChecklistItems.doneAt),
        eq(missionChecklistItems.notApplicable, false),
      ),
    )
    .returning({ id: missionChecklistItems.id });
  return moved.length;
}
