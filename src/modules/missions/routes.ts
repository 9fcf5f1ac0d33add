import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { focalInstitutionIds, hasRole } from '../../authz/actor.ts';
import { authorize } from '../../authz/policy.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { todayInMorocco } from '../assignments/dates.ts';
import { updateChecklist } from './commands/checklist.ts';
import { createMission } from './commands/create.ts';
import { rescheduleMission } from './commands/reschedule.ts';
import { contextsOf } from './context.ts';
import { metaOf, onMission } from './access.ts';
import { transitionMission } from './lifecycle.ts';
import { missionCapabilityPolicy } from './policy.ts';
import { presentChecklist, presentMission, presentSummary } from './presenter.ts';
import { listMissions } from './repository.ts';
import {
  checklistBody,
  checklistView,
  createBody,
  idParams,
  listQuery,
  listView,
  missionView,
  scheduleBody,
  transitionBody,
} from './schemas.ts';

const tags = ['missions'];

/** Missions: made from a selection, moved through their life, prepared with a checklist. */
export const missionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/missions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Missions the reader takes part in (staff: all), filtered, sorted and paginated',
        querystring: listQuery,
        response: { 200: listView },
      },
    },
    async (request) => {
      const { actor, user } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'mission.list');
      const { page, pageSize, state, programmeId, assignmentId, sort } = request.query;
      const staff = hasRole(actor, 'admin', 'programme_officer', 'me_officer');
      return db.transaction(async (tx) => {
        const { rows, total } = await listMissions(tx, {
          states: state,
          programmeId,
          assignmentId,
          ...(staff
            ? {}
            : hasRole(actor, 'expert')
              ? { expertId: actor.userId }
              : { institutionIds: focalInstitutionIds(actor) }),
          sort,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        });
        const contexts = await contextsOf(tx, rows);
        return {
          items: rows.map((row) => presentSummary(row, contexts.get(row.id)!, user.locale)),
          total,
          page,
          pageSize,
        };
      });
    },
  );

  app.post(
    '/missions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary:
          'Make a mission from a confirmed selection (officers). Errors: `application_not_selected`, ' +
          '`mission_exists`, `mission_overlap`, `validation_failed` (dates outside the ToR window, out of order)',
        body: createBody,
        response: { 201: missionView },
      },
    },
    async (request, reply) => {
      const { actor, user } = requireAuth(request);
      const view = await db.transaction(async (tx) => {
        const mission = await createMission(tx, actor, request.body, metaOf(request));
        return presentMission(tx, mission, actor, user.locale);
      });
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/missions/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'One mission with its history and the moves the reader may make',
        params: idParams,
        response: { 200: missionView },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      return onMission(db, request, request.params.id, 'mission.read', (tx, mission, actor) =>
        presentMission(tx, mission, actor, user.locale),
      );
    },
  );

  app.post(
    '/missions/:id/transitions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary:
          'Move a mission (officers): ready (checklist done), in_progress, reporting, closed (report accepted and ' +
          'host evaluation given), cancelled (with a reason). Errors: `illegal_transition`, `version_conflict`, ' +
          '`checklist_incomplete`, `report_not_accepted`, `evaluation_missing`, `reason_required`, ' +
          '`agreement_not_accepted`',
        params: idParams,
        body: transitionBody,
        response: { 200: missionView },
      },
    },
    async (request) => {
      const { actor, user } = requireAuth(request);
      const { to, reason, version } = request.body;
      return db.transaction(async (tx) => {
        const mission = await transitionMission(tx, actor, request.params.id, to, {
          reason,
          version,
          meta: metaOf(request),
        });
        return presentMission(tx, mission, actor, user.locale);
      });
    },
  );

  app.put(
    '/missions/:id/schedule',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Give a mission not yet started new dates (programme officers, admins)',
        description:
          'Planned costs follow the new dates (each line audited), open checklist items move with the start, and ' +
          'an accepted agreement no longer holds: the mission goes back to `planned` for the expert to accept it ' +
          'again. The expert and the host are told. Refused with nothing changed: `version_conflict` (409), a ' +
          'mission started, closed or cancelled (`mission_started`, 409), dates out of order, outside the ToR’s ' +
          'window or with more working days than they hold (`validation_failed`), `mission_overlap` (409), ' +
          '`sessions_outside_dates` (409), `dsa_rate_missing` or `currency_rate_missing` (422) for the new dates.',
        params: idParams,
        body: scheduleBody,
        response: { 200: missionView },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      return onMission(db, request, request.params.id, 'mission.manage', async (tx, mission, actor) =>
        presentMission(
          tx,
          await rescheduleMission(tx, actor, mission, request.body, metaOf(request)),
          actor,
          user.locale,
        ),
      );
    },
  );

  app.get(
    '/missions/:id/checklist',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The logistics checklist: owners, due dates, done (who, when) or not applicable',
        params: idParams,
        response: { 200: checklistView },
      },
    },
    async (request) =>
      onMission(db, request, request.params.id, 'mission.read', (tx, mission, actor) =>
        presentChecklist(tx, mission, actor, todayInMorocco(new Date())),
      ),
  );

  app.put(
    '/missions/:id/checklist',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary:
          'Tick, re-open or organise checklist items (each by its owner or by staff; due dates and owners by ' +
          'staff). The last item done makes an agreed mission ready. Errors: `checklist_item_mandatory`, ' +
          '`mission_settled`',
        params: idParams,
        body: checklistBody,
        response: { 200: checklistView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const meta = metaOf(request);
      return db.transaction(async (tx) => {
        const { mission } = await updateChecklist(tx, actor, request.params.id, request.body, meta);
        return presentChecklist(tx, mission, actor, todayInMorocco(meta.now));
      });
    },
  );
};
