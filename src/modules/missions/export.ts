/**
 * The expert's missions in their own data export (right of access): the query lives here, beside the missions'
 * tables, and the experts module's export calls it, as it calls the applications module for applications.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { keptAgreement } from './agreement/accepted.ts';
import { contextsOf } from './context.ts';
import { reportFileColumns } from './reporting/files.ts';
import { missionCosts, missionReportFiles, missionReports, missions, missionSessions } from './schema.ts';

/** The cost lines that concern the expert personally: their allowance and their travel. */
const expertCostCategories = ['dsa', 'travel'] as const;

/**
 * Where a report file's bytes go in the archive: `missions/<reference>/<id>-<name>`, the id keeping two files of
 * one name apart and the name stripped of anything a zip tool could read as a path.
 */
function reportFilePath(reference: string, file: { id: string; fileName: string }): string {
  const safe = (text: string) => text.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/^\.+/, '_');
  return `missions/${safe(reference)}/${file.id}-${safe(file.fileName)}`;
}

/**
 * An expert's missions as their data export shows them: reference, ToR, host, modality, dates, working days and
 * state; the agreement they accepted (language, when, the text word for word); their report with its deliverables
 * and files (each file's bytes at `path` in the archive, as the export does for the expert's documents); the
 * sessions; and their allowance and travel cost lines.
 *
 * Left out on purpose: the host's evaluation (ratings, comments) and the answers host staff gave to the
 * knowledge-transfer surveys. They are other people's assessment of the expert's work, not data the expert gave,
 * and the survey answers carry the respondents' own names and e-mails: the same reasoning that keeps staff's
 * screening notes and scores out of the export (applications/data-rights.ts).
 */
export async function missionsForExpertExport(tx: Tx, expertId: string) {
  const rows = await tx
    .select()
    .from(missions)
    .where(eq(missions.expertId, expertId))
    .orderBy(asc(missions.startsOn), asc(missions.reference));
  if (!rows.length) return [];
  const ids = rows.map((row) => row.id);
  const contexts = await contextsOf(tx, rows);
  const reports = await tx.select().from(missionReports).where(inArray(missionReports.missionId, ids));
  const files = await tx
    .select(reportFileColumns)
    .from(missionReportFiles)
    .where(inArray(missionReportFiles.missionId, ids))
    .orderBy(asc(missionReportFiles.uploadedAt));
  const sessions = await tx
    .select()
    .from(missionSessions)
    .where(inArray(missionSessions.missionId, ids))
    .orderBy(asc(missionSessions.startsAt));
  const costs = await tx
    .select()
    .from(missionCosts)
    .where(and(inArray(missionCosts.missionId, ids), inArray(missionCosts.category, [...expertCostCategories])))
    .orderBy(asc(missionCosts.createdAt));

  return rows.map((mission) => {
    const context = contexts.get(mission.id)!;
    const report = reports.find((row) => row.missionId === mission.id);
    // The expert accepted the text with the allowance shown: that is what they get back.
    const agreement = mission.agreementAcceptedAt ? keptAgreement(mission.agreementText, true) : null;
    return {
      id: mission.id,
      reference: mission.reference,
      torReference: context.torReference,
      torTitle: context.titles,
      host: context.hostNames,
      modality: mission.modality,
      country: mission.country,
      city: mission.city,
      startsOn: mission.startsOn,
      endsOn: mission.endsOn,
      workingDays: mission.workingDays,
      state: mission.state,
      agreement: mission.agreementAcceptedAt
        ? {
            acceptedAt: mission.agreementAcceptedAt,
            language: mission.agreementLanguage,
            sha256: mission.agreementSha256,
            // Null for an acceptance older than the kept text.
            text: agreement?.parts ?? null,
          }
        : null,
      report: report
        ? {
            status: report.status,
            activities: report.activities,
            results: report.results,
            recommendations: report.recommendations,
            difficulties: report.difficulties,
            deliverables: report.deliverables,
            submittedAt: report.submittedAt,
            reviewedAt: report.reviewedAt,
            reviewComment: report.reviewComment,
          }
        : null,
      reportFiles: files
        .filter((file) => file.missionId === mission.id)
        .map(({ missionId: _mission, ...file }) => ({ ...file, path: reportFilePath(mission.reference, file) })),
      sessions: sessions
        .filter((session) => session.missionId === mission.id)
        .map(({ startsAt, durationMinutes, topic, participantsCount, attended }) => ({
          startsAt,
          durationMinutes,
          topic,
          participantsCount,
          attended,
        })),
      costs: costs
        .filter((line) => line.missionId === mission.id)
        .map(({ category, kind, description, amount, currency, nights, createdAt }) => ({
          category,
          kind,
          description,
          amount,
          currency,
          nights,
          createdAt,
        })),
    };
  });
}

/** The bytes of the expert's mission report files, each with its path in the archive (`reportFiles[].path`). */
export async function missionReportFilesForExport(tx: Tx, expertId: string) {
  const rows = await tx
    .select({
      id: missionReportFiles.id,
      fileName: missionReportFiles.fileName,
      content: missionReportFiles.content,
      reference: missions.reference,
    })
    .from(missionReportFiles)
    .innerJoin(missions, eq(missions.id, missionReportFiles.missionId))
    .where(eq(missions.expertId, expertId));
  return rows.map((row) => ({ path: reportFilePath(row.reference, row), content: row.content }));
}
