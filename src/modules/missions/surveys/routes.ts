import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { metaOf, onMission } from '../access.ts';
import { missionParams } from '../reporting/schemas.ts';
import { publicSurvey, submitSurvey } from './public.ts';
import { addRespondent, presentSurvey, surveysOf } from './respondents.ts';
import { answeredView, answersBody, publicSurveyView, respondentBody, surveysView, tokenParams } from './schemas.ts';

const tags = ['missions'];

/** Knowledge-transfer surveys: respondents added by staff or the host, and the public form behind each personal link. */
export const missionSurveyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/missions/:id/surveys',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Who answers the mission’s surveys, at which moment, and where each stands (staff, the host)',
        description: 'Never the personal links: only their hashes are stored.',
        params: missionParams,
        response: { 200: surveysView },
      },
    },
    (request) =>
      onMission(db, request, request.params.id, 'mission.surveys.read', async (tx, mission) => ({
        items: (await surveysOf(tx, mission.id)).map(presentSurvey),
      })),
  );

  app.post(
    '/missions/:id/survey-respondents',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add a member of the host’s staff to the mission’s surveys (programme officers, admins, the host)',
        description:
          'Creates the `before` survey (due today) when the mission has not started, the `after` survey (due on ' +
          'its last day), and on a closed mission the one-year survey; each is e-mailed when due. Refused with ' +
          'nothing stored: a cancelled mission (`mission_settled`, 409), an address already a respondent ' +
          '(`respondent_exists`, 409).',
        params: missionParams,
        body: respondentBody,
        response: { 201: surveysView },
      },
    },
    async (request, reply) => {
      const view = await onMission(
        db,
        request,
        request.params.id,
        'mission.surveys.manage',
        async (tx, mission, actor) => ({
          items: (await addRespondent(tx, actor, mission, request.body, metaOf(request))).map(presentSurvey),
        }),
      );
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/surveys/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The survey form behind a personal link, in the respondent’s language (no account)',
        description: 'An unknown link is 404; an answered one `survey_already_submitted` (409).',
        params: tokenParams,
        response: { 200: publicSurveyView },
      },
    },
    async (request, reply) => {
      const view = await db.transaction((tx) => publicSurvey(tx, request.params.token));
      // A personal link's page is nobody else's: no shared cache keeps it.
      return reply.header('cache-control', 'no-store').send(view);
    },
  );

  app.post(
    '/surveys/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Answer the survey behind a personal link, once (no account)',
        description:
          'Every statement rated 1–5 (`validation_failed`, each missing or unknown key on its field). An unknown ' +
          'link is 404; a link reused after submission is `survey_already_submitted` (409), nothing changed.',
        params: tokenParams,
        body: answersBody,
        response: { 201: answeredView },
      },
    },
    async (request, reply) => {
      const answered = await db.transaction((tx) =>
        submitSurvey(tx, request.params.token, request.body, { ip: request.ip, now: new Date() }),
      );
      return reply.code(201).send(answered);
    },
  );
};
