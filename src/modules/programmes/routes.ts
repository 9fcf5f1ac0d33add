import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../authz/actor.ts';
import { allowedActions, authorize } from '../../authz/policy.ts';
import { AppError } from '../../http/errors.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { programmePolicy } from './policy.ts';
import { programmeCreateBody, programmeList, programmeParams, programmeUpdateBody, programmeView } from './schemas.ts';
import { createProgramme, findProgramme, listProgrammes, updateProgramme, type Programme } from './service.ts';

const tags = ['programmes'];

/** What leaves the server: every field (programmes hold no personal data) and what the reader may do. */
function present(actor: Actor, programme: Programme) {
  const { createdAt: _createdAt, ...fields } = programme;
  return {
    ...fields,
    updatedAt: programme.updatedAt.toISOString(),
    allowedActions: allowedActions(actor, programmePolicy).filter((action) => action === 'programme.update'),
  };
}

/** Programmes: read by every signed-in user, managed by programme officers and admins. */
export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/programmes',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Every programme, oldest first', response: { 200: programmeList } },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, programmePolicy, 'programme.read');
      const rows = await listProgrammes(db);
      return {
        items: rows.map((row) => present(actor, row)),
        allowedActions: allowedActions(actor, programmePolicy).filter((action) => action === 'programme.create'),
      };
    },
  );

  app.post(
    '/programmes',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add a programme (programme officers, admins)',
        body: programmeCreateBody,
        response: { 201: programmeView },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      authorize(actor, programmePolicy, 'programme.create');
      const row = await db.transaction((tx) =>
        createProgramme(tx, request.body, { actorId: actor.userId, ip: request.ip }),
      );
      return reply.code(201).send(present(actor, row));
    },
  );

  app.get(
    '/programmes/:id',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'One programme', params: programmeParams, response: { 200: programmeView } },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, programmePolicy, 'programme.read');
      const row = await findProgramme(db, request.params.id);
      if (!row) throw new AppError('not_found', 'No such programme');
      return present(actor, row);
    },
  );

  app.patch(
    '/programmes/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change a programme (programme officers, admins)',
        params: programmeParams,
        body: programmeUpdateBody,
        response: { 200: programmeView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, programmePolicy, 'programme.update');
      const row = await db.transaction(async (tx) => {
        const programme = await findProgramme(tx, request.params.id);
        if (!programme) throw new AppError('not_found', 'No such programme');
        return updateProgramme(tx, programme, request.body, { actorId: actor.userId, ip: request.ip });
      });
      return present(actor, row);
    },
  );
};
