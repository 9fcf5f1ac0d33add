/**
 * The expert's mission report: drafted and submitted while the mission is in progress or reporting (submitting an
 * in-progress mission's report moves the mission to reporting), then accepted or returned by programme staff; a
 * returned report is edited and submitted again. Deliverable files are uploaded on the mission (files.ts).
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../authz/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { recipient, recipientsWithRole } from '../../identity/recipients.ts';
import { addNotice, addNotices } from '../../notifications/notices.ts';
import { enqueueEmail } from '../../notifications/outbox.ts';
import { contextOf, titleIn } from '../context.ts';
import { transitionMission, type MissionMeta } from '../lifecycle.ts';
import type { MissionRow } from '../repository.ts';
import { missionReports } from '../schema.ts';
import type { ReportBody } from './schemas.ts';
import { listReportFiles, pruneReportFiles, requireMissionFiles } from './files.ts';
import { requireReportOpen } from './report-guard.ts';

export type ReportRow = typeof missionReports.$inferSelect;

/** The mission's report, locked for the caller's transaction when `forUpdate`. */
export async function findReport(tx: Tx, missionId: string, forUpdate = false): Promise<ReportRow | undefined> {
  const query = tx.select().from(missionReports).where(eq(missionReports.missionId, missionId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** What leaves the server about a report, with the name, type and size of each deliverable's file. */
export async function presentReport(tx: Tx, mission: MissionRow, row: ReportRow) {
  const files = new Map((await listReportFiles(tx, mission.id)).map((file) => [file.id, file]));
  return {
    status: row.status,
    activities: row.activities,
    deliverables: row.deliverables.map((item) => {
      const file = item.fileId ? files.get(item.fileId) : undefined;
      return {
        title: item.title,
        fileId: file?.id ?? null,
        fileName: file?.fileName ?? null,
        mediaType: file?.mediaType ?? null,
        byteSize: file?.byteSize ?? null,
      };
    }),
    results: row.results,
    recommendations: row.recommendations,
    difficulties: row.difficulties,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewComment: row.reviewComment,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Saves the expert's report, as a draft or submitted. Refused, nothing written: a mission not yet in progress
 * (409 `mission_not_started`), a settled one (409 `mission_settled`), a report awaiting review or accepted (409
 * `report_locked`), a `fileId` not uploaded on this mission (`validation_failed`). Files no deliverable names any
 * more are deleted. Submitting tells the programme's officers
 * and moves an in-progress mission to reporting.
 */
export async function saveReport(
  tx: Tx,
  actor: Actor,
  mission: MissionRow,
  input: ReportBody,
  meta: MissionMeta,
): Promise<ReportRow> {
  const existing = await findReport(tx, mission.id, true);
  requireReportOpen(mission, existing);
  await requireMissionFiles(
    tx,
    mission.id,
    input.deliverables.map((item) => item.fileId),
  );
  const status = input.submit ? 'submitted' : existing?.status === 'returned' ? 'returned' : 'draft';
  const values = {
    status,
    activities: input.activities,
    results: input.results,
    recommendations: input.recommendations,
    difficulties: input.difficulties || null,
    deliverables: input.deliverables.map((item) => ({ title: item.title, fileId: item.fileId ?? null })),
    submittedAt: input.submit ? meta.now : (existing?.submittedAt ?? null),
    updatedAt: meta.now,
  } as const;
  const [row] = await tx
    .insert(missionReports)
    .values({ missionId: mission.id, ...values })
    .onConflictDoUpdate({ target: missionReports.missionId, set: values })
    .returning();
  await recordAudit(tx, {
    actorId: actor.userId,
    action: input.submit ? 'mission.report_submitted' : 'mission.report_saved',
    entityType: 'mission',
    entityId: mission.id,
    // The texts are the expert's: the trail says they changed, not what they say.
    changes: {
      status: { before: existing?.status ?? null, after: status },
      text: 'changed',
      deliverables: { before: existing?.deliverables.length ?? 0, after: values.deliverables.length },
      filesDropped: await pruneReportFiles(
        tx,
        mission.id,
        values.deliverables.flatMap((item) => (item.fileId ? [item.fileId] : [])),
      ),
    },
    ip: meta.ip,
  });
  if (input.submit) {
    if (mission.state === 'in_progress') {
      await transitionMission(tx, null, mission.id, 'reporting', { meta, onBehalfOf: actor.userId });
    }
    await tellStaffSubmitted(tx, mission, meta);
  }
  return row!;
}

/** The programme's officers learn a report waits for their review, by e-mail and in the app. */
async function tellStaffSubmitted(tx: Tx, mission: MissionRow, meta: MissionMeta) {
  const context = await contextOf(tx, mission);
  const officers = await recipientsWithRole(tx, 'programme_officer', { programmeId: mission.programmeId });
  for (const officer of officers) {
    await enqueueEmail(tx, {
      to: officer.email,
      userId: officer.userId,
      locale: officer.locale,
      template: 'mission_report_submitted',
      params: {
        name: officer.name,
        reference: mission.reference,
        title: titleIn(context, officer.locale),
        expert: context.expertName,
        link: `${meta.publicUrl}/missions/${mission.id}`,
      },
    });
  }
  await addNotices(
    tx,
    officers.map((officer) => officer.userId),
    'mission.report_submitted',
    { reference: mission.reference, title: context.titles.fr },
    `/missions/${mission.id}`,
  );
}

/**
 * Staff accept or return a submitted report (409 `report_not_submitted` otherwise); returning needs a comment for
 * the expert (422 `reason_required`). The expert is told by e-mail and in the app.
 */
export async function reviewReport(
  tx: Tx,
  actor: Actor,
  mission: MissionRow,
  input: { decision: 'accept' | 'return'; comment?: string | undefined },
  meta: MissionMeta,
): Promise<ReportRow> {
  if (mission.state === 'cancelled') throw new AppError('mission_settled', 'The mission is cancelled');
  const comment = input.comment?.trim() || null;
  const report = await findReport(tx, mission.id, true);
  if (!report || report.status !== 'submitted') {
    throw new AppError('report_not_submitted', 'Only a submitted report is reviewed');
  }
  if (input.decision === 'return' && !comment) {
    throw new AppError('reason_required', 'Say what the expert should change', [
      { path: 'comment', code: 'required', message: 'A comment is required to return a report' },
    ]);
  }
  const status = input.decision === 'accept' ? 'accepted' : 'returned';
  const [row] = await tx
    .update(missionReports)
    .set({ status, reviewedAt: meta.now, reviewedBy: actor.userId, reviewComment: comment, updatedAt: meta.now })
    .where(eq(missionReports.missionId, mission.id))
    .returning();
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'mission.report_reviewed',
    entityType: 'mission',
    entityId: mission.id,
    changes: { status: { before: report.status, after: status }, ...(comment ? { comment: { after: comment } } : {}) },
    ip: meta.ip,
  });
  const expert = await recipient(tx, mission.expertId);
  if (expert) {
    const context = await contextOf(tx, mission);
    const params = {
      name: expert.name,
      reference: mission.reference,
      title: titleIn(context, expert.locale),
      link: `${meta.publicUrl}/missions/${mission.id}`,
    };
    const email = { to: expert.email, userId: expert.userId, locale: expert.locale };
    if (status === 'accepted') {
      await enqueueEmail(tx, { ...email, template: 'mission_report_accepted', params });
    } else {
      await enqueueEmail(tx, {
        ...email,
        template: 'mission_report_returned',
        params: { ...params, comment: comment! },
      });
    }
    await addNotice(
      tx,
      expert.userId,
      `mission.report_${status}`,
      { reference: mission.reference, title: context.titles.fr },
      `/missions/${mission.id}`,
    );
  }
  return row!;
}
