import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { focalInstitutionIds, hasRole } from '../../../authz/actor.ts';
import { authorize } from '../../../authz/policy.ts';
import { requireAuth } from '../../../http/request-meta.ts';
import { missionCapabilityPolicy } from '../policy.ts';
import { createInternship, listInternships, presentInternship, updateInternship } from './internships.ts';
import { idParams, internshipBody, internshipListQuery, internshipPage, internshipView } from './schemas.ts';

const tags = ['missions'];

/** Internships and trainings abroad: host-institution staff learning at a partner institution. */
export const internshipRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/internships',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Internships and trainings abroad (staff: all; focal points: their institutions’), paginated',
        querystring: internshipListQuery,
        response: { 200: internshipPage },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'internships.list');
      const staff = hasRole(actor, 'admin', 'programme_officer', 'me_officer');
      // Focal points see their own institutions' only: the scope is in the query, not filtered afterwards.
      const { rows, total } = await db.transaction((tx) =>
        listInternships(tx, request.query, staff ? undefined : focalInstitutionIds(actor)),
      );
      return {
        items: rows.map(presentInternship),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    '/internships',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Record an internship or training abroad (programme officers, admins)',
        description:
          'Errors: `validation_failed` (`endsOn` `date_order`, unknown `country`, `programmeId` or ' +
          '`institutionId` `not_found`, a cost without its currency), `unknown_currency` (`costCurrency`).',
        body: internshipBody,
        response: { 201: internshipView },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'internships.manage');
      const row = await db.transaction((tx) =>
        createInternship(tx, request.body, { actorId: actor.userId, ip: request.ip }),
      );
      return reply.code(201).send(presentInternship(row));
    },
  );

  app.put(
    '/internships/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change an internship or training abroad, e.g. add the report (programme officers, admins)',
        description: 'Same errors as recording one.',
        params: idParams,
        body: internshipBody,
        response: { 200: internshipView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'internships.manage');
      const row = await db.transaction((tx) =>
        updateInternship(tx, request.params.id, request.body, { actorId: actor.userId, ip: request.ip }),
      );
      return presentInternship(row);
    },
  );
};
