/**
 * What follows a mission's move, in the move's transaction: the people concerned are told, in the app and by
 * e-mail where they have something to do next. Other parts of the missions area add their consequences here
 * (surveys when a mission closes).
 */
import type { Tx } from '../../db/client.ts';
import type { MissionMeta } from './lifecycle.ts';
import { tellAboutMove } from './notify.ts';
import type { MissionRow } from './repository.ts';
import type { MissionState } from './schema.ts';
import { scheduleFollowUpSurveys } from './surveys/respondents.ts';

/** Runs the consequences of a move from `from` to `to` (already written). */
export async function afterTransition(
  tx: Tx,
  mission: MissionRow,
  from: MissionState,
  to: MissionState,
  meta: MissionMeta,
): Promise<void> {
  await tellAboutMove(tx, mission, from, to, meta);
  if (to === 'closed') await scheduleFollowUpSurveys(tx, mission, meta);
}
