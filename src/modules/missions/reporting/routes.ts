import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { metaOf, onMission } from '../access.ts';
import { reportFileRoutes } from './files-routes.ts';
import { evaluateMission, findEvaluation, presentEvaluation } from './evaluation.ts';
import { requestFollowUp } from './follow-ups.ts';
import { evaluationQuestionKeys } from './questions.ts';
import { findReport, presentReport, reviewReport, saveReport } from './report.ts';
import {
  attendanceBody,
  evaluationAnswer,
  evaluationBody,
  followUpBody,
  followUpView,
  missionParams,
  reportAnswer,
  reportBody,
  reviewBody,
  sessionBody,
  sessionParams,
  sessionView,
  sessionsView,
} from './schemas.ts';
import { planSession, presentSession, recordAttendance, sessionsOf } from './sessions.ts';

const tags = ['missions'];

/** Carrying out and reporting on a mission: sessions and attendance, the expert's report, the host's evaluation, follow-ups. */
export const missionReportingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  await app.register(reportFileRoutes);

  app.get(
    '/missions/:id/sessions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'A mission’s sessions with their attendance (whoever reads the mission)',
        params: missionParams,
        response: { 200: sessionsView },
      },
    },
    (request) =>
      onMission(db, request, request.params.id, 'mission.read', async (tx, mission) => ({
        items: (await sessionsOf(tx, mission.id)).map(presentSession),
      })),
  );

  app.post(
    '/missions/:id/sessions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Plan a session of an online or hybrid mission (staff, the expert, the host’s focal point)',
        description:
          'Refused with nothing stored: an on-site mission (`sessions_not_applicable`, 409), a closed or cancelled ' +
          'one (`mission_settled`, 409), a start whose day (in Morocco) is outside the mission’s dates ' +
          '(`validation_failed`, `startsAt`: `out_of_range`).',
        params: missionParams,
        body: sessionBody,
        response: { 201: sessionView },
      },
    },
    async (request, reply) => {
      const view = await onMission(
        db,
        request,
        request.params.id,
        'mission.sessions.plan',
        async (tx, mission, actor) =>
          presentSession(await planSession(tx, actor, mission, request.body, metaOf(request))),
      );
      return reply.code(201).send(view);
    },
  );

  app.put(
    '/missions/:id/sessions/:sessionId/attendance',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Record how many attended a session (the host’s focal point, staff)',
        description:
          'Only once the session has started (`session_not_started`, 409); a later record corrects the earlier. ' +
          'A closed or cancelled mission is `mission_settled` (409).',
        params: sessionParams,
        body: attendanceBody,
        response: { 200: sessionView },
      },
    },
    (request) =>
      onMission(db, request, request.params.id, 'mission.sessions.attendance', async (tx, mission, actor) =>
        presentSession(
          await recordAttendance(tx, actor, mission, request.params.sessionId, request.body.attended, metaOf(request)),
        ),
      ),
  );

  app.get(
    '/missions/:id/report',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The expert’s mission report (a draft only to the expert; `report: null` when there is none to show)',
        params: missionParams,
        response: { 200: reportAnswer },
      },
    },
    (request) =>
      onMission(db, request, request.params.id, 'mission.read', async (tx, mission, actor) => {
        const report = await findReport(tx, mission.id);
        const shown = report && (report.status !== 'draft' || actor.userId === mission.expertId);
        return { report: shown ? await presentReport(tx, mission, report) : null, missionState: mission.state };
      }),
  );

  app.post(
    '/missions/:id/report',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Save (`submit: false`) or submit (`submit: true`) my mission report (the mission’s expert)',
        description:
          'While the mission is in progress or reporting; submitting an in-progress mission’s report moves it to ' +
          '`reporting` and tells the programme’s officers. Refused with nothing stored: a mission not yet in ' +
          'progress (`mission_not_started`, 409), closed or cancelled (`mission_settled`, 409), a report awaiting ' +
          'review or accepted (`report_locked`, 409), a `fileId` not uploaded on this mission ' +
          '(`validation_failed`). Files no deliverable names any more are deleted.',
        params: missionParams,
        body: reportBody,
        response: { 200: reportAnswer },
      },
    },
    (request) =>
      onMission(db, request, request.params.id, 'mission.report.write', async (tx, mission, actor) => {
        const row = await saveReport(tx, actor, mission, request.body, metaOf(request));
        const state = request.body.submit && mission.state === 'in_progress' ? 'reporting' : mission.state;
        return { report: await presentReport(tx, mission, row), missionState: state };
      }),
  );

  app.post(
    '/missions/:id/report/review',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Accept or return a submitted mission report (programme officers, admins)',
        description:
          'Only a submitted report (`report_not_submitted`, 409); returning needs a comment (`reason_required`, ' +
          '422). The expert is told by e-mail and in the app.',
        params: missionParams,
        body: reviewBody,
        response: { 200: reportAnswer },
      },
    },
    (request) =>
      onMission(db, request, request.params.id, 'mission.report.review', async (tx, mission, actor) => {
        const row = await reviewReport(tx, actor, mission, request.body, metaOf(request));
        return { report: await presentReport(tx, mission, row), missionState: mission.state };
      }),
  );

  app.get(
    '/missions/:id/evaluation',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The host’s evaluation of a mission (staff, the expert, the host)',
        params: missionParams,
        response: { 200: evaluationAnswer },
      },
    },
    (request) =>
      onMission(db, request, request.params.id, 'mission.read', async (tx, mission) => {
        const row = await findEvaluation(tx, mission.id);
        return { questions: [...evaluationQuestionKeys], evaluation: row ? presentEvaluation(row) : null };
      }),
  );

  app.post(
    '/missions/:id/evaluation',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Evaluate a mission, once (the host’s focal point)',
        description:
          'Once the mission is reporting, or in progress after its last day (`mission_not_ready_for_evaluation`, ' +
          '409); once only (`evaluation_exists`, 409); not on a closed or cancelled mission (`mission_settled`, 409).',
        params: missionParams,
        body: evaluationBody,
        response: { 201: evaluationAnswer },
      },
    },
    async (request, reply) => {
      const view = await onMission(db, request, request.params.id, 'mission.evaluate', async (tx, mission, actor) => {
        const row = await evaluateMission(tx, actor, mission, request.body, metaOf(request));
        return { questions: [...evaluationQuestionKeys], evaluation: presentEvaluation(row) };
      });
      return reply.code(201).send(view);
    },
  );

  app.post(
    '/missions/:id/follow-ups',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary:
          'Plan a follow-up of a closed mission: a virtual session or a repeat mission (programme officers, admins)',
        description:
          'Creates a `planned` mission for the same expert, ToR, host and programme, linked by `followUpOf`, ' +
          'referenced `<reference>-F<n>`, online for a virtual session. Refused with nothing stored: a mission not ' +
          'closed (`mission_not_closed`, 409), dates overlapping another mission of the expert (`mission_overlap`, ' +
          '409), dates in the past, out of order or with more working days than they hold (`validation_failed`).',
        params: missionParams,
        body: followUpBody,
        response: { 201: followUpView },
      },
    },
    async (request, reply) => {
      const created = await onMission(db, request, request.params.id, 'mission.manage', (tx, mission, actor) =>
        requestFollowUp(tx, actor, mission, request.body, metaOf(request)),
      );
      return reply.code(201).send({
        id: created.id,
        reference: created.reference,
        state: created.state,
        modality: created.modality,
        followUpOf: created.followUpOf!,
        followUpKind: created.followUpKind!,
        startsOn: created.startsOn,
        endsOn: created.endsOn,
        workingDays: created.workingDays,
      });
    },
  );
};
