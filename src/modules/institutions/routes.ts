import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { focalInstitutionIds } from '../../authz/actor.ts';
import { allowedActions, authorize, can } from '../../authz/policy.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { openInstitution, presentInstitution } from './access.ts';
import { roleHolders } from '../identity/recipients.ts';
import { institutionCapabilities, institutionPolicy } from './policy.ts';
import {
  focalPointList,
  institutionCreateBody,
  institutionListQuery,
  institutionPage,
  institutionParams,
  institutionUpdateBody,
  institutionView,
} from './schemas.ts';
import { createInstitution, searchInstitutions, updateInstitution } from './service.ts';

const tags = ['institutions'];

/** The register of host and partner institutions, and each institution's focal points. */
export const institutionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/institutions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Host and partner institutions (staff and donors: all; focal points: their own), paginated',
        querystring: institutionListQuery,
        response: { 200: institutionPage },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const browses = can(actor, institutionCapabilities, 'institution.browse');
      if (!browses) authorize(actor, institutionCapabilities, 'institution.own');
      // Focal points see their own institutions only: the scope is in the query, not filtered afterwards.
      const { rows, total } = await searchInstitutions(
        db,
        request.query,
        browses ? undefined : focalInstitutionIds(actor),
      );
      return {
        items: rows.map((row) => presentInstitution(actor, row)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        allowedActions: allowedActions(actor, institutionCapabilities).filter(
          (action) => action === 'institution.create',
        ),
      };
    },
  );

  app.post(
    '/institutions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add an institution to the register (programme officers, admins)',
        body: institutionCreateBody,
        response: { 201: institutionView },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      authorize(actor, institutionCapabilities, 'institution.create');
      const row = await db.transaction((tx) =>
        createInstitution(tx, request.body, { actorId: actor.userId, ip: request.ip }),
      );
      return reply.code(201).send(presentInstitution(actor, row));
    },
  );

  app.get(
    '/institutions/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'One institution (staff, donors, its own focal points)',
        params: institutionParams,
        response: { 200: institutionView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const institution = await openInstitution(db, actor, request.params.id, 'institution.read');
      return presentInstitution(actor, institution);
    },
  );

  app.patch(
    '/institutions/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change an institution (programme officers, admins)',
        params: institutionParams,
        body: institutionUpdateBody,
        response: { 200: institutionView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const row = await db.transaction(async (tx) => {
        const institution = await openInstitution(tx, actor, request.params.id, 'institution.update');
        return updateInstitution(tx, institution, request.body, { actorId: actor.userId, ip: request.ip });
      });
      return presentInstitution(actor, row);
    },
  );

  app.get(
    '/institutions/:id/focal-points',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The institution’s focal points (staff; its own focal points, without e-mail addresses)',
        params: institutionParams,
        response: { 200: focalPointList },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const institution = await openInstitution(db, actor, request.params.id, 'focal_points.read');
      const people = await roleHolders(db, 'focal_point', { institutionId: institution.id });
      // Addresses are for staff, who invite and write to focal points; colleagues see who else represents them.
      const showsEmail = can(actor, institutionPolicy, 'focal_points.read_email', institution);
      return {
        items: people.map((person) => ({
          id: person.userId,
          name: person.name,
          email: showsEmail ? person.email : null,
          status: person.status,
        })),
      };
    },
  );
};
