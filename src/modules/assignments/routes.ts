import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../authz/policy.ts';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { readUpload } from '../../http/upload.ts';
import { sendDownload } from '../../http/download.ts';
import { deleteAttachment, findAttachment, prepareAttachment, storeAttachment } from './attachments.ts';
import { createAssignment, updateAssignment, type Meta } from './commands.ts';
import { transitionAssignment } from './lifecycle.ts';
import { assignmentCapabilityPolicy, assignmentPolicy, requireEditable } from './policy.ts';
import { presentAssignment, presentSummary } from './presenter.ts';
import {
  findAssignment,
  formOptions,
  listAssignments,
  listHistory,
  loadRelated,
  type AssignmentRow,
} from './repository.ts';
import {
  assignmentView,
  attachmentContent,
  attachmentParams,
  attachmentView,
  createBody,
  deletedView,
  formOptionsView,
  historyView,
  idParams,
  listQuery,
  listView,
  transitionBody,
  updateBody,
} from './schemas.ts';

const tags = ['assignments'];

/** Terms of Reference: drafting, review, publication and the rest of the life cycle, attachments, history. */
export const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const { publicUrl } = app.ctx.config;

  /**
   * One transaction on ToR `id`, locked when `forUpdate`: anyone who may not read it gets "not found" (a focal
   * point of another institution learns nothing), then `work` runs.
   */
  function onAssignment<T>(
    request: FastifyRequest,
    id: string,
    forUpdate: boolean,
    work: (tx: Tx, row: AssignmentRow, meta: Meta) => Promise<T>,
  ): Promise<T> {
    const { actor } = requireAuth(request);
    const meta: Meta = { actor, ip: request.ip, now: new Date() };
    return db.transaction(async (tx) => {
      const row = await findAssignment(tx, id, forUpdate);
      if (!row) throw new AppError('not_found', 'Not found');
      authorize(actor, assignmentPolicy, 'assignment.read', row, { hideExistence: true });
      return work(tx, row, meta);
    });
  }

  async function view(tx: Tx, id: string, meta: Meta) {
    const row = (await findAssignment(tx, id))!;
    return presentAssignment(row, await loadRelated(tx, row), meta.actor);
  }

  app.get(
    '/assignments',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Terms of Reference: staff see all, focal points their institutions’ (filtered, sorted, paged)',
        querystring: listQuery,
        response: { 200: listView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, assignmentCapabilityPolicy, 'assignment.list');
      const query = request.query;
      const { rows, total, counts } = await db.transaction((tx) => listAssignments(tx, actor, query));
      return {
        items: rows.map((entry) => presentSummary(entry.row, entry.programme, entry.institution)),
        total,
        page: query.page,
        pageSize: query.pageSize,
        counts,
      };
    },
  );

  app.post(
    '/assignments',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Draft new Terms of Reference (focal points for their institution, programme staff for any)',
        description:
          'The reference (`CD4D-2026-001`) is given per programme and year. Field codes: `required`, ' +
          '`invalid_value` (unknown sector, language, region, ISCO code, skill concept), `not_found` (programme, ' +
          'institution, capacity need), `date_order` (window end before start; deadline not before the start), ' +
          '`out_of_range` (more working days than the window holds), `in_the_past` (deadline), `invalid_format` ' +
          '(SDG target).',
        body: createBody,
        response: { 201: assignmentView },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      authorize(actor, assignmentCapabilityPolicy, 'assignment.create');
      const meta: Meta = { actor, ip: request.ip, now: new Date() };
      const created = await db.transaction(async (tx) => {
        const id = await createAssignment(tx, request.body, meta);
        return view(tx, id, meta);
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/assignments/form-options',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'What the ToR form offers the reader: programmes, institutions they draft for, capacity needs',
        response: { 200: formOptionsView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, assignmentCapabilityPolicy, 'assignment.create');
      return db.transaction((tx) => formOptions(tx, actor));
    },
  );

  app.get(
    '/assignments/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'One ToR with its attachments and the actions the reader may take',
        params: idParams,
        response: { 200: assignmentView },
      },
    },
    (request) => onAssignment(request, request.params.id, false, (tx, row, meta) => view(tx, row.id, meta)),
  );

  app.patch(
    '/assignments/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change a ToR, given the version read (409 version_conflict when stale; nothing is changed)',
        description:
          'Focal points edit in draft and returned; staff in draft, submitted, returned and approved, and once ' +
          'published only extend `applicationDeadline`. Otherwise 409 `assignment_not_editable`.',
        params: idParams,
        body: updateBody,
        response: { 200: assignmentView },
      },
    },
    (request) =>
      onAssignment(request, request.params.id, true, async (tx, row, meta) => {
        await updateAssignment(tx, row, request.body, meta);
        return view(tx, row.id, meta);
      }),
  );

  app.post(
    '/assignments/:id/transitions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Move a ToR along its life cycle: submit, approve, return, publish, close, fill, complete, cancel',
        description:
          'Refusals: 409 `illegal_transition` (details.from, details.to), 422 `comment_required` (return; cancel ' +
          'by staff), 422 `assignment_incomplete` (submit without deliverable, sector or language), 422 ' +
          '`deadline_passed` (publish).',
        params: idParams,
        body: transitionBody,
        response: { 200: assignmentView },
      },
    },
    (request) =>
      onAssignment(request, request.params.id, true, async (tx, row, meta) => {
        await transitionAssignment(tx, meta.actor, row.id, request.body.to, request.body.comment, {
          ip: meta.ip,
          now: meta.now,
          publicUrl,
        });
        return view(tx, row.id, meta);
      }),
  );

  app.get(
    '/assignments/:id/history',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The moves of a ToR with who made them and their comments (staff, the institution’s focal points)',
        params: idParams,
        response: { 200: historyView },
      },
    },
    (request) =>
      onAssignment(request, request.params.id, false, async (tx, row) => ({
        items: (await listHistory(tx, row.id)).map((entry) => ({
          id: entry.id,
          from: entry.from,
          to: entry.to,
          comment: entry.comment,
          actor: entry.actorId ? { id: entry.actorId, name: entry.actorName ?? '' } : null,
          at: entry.at.toISOString(),
        })),
      })),
  );

  app.post(
    '/assignments/:id/attachments',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Attach a PDF or DOCX (at most 10 MB, 10 per ToR) while the ToR can be changed',
        description:
          'multipart/form-data: the file in `file`, optionally `public=false` for an internal annex. Type from ' +
          'the bytes: anything else is 415 `unsupported_file_type`; beyond 10 MB 413 `payload_too_large`; an ' +
          'eleventh file 409 `attachment_limit_reached`.',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: attachmentView },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      // Refuse whoever may not change the ToR before reading a single byte of the body.
      await onAssignment(request, id, false, async (_tx, row, meta) =>
        requireEditable(meta.actor, row, 'attachment.change'),
      );
      const prepared = prepareAttachment(await readUpload(request, 'file'));
      const stored = await onAssignment(request, id, true, (tx, row, meta) => storeAttachment(tx, row, prepared, meta));
      return reply.code(201).send({
        id: stored.id,
        fileName: stored.fileName,
        mediaType: stored.mediaType,
        byteSize: stored.byteSize,
        public: stored.public,
        uploadedAt: stored.uploadedAt.toISOString(),
      });
    },
  );

  app.get(
    '/assignments/:id/attachments/:attachmentId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Download an attachment of a ToR',
        params: attachmentParams,
        response: { 200: attachmentContent },
      },
    },
    async (request, reply) => {
      const file = await onAssignment(request, request.params.id, false, (tx, row) =>
        findAttachment(tx, row.id, request.params.attachmentId),
      );
      if (!file) throw new AppError('not_found', 'No such attachment');
      return sendDownload(reply, { fileName: file.fileName, mediaType: file.mediaType, bytes: file.content });
    },
  );

  app.delete(
    '/assignments/:id/attachments/:attachmentId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Remove an attachment while the ToR can be changed',
        params: attachmentParams,
        response: { 200: deletedView },
      },
    },
    (request) =>
      onAssignment(request, request.params.id, true, async (tx, row, meta) => {
        await deleteAttachment(tx, row, request.params.attachmentId, meta);
        return { status: 'deleted' as const };
      }),
  );
};
