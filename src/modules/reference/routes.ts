import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../authz/policy.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { cefrLevels } from './data/cefr.ts';
import { referenceList, type ReferenceListName } from './lists.ts';
import { skillsPolicy } from './policy.ts';
import { loadStaffVocabulary } from './repository.ts';
import {
  flatListResponse,
  languagesResponse,
  localeQuery,
  occupationsResponse,
  suggestQuery,
  suggestResponse,
  twoLevelResponse,
} from './schemas.ts';
import { suggestSkills } from './skills.ts';

const tags = ['reference'];
const notModified = z.null().describe('Not modified: the copy named by If-None-Match is current');

/**
 * Lists change only with a release: browsers and proxies may keep them a day, and revalidate with the ETag.
 * Returns true when the client's copy is current (the caller answers 304 with no body).
 */
function cacheable(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('cache-control', 'public, max-age=86400').header('etag', etag).header('vary', 'accept-encoding');
  const sent = request.headers['if-none-match'];
  return sent !== undefined && sent.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}

/** Reference lists (countries, regions, sectors, occupations, languages) and the skills vocabulary. */
export const referenceDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  const lists: { name: ReferenceListName; summary: string; response: typeof flatListResponse }[] = [
    { name: 'countries', summary: 'Countries (ISO 3166-1 alpha-2, CLDR names)', response: flatListResponse },
    { name: 'regions', summary: 'Regions of Morocco with their provinces (HCP codes)', response: twoLevelResponse },
    { name: 'sectors', summary: 'OECD DAC sector categories with their 5-digit sectors', response: twoLevelResponse },
    { name: 'occupations', summary: 'ISCO-08 occupation groups as a tree', response: occupationsResponse },
  ];
  for (const { name, summary, response } of lists) {
    app.get(
      `/reference/${name}`,
      {
        config: { access: 'public' },
        schema: { tags, summary, querystring: localeQuery, response: { 200: response, 304: notModified } },
      },
      async (request, reply) => {
        const list = referenceList(name, request.query.locale);
        if (cacheable(request, reply, list.etag)) return reply.code(304).send(null);
        return { items: list.items };
      },
    );
  }

  app.get(
    '/reference/languages',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Languages (ISO 639-1, Darija, Tamazight), working languages first, and CEFR levels',
        querystring: localeQuery,
        response: { 200: languagesResponse, 304: notModified },
      },
    },
    async (request, reply) => {
      const { locale } = request.query;
      const list = referenceList('languages', locale);
      if (cacheable(request, reply, list.etag)) return reply.code(304).send(null);
      return { items: list.items, levels: cefrLevels.map((l) => ({ code: l.code, label: l.labels[locale] })) };
    },
  );

  app.get(
    '/skills/suggest',
    {
      config: { access: 'user' },
      schema: {
        tags: ['skills'],
        summary: 'Skill concepts whose labels in any language start with or contain the typed text',
        querystring: suggestQuery,
        response: { 200: suggestResponse },
      },
    },
    async (request) => {
      authorize(requireAuth(request).actor, skillsPolicy, 'skill.suggest');
      const { q, locale, limit } = request.query;
      const staff = await loadStaffVocabulary(db);
      return { items: suggestSkills(q, locale, limit, staff) };
    },
  );
};
