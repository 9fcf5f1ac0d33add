import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allowedActions, can } from '../../authz/policy.ts';
import { openInstitution } from './access.ts';
import { createNeed, createOutcome, deleteOutcome, loadPlan, updateNeed, updateOutcome } from './plan.ts';
import {
  needCreateBody,
  needParams,
  needUpdateBody,
  needView,
  outcomeCreateBody,
  outcomeDeleted,
  outcomeParams,
  outcomeUpdateBody,
  planQuery,
  planView,
} from './plan-schemas.ts';
import { institutionPolicy } from './policy.ts';
import { institutionParams } from './schemas.ts';
import { fieldError } from '../../http/errors.ts';
import { requireAuth } from '../../http/request-meta.ts';

const tags = ['institutions'];
const planActions = new Set(['plan.edit', 'need.propose']);

/**
 * The development plan (Theory of Change) of an institution in a programme: ordered outcomes and the capacity
 * needs that serve them. Staff and the institution's focal points read it; programme officers and admins write it;
 * focal points may propose needs.
 */
export const institutionPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/institutions/:id/plan',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The institution’s development plan in a programme: outcomes in order with their needs',
        params: institutionParams,
        querystring: planQuery,
        response: { 200: planView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      return db.transaction(async (tx) => {
        const institution = await openInstitution(tx, actor, request.params.id, 'plan.read');
        const { programmeId } = request.query;
        if (!programmeId) throw fieldError('querystring.programmeId', 'required', 'Which programme’s plan?');
        const plan = await loadPlan(tx, institution.id, programmeId);
        const actions = allowedActions(actor, institutionPolicy, institution).filter((a) => planActions.has(a));
        return { ...plan, allowedActions: actions };
      });
    },
  );

  app.post(
    '/institutions/:id/outcomes',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add an outcome to the plan (programme officers, admins); answers the whole plan',
        params: institutionParams,
        body: outcomeCreateBody,
        response: { 201: planView },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      const plan = await db.transaction(async (tx) => {
        const institution = await openInstitution(tx, actor, request.params.id, 'plan.edit');
        await createOutcome(tx, institution.id, request.body, { actorId: actor.userId, ip: request.ip });
        const actions = allowedActions(actor, institutionPolicy, institution).filter((a) => planActions.has(a));
        return { ...(await loadPlan(tx, institution.id, request.body.programmeId)), allowedActions: actions };
      });
      return reply.code(201).send(plan);
    },
  );

  app.patch(
    '/institutions/:id/outcomes/:outcomeId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Reword or move an outcome (programme officers, admins); answers the whole plan',
        params: outcomeParams,
        body: outcomeUpdateBody,
        response: { 200: planView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const { id, outcomeId } = request.params;
      return db.transaction(async (tx) => {
        const institution = await openInstitution(tx, actor, id, 'plan.edit');
        const programmeId = await updateOutcome(tx, institution.id, outcomeId, request.body, {
          actorId: actor.userId,
          ip: request.ip,
        });
        const actions = allowedActions(actor, institutionPolicy, institution).filter((a) => planActions.has(a));
        return { ...(await loadPlan(tx, institution.id, programmeId)), allowedActions: actions };
      });
    },
  );

  app.delete(
    '/institutions/:id/outcomes/:outcomeId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete an outcome; its needs stay in the plan without an outcome (programme officers, admins)',
        params: outcomeParams,
        response: { 200: outcomeDeleted },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const { id, outcomeId } = request.params;
      return db.transaction(async (tx) => {
        const institution = await openInstitution(tx, actor, id, 'plan.edit');
        return deleteOutcome(tx, institution.id, outcomeId, { actorId: actor.userId, ip: request.ip });
      });
    },
  );

  app.post(
    '/institutions/:id/needs',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add a capacity need (programme officers, admins) or propose one (the institution’s focal points)',
        params: institutionParams,
        body: needCreateBody,
        response: { 201: needView },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      const need = await db.transaction(async (tx) => {
        const institution = await openInstitution(tx, actor, request.params.id, 'need.propose');
        const proposal = !can(actor, institutionPolicy, 'plan.edit', institution);
        return createNeed(tx, institution.id, request.body, {
          actorId: actor.userId,
          ip: request.ip,
          proposal,
          publicUrl: app.ctx.config.publicUrl,
        });
      });
      return reply.code(201).send(need);
    },
  );

  app.patch(
    '/institutions/:id/needs/:needId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change a capacity need: wording, priority, status, outcome (programme officers, admins)',
        params: needParams,
        body: needUpdateBody,
        response: { 200: needView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const { id, needId } = request.params;
      return db.transaction(async (tx) => {
        const institution = await openInstitution(tx, actor, id, 'plan.edit');
        return updateNeed(tx, institution.id, needId, request.body, { actorId: actor.userId, ip: request.ip });
      });
    },
  );
};
