import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../../authz/policy.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { requireAuth } from '../../../http/request-meta.ts';
import { recordAudit } from '../../audit/service.ts';
import type { RequestAuth } from '../../../http/types.ts';
import { sendDownload } from '../../../http/download.ts';
import { maxUploadBytes, readUpload } from '../../../http/upload.ts';
import { onOwnProfile } from '../own-profile.ts';
import { expertSelfPolicy } from '../policy.ts';
import { presentProfile } from '../presenter.ts';
import { loadProfileAccess, loadProfileBundle } from '../repository.ts';
import { profileView } from '../schemas.ts';
import { confirmCvSkills, cvSkillSuggestions, deleteDocument, prepareDocument, storeDocument } from './commands.ts';
import { expertDocumentPolicy } from './policy.ts';
import { presentDocument } from './presenter.ts';
import { documentContent, findDocument, listDocuments } from './repository.ts';
import {
  confirmSuggestionsBody,
  deletedView,
  documentContent as contentResponse,
  documentList,
  documentParams,
  documentView,
  expertDocumentParams,
  maxDocumentsPerExpert,
  suggestionsQuery,
  suggestionsView,
} from './schemas.ts';

const tags = ['experts'];

/** The expert's CV and diplomas; staff (and focal points the profile policy allows) read another's. */
export const expertDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  /** Runs `work` on the signed-in expert's own documents in one transaction, once `action` is allowed. */
  const onOwnDocuments = <T>(
    request: FastifyRequest,
    action: string,
    work: (tx: Tx, auth: RequestAuth, now: Date) => Promise<T>,
  ) => onOwnProfile(db, request, expertDocumentPolicy, action, work);

  /** Runs `work` on expert `id`'s documents when the reader may read that profile; anything else is "not found". */
  function onExpertDocuments<T>(request: FastifyRequest, expertId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    const auth = requireAuth(request);
    return db.transaction(async (tx) => {
      const access = await loadProfileAccess(tx, expertId);
      if (!access) throw new AppError('not_found', 'Not found');
      authorize(auth.actor, expertDocumentPolicy, 'document.read', access, { hideExistence: true });
      return work(tx);
    });
  }

  async function loadContent(tx: Tx, userId: string, documentId: string) {
    const document = await findDocument(tx, userId, documentId);
    const bytes = document && (await documentContent(tx, document.id));
    if (!document || !bytes) throw new AppError('not_found', 'No such document');
    return { document, bytes };
  }

  function sendFile(reply: FastifyReply, { document, bytes }: Awaited<ReturnType<typeof loadContent>>) {
    return sendDownload(reply, { fileName: document.fileName, mediaType: document.mediaType, bytes });
  }

  async function sendContent(tx: Tx, reply: FastifyReply, userId: string, documentId: string) {
    return sendFile(reply, await loadContent(tx, userId, documentId));
  }

  const list = async (tx: Tx, userId: string) => ({
    items: (await listDocuments(tx, userId)).map(presentDocument),
    maxDocuments: maxDocumentsPerExpert,
    maxBytes: maxUploadBytes,
  });

  app.get(
    '/experts/me/documents',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'My documents (CV, diplomas), without their content', response: { 200: documentList } },
    },
    (request) => onOwnDocuments(request, 'document.read', (tx, auth) => list(tx, auth.user.id)),
  );

  app.post(
    '/experts/me/documents',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Upload a CV or a diploma (PDF or DOCX, at most 10 MB)',
        description:
          'A multipart/form-data body: the file in the field `file`, and the text field `kind` (`cv` or ' +
          '`diploma`). The type is recognised from the bytes; anything but PDF or DOCX is refused with ' +
          '`unsupported_file_type` (415). Refused and not stored: more than 10 MB (`payload_too_large`, 413), an ' +
          'archive expanding beyond safe limits (`unsafe_file`, 422), a corrupt file (`unreadable_file`, 422), an ' +
          'eleventh document (`document_limit_reached`, 409).',
        consumes: ['multipart/form-data'],
        response: { 201: documentView },
      },
    },
    async (request, reply) => {
      // Refuse non-experts before reading a single byte of the body.
      authorize(requireAuth(request).actor, expertSelfPolicy, 'expert.own_profile');
      const prepared = await prepareDocument(await readUpload(request, 'file'));
      const row = await onOwnDocuments(request, 'document.upload', (tx, auth, now) =>
        storeDocument(tx, auth.user.id, prepared, { ip: request.ip, now }),
      );
      return reply.code(201).send(presentDocument(row));
    },
  );

  app.get(
    '/experts/me/documents/:id/content',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Download one of my documents',
        params: documentParams,
        response: { 200: contentResponse },
      },
    },
    (request, reply) =>
      onOwnDocuments(request, 'document.read', (tx, auth) => sendContent(tx, reply, auth.user.id, request.params.id)),
  );

  app.delete(
    '/experts/me/documents/:id',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Delete one of my documents', params: documentParams, response: { 200: deletedView } },
    },
    (request) =>
      onOwnDocuments(request, 'document.delete', async (tx, auth, now) => {
        await deleteDocument(tx, auth.user.id, request.params.id, { ip: request.ip, now });
        return { status: 'deleted' as const };
      }),
  );

  app.get(
    '/experts/me/documents/:id/skill-suggestions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Skills of the vocabulary found in one of my CVs and not on my profile yet',
        params: documentParams,
        querystring: suggestionsQuery,
        response: { 200: suggestionsView },
      },
    },
    (request) =>
      onOwnDocuments(request, 'document.read', async (tx, auth) => ({
        items: await cvSkillSuggestions(tx, auth.user.id, request.params.id, request.query.locale ?? auth.user.locale),
      })),
  );

  app.post(
    '/experts/me/documents/:id/skill-suggestions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add the suggested skills I confirm to my profile (marked as coming from my CV)',
        params: documentParams,
        body: confirmSuggestionsBody,
        response: { 200: profileView },
      },
    },
    (request) =>
      onOwnDocuments(request, 'document.upload', async (tx, auth, now) => {
        const { conceptIds, locale } = request.body;
        const userId = auth.user.id;
        await confirmCvSkills(tx, userId, request.params.id, conceptIds, locale ?? auth.user.locale, {
          ip: request.ip,
          now,
        });
        const bundle = await loadProfileBundle(tx, userId);
        if (!bundle) throw new AppError('not_found', 'No profile');
        return presentProfile(bundle, auth.actor, now);
      }),
  );

  app.get(
    '/experts/:id/documents',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "An expert's documents (staff; focal points for their shortlists)",
        params: documentParams,
        response: { 200: documentList },
      },
    },
    (request) => onExpertDocuments(request, request.params.id, (tx) => list(tx, request.params.id)),
  );

  app.get(
    '/experts/:id/documents/:documentId/content',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "Download one of an expert's documents (staff; focal points for their shortlists)",
        params: expertDocumentParams,
        response: { 200: contentResponse },
      },
    },
    async (request, reply) => {
      const file = await onExpertDocuments(request, request.params.id, async (tx) => {
        const loaded = await loadContent(tx, request.params.id, request.params.documentId);
        // Someone else read a person's CV or diploma: the audit (and the expert's own data export) says when.
        await recordAudit(tx, {
          actorId: requireAuth(request).user.id,
          action: 'expert.document_downloaded',
          entityType: 'expert_profile',
          entityId: request.params.id,
          changes: { document: { after: request.params.documentId } },
          ip: request.ip,
        });
        return loaded;
      });
      // Sent once the record of the download is committed.
      return sendFile(reply, file);
    },
  );
};
