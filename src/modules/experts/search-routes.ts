import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../authz/policy.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { findDuplicates } from './search/duplicates.ts';
import { rosterPolicy } from './search/policy.ts';
import { searchRoster } from './search/repository.ts';
import { createSavedSearch, deleteSavedSearch, listSavedSearches } from './search/saved.ts';
import {
  deletedResponse,
  duplicatesPage,
  duplicatesQuery,
  idParams,
  rosterPage,
  rosterQuery,
  savedSearchBody,
  savedSearchList,
  savedSearchView,
} from './search/schemas.ts';

const tags = ['experts'];

/** The staff roster search with facets, saved searches and likely duplicates. */
export const expertSearchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/experts',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Search the roster (staff): names across spellings and scripts, full text, facets',
        querystring: rosterQuery,
        response: { 200: rosterPage },
      },
    },
    async (request) => {
      authorize(requireAuth(request).actor, rosterPolicy, 'roster.search');
      return searchRoster(db, request.query);
    },
  );

  app.get(
    '/experts/saved-searches',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'My saved roster searches (staff)', response: { 200: savedSearchList } },
    },
    async (request) => {
      const auth = requireAuth(request);
      authorize(auth.actor, rosterPolicy, 'roster.saved_search');
      return { items: await listSavedSearches(db, auth.user.id) };
    },
  );

  app.post(
    '/experts/saved-searches',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Save a roster search (staff)',
        body: savedSearchBody,
        response: { 201: savedSearchView },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      authorize(auth.actor, rosterPolicy, 'roster.saved_search');
      const saved = await db.transaction((tx) => createSavedSearch(tx, auth.user.id, request.body, request.ip));
      return reply.code(201).send(saved);
    },
  );

  app.delete(
    '/experts/saved-searches/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete one of my saved searches (staff)',
        params: idParams,
        response: { 200: deletedResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      authorize(auth.actor, rosterPolicy, 'roster.saved_search');
      await db.transaction((tx) => deleteSavedSearch(tx, auth.user.id, request.params.id, request.ip));
      return { status: 'deleted' as const };
    },
  );

  app.get(
    '/experts/duplicates',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Likely duplicate profiles with the reasons (staff)',
        querystring: duplicatesQuery,
        response: { 200: duplicatesPage },
      },
    },
    async (request) => {
      authorize(requireAuth(request).actor, rosterPolicy, 'roster.duplicates');
      const { page, pageSize } = request.query;
      return { ...(await findDuplicates(db, { page, pageSize })), page, pageSize };
    },
  );
};
