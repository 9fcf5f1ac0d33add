import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../http/errors.ts';
import { contentDisposition } from '../../../http/download.ts';
import { buildAtomFeed } from './atom.ts';
import { cacheable, etagOf } from './http-cache.ts';
import { buildDeadlineCalendar } from './ics.ts';
import { presentCallDetail, presentCallSummary } from './presenter.ts';
import { findPublicAttachment, findPublicCall, lastPublicChange, listOpenCalls } from './repository.ts';
import {
  atomFeed,
  attachmentContent,
  attachmentParams,
  callDetail,
  callList,
  callListQuery,
  callParams,
  icsFile,
  langQuery,
  notModified,
} from './schemas.ts';

const tags = ['public calls'];
/** The feed lists at most this many calls, the most recently published first. */
const feedSize = 100;
const notFound = () => new AppError('not_found', 'No such call');

/**
 * Open calls for everyone, without signing in: the list, a call's page, its public attachments, an Atom feed and
 * a calendar file for the deadline. Which calls are visible is decided in the queries (./policy.ts).
 */
export const publicCallRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const { publicUrl } = app.ctx.config;

  app.get(
    '/public/calls',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Open calls for experts, with filters (no sign-in)',
        description:
          'Published calls whose deadline is ahead. `lang` picks the language of titles and summaries; a call ' +
          'without that language is given in French and says so in `lang`. Cached a minute; send If-None-Match ' +
          'to get 304.',
        querystring: callListQuery,
        response: { 200: callList, 304: notModified },
      },
    },
    async (request, reply) => {
      const { page, pageSize, lang, ...filters } = request.query;
      const { rows, total } = await listOpenCalls(
        db,
        filters,
        { limit: pageSize, offset: (page - 1) * pageSize },
        new Date(),
      );
      const body = {
        items: rows.map((row) => presentCallSummary(row, lang)),
        total,
        page,
        pageSize,
        sort: filters.sort,
      };
      if (cacheable(request, reply, etagOf(JSON.stringify(body)))) return reply.code(304).send(null);
      return body;
    },
  );

  app.get(
    '/public/calls.atom',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Atom 1.0 feed of open calls (no sign-in)',
        description: `The ${feedSize} most recently published open calls, each linking to its web page.`,
        querystring: langQuery,
        response: { 200: atomFeed, 304: notModified },
      },
    },
    async (request, reply) => {
      const { lang } = request.query;
      const { rows } = await listOpenCalls(db, { sort: 'newest' }, { limit: feedSize, offset: 0 }, new Date());
      const latest = rows.reduce<Date | null>((at, row) => (at && at > row.updatedAt ? at : row.updatedAt), null);
      const xml = buildAtomFeed({
        publicUrl,
        lang,
        updated: latest ?? (await lastPublicChange(db)) ?? new Date(0),
        entries: rows.map((row) => ({
          call: presentCallSummary(row, lang),
          publishedAt: row.publishedAt,
          updatedAt: row.updatedAt,
        })),
      });
      if (cacheable(request, reply, etagOf(xml))) return reply.code(304).send(null);
      // A Buffer leaves as it is, past the response serializer.
      return reply.type('application/atom+xml; charset=utf-8').send(Buffer.from(xml) as unknown as string);
    },
  );

  app.get(
    '/public/calls/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A call’s public page (no sign-in)',
        description:
          'Published calls, and calls whose applications have closed (`status: closed`, deadline passed or ' +
          'selection done), so that shared links keep working. Anything else is `not_found`, whatever the reason.',
        params: callParams,
        querystring: langQuery,
        response: { 200: callDetail, 304: notModified },
      },
    },
    async (request, reply) => {
      const row = await findPublicCall(db, request.params.id);
      if (!row) throw notFound();
      const body = presentCallDetail(row, request.query.lang, new Date());
      if (cacheable(request, reply, etagOf(JSON.stringify(body)))) return reply.code(304).send(null);
      return body;
    },
  );

  app.get(
    '/public/calls/:id.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The call’s application deadline as an iCalendar event (no sign-in)',
        params: callParams,
        querystring: langQuery,
        response: { 200: icsFile, 304: notModified },
      },
    },
    async (request, reply) => {
      const { lang } = request.query;
      const row = await findPublicCall(db, request.params.id);
      if (!row) throw notFound();
      const call = presentCallSummary(row, lang);
      const ics = buildDeadlineCalendar(
        {
          callId: row.id,
          reference: row.reference,
          title: call.title,
          lang: call.lang,
          summary: call.summary,
          deadlineAt: row.deadlineAt,
          updatedAt: row.updatedAt,
          publicUrl,
        },
        lang,
      );
      if (cacheable(request, reply, etagOf(ics))) return reply.code(304).send(null);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', contentDisposition(`${row.reference}-deadline.ics`))
        .send(Buffer.from(ics) as unknown as string);
    },
  );

  app.get(
    '/public/calls/:id/attachments/:attachmentId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Download a public attachment of a call (no sign-in)',
        params: attachmentParams,
        response: { 200: attachmentContent, 304: notModified },
      },
    },
    async (request, reply) => {
      const file = await findPublicAttachment(db, request.params.id, request.params.attachmentId);
      if (!file) throw new AppError('not_found', 'No such attachment');
      if (cacheable(request, reply, `"${file.sha256}"`)) return reply.code(304).send(null);
      return (
        reply
          // The type recognised from the bytes at upload, never the one the uploader declared.
          .header('content-type', file.mediaType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(file.content) as unknown as string)
      );
    },
  );
};
