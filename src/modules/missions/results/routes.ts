import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../../authz/policy.ts';
import { AppError, fieldError } from '../../../http/errors.ts';
import { requireAuth } from '../../../http/request-meta.ts';
import { todayInMorocco } from '../../assignments/dates.ts';
import { findProgramme } from '../../programmes/service.ts';
import { missionCapabilityPolicy } from '../policy.ts';
import { readResults, resultsScopeOf } from './results.ts';
import { resultsQuery, resultsView } from './schemas.ts';

const tags = ['missions'];

/** The knowledge-transfer results: missions and internships abroad added up, for the results pages and reports. */
export const missionResultsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/missions/results',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary:
          'Knowledge-transfer results: missions by state, experts, working days, sessions, internships abroad ' +
          '(staff and donors; focal points: their institutions’ figures)',
        description:
          'Closed missions plus completed internships and trainings (their last day before today in Morocco) make ' +
          'the knowledge-transfer activities. `from`/`to` filter on the start day. Errors: `validation_failed` ' +
          '(`to` `date_order`, `programmeId` `not_found`), `forbidden` (a donor asking for another programme).',
        querystring: resultsQuery,
        response: { 200: resultsView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'mission.results.read');
      const { query } = request;
      if (query.from && query.to && query.to < query.from) {
        throw fieldError('to', 'date_order', 'The period must end on or after the day it starts');
      }
      const scope = resultsScopeOf(actor);
      return db.transaction(async (tx) => {
        if (query.programmeId) {
          if (!(await findProgramme(tx, query.programmeId))) {
            throw fieldError('programmeId', 'not_found', 'No such programme');
          }
          // Programmes are public, so naming one outside the donor's grants is refused rather than hidden.
          if (scope.programmeIds && !scope.programmeIds.includes(query.programmeId)) {
            throw new AppError('forbidden', 'Not allowed: mission.results.read');
          }
        }
        return readResults(tx, query, scope, todayInMorocco(new Date()));
      });
    },
  );
};
