import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { assignments } from '../assignments/schema.ts';
import { inAppNotifications } from '../notifications/schema.ts';
import { applicationEvents, applications, callAlertSettings } from './schema.ts';

/**
 * An expert's applications as their data export shows them: the call, what they wrote, where it stands and its
 * history (with the reasons they were told). Staff's screening scores and notes are the programme's assessment, not
 * data the expert gave, and stay out, as they stay out of every view the expert has.
 */
export async function applicationsForExport(tx: Tx, expertId: string) {
  const rows = await tx
    .select({
      id: applications.id,
      reference: assignments.reference,
      title: assignments.titleFr,
      status: applications.status,
      motivation: applications.motivation,
      availabilityConfirmed: applications.availabilityConfirmed,
      cvDocumentId: applications.cvDocumentId,
      submittedAt: applications.submittedAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(assignments, eq(assignments.id, applications.assignmentId))
    .where(eq(applications.expertId, expertId))
    .orderBy(asc(applications.submittedAt));
  const events = rows.length
    ? await tx
        .select()
        .from(applicationEvents)
        .where(
          inArray(
            applicationEvents.applicationId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(applicationEvents.at))
    : [];
  const [alerts] = await tx.select().from(callAlertSettings).where(eq(callAlertSettings.userId, expertId));
  return {
    applications: rows.map((row) => ({
      ...row,
      history: events
        .filter((event) => event.applicationId === row.id)
        .map(({ fromStatus, toStatus, reason, at }) => ({ fromStatus, toStatus, reason, at })),
    })),
    callAlerts: alerts ? { email: alerts.email, sectors: alerts.sectors, lastDigestAt: alerts.lastDigestAt } : null,
  };
}

/**
 * Erasure's part in this module: the application rows stay, with their status and dates, so that the programme's
 * anonymous counts (applications per call, selections) do not change; everything the person wrote or that was
 * written about them goes — motivation, the CV link, staff's note and scores, the focal point's reason, the reasons
 * in the history — with their alert settings and in-app notices.
 */
export async function eraseApplicationsOf(tx: Tx, expertId: string): Promise<void> {
  const own = await tx
    .update(applications)
    .set({
      motivation: '',
      cvDocumentId: null,
      screeningNote: null,
      scores: {},
      hostSelectionReason: null,
    })
    .where(eq(applications.expertId, expertId))
    .returning({ id: applications.id });
  if (own.length) {
    await tx
      .update(applicationEvents)
      .set({ reason: null })
      .where(
        inArray(
          applicationEvents.applicationId,
          own.map((row) => row.id),
        ),
      );
  }
  await tx.delete(callAlertSettings).where(eq(callAlertSettings.userId, expertId));
  await tx.delete(inAppNotifications).where(eq(inAppNotifications.userId, expertId));
}
