import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../authz/policy.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { listInstitutions } from '../institutions/service.ts';
import { referencePolicy } from './policy.ts';
import { listProgrammes } from './service.ts';

const programme = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  donor: z.string(),
  countries: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: z.string(),
});

const institution = z.object({
  id: z.string(),
  kind: z.string(),
  type: z.string(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  nameEn: z.string().nullable(),
  country: z.string(),
});

/** Programmes and institutions as lists for staff forms (the demand-side module adds their full management). */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/programmes',
    {
      config: { access: 'user' },
      schema: {
        tags: ['programmes'],
        summary: 'Programmes',
        response: { 200: z.object({ items: z.array(programme) }) },
      },
    },
    async (request) => {
      authorize(requireAuth(request).actor, referencePolicy, 'programme.list');
      const rows = await listProgrammes(db);
      return { items: rows.map(({ createdAt: _createdAt, ...row }) => row) };
    },
  );

  app.get(
    '/institutions',
    {
      config: { access: 'user' },
      schema: {
        tags: ['institutions'],
        summary: 'Host and partner institutions',
        response: { 200: z.object({ items: z.array(institution) }) },
      },
    },
    async (request) => {
      authorize(requireAuth(request).actor, referencePolicy, 'institution.list');
      const rows = await listInstitutions(db);
      return { items: rows.map(({ createdAt: _createdAt, ...row }) => row) };
    },
  );
};
