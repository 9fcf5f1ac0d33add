import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../authz/actor.ts';
import { allowedActions, authorize, can } from '../../authz/policy.ts';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { recordAudit } from '../audit/service.ts';
import { sendDownload } from '../../http/download.ts';
import { documentContent } from '../experts/documents/repository.ts';
import { documentContent as contentResponse } from '../experts/documents/schemas.ts';
import { expertDocuments } from '../experts/schema.ts';
import { eq } from 'drizzle-orm';
import type { CommandMeta } from './commands/apply.ts';
import { scoreApplication, setScoringCriteria, shareShortlist } from './commands/screening.ts';
import { applicationPolicy, callApplicationsPolicy } from './policy.ts';
import { presentApplication, presentApplications } from './presenter.ts';
import {
  accessWith,
  callAccessOf,
  listCallApplications,
  loadApplication,
  loadCall,
  sharingConsentedAmong,
  type Call,
} from './repository.ts';
import {
  applicationView,
  callApplicationsQuery,
  callApplicationsView,
  idParams,
  scoresBody,
  scoringCriteriaBody,
  shareView,
} from './schemas.ts';

const tags = ['applications'];

/** Staff's screening of a call's applications, the shortlist shared with the host, and the shared CV. */
export const screeningRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const { publicUrl } = app.ctx.config;

  const metaOf = (request: FastifyRequest, actor: Actor): CommandMeta => ({
    actorId: actor.userId,
    ip: request.ip,
    now: new Date(),
    publicUrl,
  });

  /** Runs `work` on call `id` once one of `actions` is allowed; everyone else (and unknown ids) gets "not found". */
  function onCall<T>(
    request: FastifyRequest,
    id: string,
    actions: string[],
    work: (tx: Tx, call: Call, actor: Actor) => Promise<T>,
    { lock = false } = {},
  ): Promise<T> {
    const { actor } = requireAuth(request);
    return db.transaction(async (tx) => {
      const call = await loadCall(tx, id, { lock });
      const access = call && callAccessOf(call);
      if (!call || !access || !actions.some((action) => can(actor, callApplicationsPolicy, action, access))) {
        throw new AppError('not_found', 'Not found');
      }
      return work(tx, call, actor);
    });
  }

  app.get(
    '/assignments/:id/applications',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'A call’s applications: all with scores (staff); the shared shortlist (the host’s focal point)',
        description:
          'Staff see every application, sortable by total score or date. A focal point sees, once the shortlist is ' +
          'shared, only shortlisted (or selected) applicants who consent to sharing their CV, without scores, notes ' +
          'or history.',
        params: idParams,
        querystring: callApplicationsQuery,
        response: { 200: callApplicationsView },
      },
    },
    (request) =>
      onCall(request, request.params.id, ['call.applications.list', 'call.shortlist.read'], async (tx, call, actor) => {
        const staff = can(actor, callApplicationsPolicy, 'call.applications.list', callAccessOf(call));
        const { sort, status } = request.query;
        const rows = await listCallApplications(tx, call.row.id, status ? [status] : undefined);
        const consented = await sharingConsentedAmong(
          tx,
          rows.map((row) => row.expertId),
        );
        const visible = rows
          .map((row) => ({ row, access: accessWith(row, call, consented.has(row.expertId)) }))
          .filter(({ access }) => staff || can(actor, applicationPolicy, 'application.read', access));
        const views = await presentApplications(tx, actor, visible, call.row);
        const items = visible.map(({ row }, index) => ({ row, view: views[index]! }));
        items.sort((a, b) =>
          sort === 'score'
            ? (b.row.totalScore ?? -1) - (a.row.totalScore ?? -1) || +b.row.submittedAt - +a.row.submittedAt
            : +b.row.submittedAt - +a.row.submittedAt,
        );
        return {
          items: items.map((item) => item.view),
          scoringCriteria: staff ? call.row.scoringCriteria : [],
          shortlistSharedAt: call.row.shortlistSharedAt?.toISOString() ?? null,
          expertsNeeded: call.row.expertsNeeded,
          allowedActions: allowedActions(actor, callApplicationsPolicy, callAccessOf(call)),
        };
      }),
  );

  app.put(
    '/assignments/:id/scoring-criteria',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Set the screening grid of a call while screening (programme officers, admins)',
        description:
          'The ToR’s own edit sets the grid while drafting; an open or closed call takes no other edit, so the grid ' +
          'is changed here during screening. Every application’s total is recomputed.',
        params: idParams,
        body: scoringCriteriaBody,
        response: { 200: callApplicationsView.pick({ scoringCriteria: true }) },
      },
    },
    (request) =>
      onCall(
        request,
        request.params.id,
        ['call.applications.list'],
        async (tx, call, actor) => {
          authorize(actor, callApplicationsPolicy, 'call.screen', callAccessOf(call));
          await setScoringCriteria(tx, call, request.body.criteria, metaOf(request, actor));
          return { scoringCriteria: request.body.criteria };
        },
        { lock: true },
      ),
  );

  app.post(
    '/assignments/:id/shortlist/share',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Share the shortlist with the host institution (programme officers, admins)',
        description: 'Needs at least one shortlisted applicant (409 `shortlist_empty`). The focal points are e-mailed.',
        params: idParams,
        response: { 200: shareView },
      },
    },
    (request) =>
      onCall(
        request,
        request.params.id,
        ['call.applications.list'],
        (tx, call, actor) => {
          authorize(actor, callApplicationsPolicy, 'call.screen', callAccessOf(call));
          return shareShortlist(tx, call, metaOf(request, actor));
        },
        { lock: true },
      ),
  );

  app.put(
    '/applications/:id/scores',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Score an application against the call’s grid, with a private note (programme officers, admins)',
        params: idParams,
        body: scoresBody,
        response: { 200: applicationView },
      },
    },
    (request) => {
      const { actor } = requireAuth(request);
      return db.transaction(async (tx) => {
        const loaded = await loadApplication(tx, request.params.id, { lock: true });
        if (!loaded) throw new AppError('not_found', 'Not found');
        authorize(actor, applicationPolicy, 'application.read', loaded.access, { hideExistence: true });
        authorize(actor, applicationPolicy, 'application.screen', loaded.access);
        const row = await scoreApplication(tx, loaded.application, loaded.call, request.body, metaOf(request, actor));
        return presentApplication(tx, actor, row, loaded.call.row, loaded.access);
      });
    },
  );

  app.get(
    '/applications/:id/cv',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Download the CV the applicant chose to share (staff; the host’s focal point for its shortlist)',
        params: idParams,
        response: { 200: contentResponse },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      const file = await db.transaction(async (tx) => {
        const loaded = await loadApplication(tx, request.params.id);
        if (!loaded) throw new AppError('not_found', 'Not found');
        authorize(actor, applicationPolicy, 'application.cv_download', loaded.access, { hideExistence: true });
        const documentId = loaded.application.cvDocumentId;
        const [document] = documentId
          ? await tx.select().from(expertDocuments).where(eq(expertDocuments.id, documentId))
          : [];
        const bytes = document && (await documentContent(tx, document.id));
        if (!document || !bytes) throw new AppError('not_found', 'No CV shared');
        // Someone else read a person's CV: the audit (and the expert's own data export) says when.
        await recordAudit(tx, {
          actorId: actor.userId,
          action: 'expert.document_downloaded',
          entityType: 'expert_profile',
          entityId: loaded.application.expertId,
          changes: { document: { after: document.id }, application: { after: loaded.application.id } },
          ip: request.ip,
        });
        return { document, bytes };
      });
      return sendDownload(reply, {
        fileName: file.document.fileName,
        mediaType: file.document.mediaType,
        bytes: file.bytes,
      });
    },
  );
};
