/**
 * In-app notices: one line in a user's inbox, written in the transaction of what it tells. The web app words
 * each kind in the reader's language (`applications.notices.<kind with _ for .>`), so every kind a module may
 * write is listed here and the translations test checks that each has its text in the four locales.
 */
import type { Tx } from '../../db/client.ts';
import { inAppNotifications } from './schema.ts';

export const noticeKinds = [
  'assignment.submitted',
  'assignment.returned',
  'assignment.approved',
  'assignment.published',
  'assignment.cancelled',
  'need.proposed',
  'application.submitted',
  'application.under_review',
  'application.shortlisted',
  'application.selected',
  'application.not_selected',
  'application.withdrawn',
  'shortlist.shared',
  'host.selected',
  'calls.digest',
  'mission.planned',
  'mission.agreed',
  'mission.ready',
  'mission.in_progress',
  'mission.reporting',
  'mission.closed',
  'mission.cancelled',
  'mission.rescheduled',
  'mission.report_submitted',
  'mission.report_accepted',
  'mission.report_returned',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** Writes the same notice in each of these users' inboxes; `params` fill the kind's text, `link` opens its page. */
export async function addNotices(
  tx: Tx,
  userIds: readonly string[],
  kind: NoticeKind,
  params: Record<string, string | number>,
  link: string | null,
): Promise<void> {
  if (!userIds.length) return;
  await tx.insert(inAppNotifications).values(userIds.map((userId) => ({ userId, kind, params, link })));
}

/** Writes one notice in a user's inbox (see `addNotices`). */
export function addNotice(
  tx: Tx,
  userId: string,
  kind: NoticeKind,
  params: Record<string, string | number>,
  link: string | null,
): Promise<void> {
  return addNotices(tx, [userId], kind, params, link);
}
