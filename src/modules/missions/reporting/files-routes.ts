import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendDownload } from '../../../http/download.ts';
import { AppError } from '../../../http/errors.ts';
import { requireAuth } from '../../../http/request-meta.ts';
import { maxUploadBytes, readUpload } from '../../../http/upload.ts';
import { metaOf, onMission } from '../access.ts';
import { findReportFile, listReportFiles, maxReportFiles, prepareReportFile, storeReportFile } from './files.ts';
import { findReport } from './report.ts';
import { missionParams, reportFileContent, reportFileList, reportFileParams, reportFileView } from './schemas.ts';

const tags = ['missions'];

const present = (file: Awaited<ReturnType<typeof listReportFiles>>[number]) => ({
  id: file.id,
  fileName: file.fileName,
  mediaType: file.mediaType,
  byteSize: file.byteSize,
  uploadedAt: file.uploadedAt.toISOString(),
});

/** The report's deliverable files: uploaded by the mission's expert, read with the report by whoever may read it. */
export const reportFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/missions/:id/report/files',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The files I uploaded for my mission report, attached or not yet (the mission’s expert)',
        params: missionParams,
        response: { 200: reportFileList },
      },
    },
    (request) =>
      onMission(db, request, request.params.id, 'mission.report.write', async (tx, mission) => ({
        items: (await listReportFiles(tx, mission.id)).map(present),
        maxFiles: maxReportFiles,
        maxBytes: maxUploadBytes,
      })),
  );

  app.post(
    '/missions/:id/report/files',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Upload a deliverable file for my mission report (the mission’s expert)',
        description:
          'multipart/form-data with one file in `file`: PDF, Word, Excel or PowerPoint, recognised from its bytes ' +
          '(`unsupported_deliverable_type`, 415), at most 10 MB (`payload_too_large`, 413). Name it in a ' +
          'deliverable (`fileId`) when saving the report; saving drops the files no deliverable names. Refused ' +
          'with nothing stored: a mission not in progress or reporting (`mission_not_started` / `mission_settled`, ' +
          '409), a report awaiting review or accepted (`report_locked`, 409), beyond 30 files ' +
          '(`report_file_limit_reached`, 409).',
        params: missionParams,
        consumes: ['multipart/form-data'],
        response: { 201: reportFileView },
      },
    },
    async (request, reply) => {
      // The mission is read before the body streams in, so a stranger's upload is refused without being read.
      await onMission(db, request, request.params.id, 'mission.report.write', async () => undefined);
      const file = prepareReportFile(await readUpload(request, 'file'));
      const stored = await onMission(
        db,
        request,
        request.params.id,
        'mission.report.write',
        async (tx, mission, actor) =>
          storeReportFile(tx, actor, mission, await findReport(tx, mission.id, true), file, metaOf(request)),
      );
      return reply.code(201).send(present(stored));
    },
  );

  app.get(
    '/missions/:id/report/files/:fileId/content',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Download a deliverable of a mission report (whoever may read the report)',
        description:
          'The expert downloads any file they uploaded; others, a file named by the report once it is submitted.',
        params: reportFileParams,
        response: { 200: reportFileContent },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      const file = await onMission(db, request, request.params.id, 'mission.read', async (tx, mission) => {
        const found = await findReportFile(tx, mission.id, request.params.fileId);
        if (!found || actor.userId === mission.expertId) return found;
        const report = await findReport(tx, mission.id);
        const shown = report && report.status !== 'draft';
        return shown && report.deliverables.some((item) => item.fileId === found.id) ? found : undefined;
      });
      if (!file) throw new AppError('not_found', 'No such file');
      return sendDownload(reply, { fileName: file.fileName, mediaType: file.mediaType, bytes: file.content });
    },
  );
};
