import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../authz/actor.ts';
import { authorize } from '../../authz/policy.ts';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { onOwnProfile } from '../experts/own-profile.ts';
import { expertProfilePolicy, expertSelfPolicy } from '../experts/policy.ts';
import { applyToCall, type CommandMeta } from './commands/apply.ts';
import { selectForHost, undoHostSelection } from './commands/host-selection.ts';
import { transitionApplication } from './commands/transitions.ts';
import { applicationPolicy } from './policy.ts';
import { presentApplication } from './presenter.ts';
import { accessOf, listExpertApplications, loadApplication, loadCall } from './repository.ts';
import {
  applicationView,
  applyBody,
  hostSelectionBody,
  idParams,
  myApplicationsView,
  transitionBody,
} from './schemas.ts';

const tags = ['applications'];

/** States a ToR has before it is ever published: applying to one is applying to nothing ("not found"). */
const neverPublished = new Set(['draft', 'submitted', 'returned', 'approved']);

/** Applying, reading an application, the applicant's list, status changes and the host's choice. */
export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const { publicUrl } = app.ctx.config;

  const metaOf = (request: FastifyRequest, actor: Actor): CommandMeta => ({
    actorId: actor.userId,
    ip: request.ip,
    now: new Date(),
    publicUrl,
  });

  /** Runs `work` on application `id` in one transaction (row locked) once `action` is allowed; else "not found". */
  function onApplication<T>(
    request: FastifyRequest,
    id: string,
    action: string,
    work: (tx: Tx, loaded: NonNullable<Awaited<ReturnType<typeof loadApplication>>>, actor: Actor) => Promise<T>,
  ): Promise<T> {
    const { actor } = requireAuth(request);
    return db.transaction(async (tx) => {
      const loaded = await loadApplication(tx, id, { lock: true });
      if (!loaded) throw new AppError('not_found', 'Not found');
      authorize(actor, applicationPolicy, 'application.read', loaded.access, { hideExistence: true });
      if (action !== 'application.read') authorize(actor, applicationPolicy, action, loaded.access);
      return work(tx, loaded, actor);
    });
  }

  /** Reloads and presents an application after a change, for the same reader. */
  async function present(tx: Tx, actor: Actor, id: string) {
    const loaded = (await loadApplication(tx, id))!;
    return presentApplication(
      tx,
      actor,
      loaded.application,
      loaded.call.row,
      await accessOf(tx, loaded.application, loaded.call),
    );
  }

  app.post(
    '/assignments/:id/applications',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Apply to an open call (experts)',
        description:
          'Refused with nothing stored: a call not open (`call_not_open`, 409; a ToR never published is 404), ' +
          'availability not confirmed (`availability_not_confirmed`, 422), residence outside the programme’s ' +
          'eligible countries (`not_eligible_residence`, 422), no consent to processing ' +
          '(`processing_consent_required`, 409), a second application (`already_applied`, 409), a CV that is not ' +
          'one of the expert’s (`validation_failed`). The expert gets an e-mail and an in-app notice.',
        params: idParams,
        body: applyBody,
        response: { 201: applicationView },
      },
    },
    async (request, reply) => {
      const view = await onOwnProfile(db, request, expertProfilePolicy, 'profile.update', async (tx, auth) => {
        const call = await loadCall(tx, request.params.id, { lock: true });
        if (!call || neverPublished.has(call.row.state)) throw new AppError('not_found', 'Not found');
        const created = await applyToCall(tx, call, auth.user.id, request.body, metaOf(request, auth.actor));
        return present(tx, auth.actor, created.id);
      });
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/experts/me/applications',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'My applications, newest first (experts)', response: { 200: myApplicationsView } },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, expertSelfPolicy, 'expert.own_profile');
      return db.transaction(async (tx) => {
        const items = [];
        for (const { application } of await listExpertApplications(tx, actor.userId)) {
          items.push(await present(tx, actor, application.id));
        }
        return { items };
      });
    },
  );

  app.get(
    '/applications/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'One application (the applicant; staff; the host’s focal point once the shortlist is shared)',
        params: idParams,
        response: { 200: applicationView },
      },
    },
    (request) =>
      onApplication(request, request.params.id, 'application.read', (tx, loaded, actor) =>
        presentApplication(tx, actor, loaded.application, loaded.call.row, loaded.access),
      ),
  );

  app.post(
    '/applications/:id/transitions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change the status of an application',
        description:
          'The applicant withdraws (`withdrawn`) until selection. Programme officers and admins move ' +
          '`submitted → under_review → shortlisted`, `under_review|shortlisted → not_selected`, and confirm the ' +
          'host’s choice `shortlisted → selected` (409 `host_selection_missing` before the host chose). Any other ' +
          'move is 409 `illegal_transition` and changes nothing. When the call has as many selected experts as it ' +
          'needs, the others still in the running become `not_selected` and the call is `filled`.',
        params: idParams,
        body: transitionBody,
        response: { 200: applicationView },
      },
    },
    (request) =>
      onApplication(request, request.params.id, 'application.read', async (tx, loaded, actor) => {
        const { to, reason } = request.body;
        await transitionApplication(tx, actor, loaded, to, reason ?? null, metaOf(request, actor));
        return present(tx, actor, loaded.application.id);
      }),
  );

  app.post(
    '/applications/:id/host-selection',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Select a shortlisted applicant, with a reason (the host’s focal point; staff then confirm)',
        params: idParams,
        body: hostSelectionBody,
        response: { 200: applicationView },
      },
    },
    (request) =>
      onApplication(request, request.params.id, 'application.host_select', async (tx, loaded, actor) => {
        await selectForHost(tx, loaded.application, loaded.call, request.body.reason, metaOf(request, actor));
        return present(tx, actor, loaded.application.id);
      }),
  );

  app.delete(
    '/applications/:id/host-selection',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Undo the host’s choice before staff confirm it (the host’s focal point)',
        params: idParams,
        response: { 200: applicationView },
      },
    },
    (request) =>
      onApplication(request, request.params.id, 'application.host_select', async (tx, loaded, actor) => {
        await undoHostSelection(tx, loaded.application, metaOf(request, actor));
        return present(tx, actor, loaded.application.id);
      }),
  );
};
