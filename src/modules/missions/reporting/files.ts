/**
 * Deliverable files of a mission report. The expert uploads a file while writing the report (it is stored at once,
 * so a slow connection loses nothing already sent), then names it in a deliverable; saving the report settles the
 * set: files no deliverable names any more are deleted then. Files belong to the mission, so the host's focal
 * point and staff read them with the report, whatever happens to the expert's profile documents.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, eq, notInArray } from 'drizzle-orm';
import type { Actor } from '../../../authz/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { mediaTypeOf, sniffFileType } from '../../../files/sniff.ts';
import { AppError, type FieldError } from '../../../http/errors.ts';
import type { Upload } from '../../../http/upload.ts';
import { recordAudit } from '../../audit/service.ts';
import { cleanFileName } from '../../experts/documents/commands.ts';
import type { MissionMeta } from '../lifecycle.ts';
import type { MissionRow } from '../repository.ts';
import { missionReportFiles, type ReportStatus } from '../schema.ts';
import { requireReportOpen } from './report-guard.ts';

/** The most files one mission's report holds, attached or waiting to be. */
export const maxReportFiles = 30;
/** What a deliverable may be: documents, spreadsheets, slide decks, all recognised from their bytes. */
const acceptedTypes = ['pdf', 'docx', 'xlsx', 'pptx'] as const;
type AcceptedType = (typeof acceptedTypes)[number];

export type ReportFileSummary = Omit<typeof missionReportFiles.$inferSelect, 'content'>;

/** A report file's columns without its bytes. */
export const reportFileColumns = {
  id: missionReportFiles.id,
  missionId: missionReportFiles.missionId,
  fileName: missionReportFiles.fileName,
  mediaType: missionReportFiles.mediaType,
  byteSize: missionReportFiles.byteSize,
  sha256: missionReportFiles.sha256,
  uploadedBy: missionReportFiles.uploadedBy,
  uploadedAt: missionReportFiles.uploadedAt,
};

/** A mission's report files, oldest first, without their bytes. */
export function listReportFiles(tx: Tx, missionId: string): Promise<ReportFileSummary[]> {
  return tx
    .select(reportFileColumns)
    .from(missionReportFiles)
    .where(eq(missionReportFiles.missionId, missionId))
    .orderBy(asc(missionReportFiles.uploadedAt), asc(missionReportFiles.id));
}

/** One of the mission's report files with its bytes; undefined when the mission holds no such file. */
export async function findReportFile(tx: Tx, missionId: string, fileId: string) {
  const [row] = await tx
    .select()
    .from(missionReportFiles)
    .where(and(eq(missionReportFiles.missionId, missionId), eq(missionReportFiles.id, fileId)));
  return row;
}

/**
 * Checks an upload before any transaction: PDF, Word, Excel or PowerPoint, recognised from the bytes.
 * @throws AppError `unsupported_deliverable_type` (field `file`)
 */
export function prepareReportFile(upload: Upload): { fileName: string; mediaType: string; bytes: Uint8Array } {
  const type = sniffFileType(upload.bytes);
  if (!acceptedTypes.includes(type as AcceptedType)) {
    throw new AppError('unsupported_deliverable_type', 'Deliverables are PDF, Word, Excel or PowerPoint files', [
      {
        path: 'file',
        code: 'invalid_value',
        message: `The file is ${type === 'unknown' ? 'of no accepted type' : type}`,
      },
    ]);
  }
  const accepted = type as AcceptedType;
  return { fileName: cleanFileName(upload.fileName, accepted), mediaType: mediaTypeOf[accepted], bytes: upload.bytes };
}

/**
 * Stores a prepared file on the mission, for its expert's report. Refused, nothing stored: a mission not yet in
 * progress (409 `mission_not_started`), a settled one (409 `mission_settled`), a report awaiting review or accepted
 * (409 `report_locked`), beyond `maxReportFiles` (409 `report_file_limit_reached`).
 */
export async function storeReportFile(
  tx: Tx,
  actor: Actor,
  mission: MissionRow,
  report: { status: ReportStatus } | undefined,
  file: ReturnType<typeof prepareReportFile>,
  meta: MissionMeta,
): Promise<ReportFileSummary> {
  requireReportOpen(mission, report);
  const [held] = await tx
    .select({ value: count() })
    .from(missionReportFiles)
    .where(eq(missionReportFiles.missionId, mission.id));
  if ((held?.value ?? 0) >= maxReportFiles) {
    throw new AppError('report_file_limit_reached', `A report holds at most ${maxReportFiles} files`);
  }
  const [row] = await tx
    .insert(missionReportFiles)
    .values({
      missionId: mission.id,
      fileName: file.fileName,
      mediaType: file.mediaType,
      byteSize: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: file.bytes,
      uploadedBy: actor.userId,
      uploadedAt: meta.now,
    })
    .returning(reportFileColumns);
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'mission.report_file_uploaded',
    entityType: 'mission',
    entityId: mission.id,
    changes: { file: { id: row!.id, name: row!.fileName, bytes: row!.byteSize } },
    ip: meta.ip,
  });
  return row!;
}

/** Each `fileId` must be a file uploaded on this mission; every stranger is reported on its field. */
export async function requireMissionFiles(tx: Tx, missionId: string, fileIds: (string | undefined)[]): Promise<void> {
  const held = new Set((await listReportFiles(tx, missionId)).map((file) => file.id));
  const fields: FieldError[] = fileIds.flatMap((fileId, index) =>
    fileId && !held.has(fileId)
      ? [{ path: `deliverables.${index}.fileId`, code: 'not_found' as const, message: 'Upload the file first' }]
      : [],
  );
  if (fields.length) throw new AppError('validation_failed', 'Attach files uploaded on this mission', fields);
}

/** Deletes the mission's files that no deliverable names any more (uploaded, then dropped from the report). */
export async function pruneReportFiles(tx: Tx, missionId: string, keptIds: string[]): Promise<number> {
  const condition = keptIds.length
    ? and(eq(missionReportFiles.missionId, missionId), notInArray(missionReportFiles.id, keptIds))
    : eq(missionReportFiles.missionId, missionId);
  const deleted = await tx.delete(missionReportFiles).where(condition).returning({ id: missionReportFiles.id });
  return deleted.length;
}
