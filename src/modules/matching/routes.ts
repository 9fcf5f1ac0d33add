import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../authz/policy.ts';
import { requireAuth } from '../../http/request-meta.ts';
import { expertSelfPolicy } from '../experts/policy.ts';
import { expertSummaries } from '../experts/matching-feed.ts';
import { callsFor, candidatesFor, matchableAssignment } from './candidates.ts';
import { matchingPolicy } from './policy.ts';
import { callRefOf, labelsOf, presentComponents, presentRound } from './presenter.ts';
import { acceptRound, createRound, findRound } from './rounds.ts';
import {
  acceptBody,
  candidatesQuery,
  candidatesView,
  idParams,
  recommendedCallsView,
  roundBody,
  roundView,
} from './schemas.ts';

const tags = ['matching'];

/** Ranked candidates for a ToR, calls for an expert, and allocation rounds. */
export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const metaOf = (request: { ip: string }, actorId: string) => ({
    actorId,
    ip: request.ip,
    now: new Date(),
    publicUrl: app.ctx.config.publicUrl,
  });

  app.get(
    '/assignments/:id/candidates',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The roster ranked for a ToR, each score explained, and who the hard filters keep off (staff)',
        params: idParams,
        querystring: candidatesQuery,
        response: { 200: candidatesView },
      },
    },
    async (request) => {
      const { actor, user } = requireAuth(request);
      authorize(actor, matchingPolicy, 'matching.candidates', undefined);
      return db.transaction(async (tx) => {
        const assignment = await matchableAssignment(tx, request.params.id);
        const { limit } = request.query;
        const ranking = await candidatesFor(tx, assignment, { limit, now: new Date() });
        const shownExcluded = ranking.excluded;
        const people = await expertSummaries(tx, [
          ...ranking.ranked.map((entry) => entry.expertId),
          ...shownExcluded.map((entry) => entry.expertId),
        ]);
        const expert = (id: string) => ({
          id,
          ...(people.get(id) ?? { name: '', headline: null, residenceCountry: null }),
        });
        return {
          assignment: {
            id: assignment.tor.id,
            reference: assignment.reference,
            title: callRefOf(assignment, user.locale).title,
          },
          ranked: ranking.ranked.map((entry) => ({
            expert: expert(entry.expertId),
            score: Math.round(entry.score * 1000) / 1000,
            components: presentComponents(entry.components),
          })),
          excluded: shownExcluded.map((entry) => ({
            expert: expert(entry.expertId),
            reasons: entry.reasons.map((reason) => ({ ...reason })),
          })),
          excludedTotal: ranking.excludedTotal,
          excludedByReason: ranking.excludedByReason,
          skillLabels: labelsOf(
            ranking.ranked.flatMap((entry) => entry.explanation),
            ranking.vocabulary,
            user.locale,
          ),
        };
      });
    },
  );

  app.get(
    '/experts/me/recommended-calls',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Open calls ranked for me, each score explained, and the calls I am kept off with why (experts)',
        response: { 200: recommendedCallsView },
      },
    },
    async (request) => {
      const { actor, user } = requireAuth(request);
      authorize(actor, expertSelfPolicy, 'expert.own_profile');
      return db.transaction(async (tx) => {
        const result = await callsFor(tx, user.id, new Date());
        return {
          items: result.ranked.map((entry) => ({
            call: callRefOf(entry.assignment, user.locale),
            score: Math.round(entry.score * 1000) / 1000,
            components: presentComponents(entry.components),
          })),
          notForYou: result.excluded.map((entry) => ({
            call: callRefOf(entry.assignment, user.locale),
            reasons: entry.reasons.map((reason) => ({ ...reason })),
          })),
          skillLabels: labelsOf(
            result.ranked.flatMap((entry) => entry.explanation),
            result.vocabulary,
            user.locale,
          ),
        };
      });
    },
  );

  app.post(
    '/allocation-rounds',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Run an allocation round over open calls and their applicants: the exact optimum (staff)',
        description:
          'Fills as many slots as possible, then maximises the total score, under each expert’s capacity, each ' +
          'call’s slots, the hard filters and the locked or excluded pairs. Errors: `round_assignment_not_open`, ' +
          '`locked_pair_not_candidate`, `allocation_infeasible` (details.entry names the lock that cannot hold).',
        body: roundBody,
        response: { 201: roundView },
      },
    },
    async (request, reply) => {
      const { actor, user } = requireAuth(request);
      authorize(actor, matchingPolicy, 'matching.rounds', undefined);
      const view = await db.transaction(async (tx) => {
        const round = await createRound(tx, request.body, metaOf(request, user.id));
        return presentRound(tx, round, user.locale);
      });
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/allocation-rounds/:id',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'One allocation round (staff)', params: idParams, response: { 200: roundView } },
    },
    async (request) => {
      const { actor, user } = requireAuth(request);
      authorize(actor, matchingPolicy, 'matching.rounds', undefined);
      return db.transaction(async (tx) => presentRound(tx, await findRound(tx, request.params.id), user.locale));
    },
  );

  app.post(
    '/allocation-rounds/:id/accept',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Accept a round: its pairs (or those kept) go on their calls’ shortlists (staff)',
        description: 'Errors: `round_already_accepted`; a pair outside the proposal is `validation_failed`.',
        params: idParams,
        body: acceptBody,
        response: { 200: roundView },
      },
    },
    async (request) => {
      const { actor, user } = requireAuth(request);
      authorize(actor, matchingPolicy, 'matching.rounds', undefined);
      return db.transaction(async (tx) => {
        const { skipped, ...round } = await acceptRound(
          tx,
          request.params.id,
          request.body.pairs,
          metaOf(request, user.id),
        );
        return presentRound(tx, round, user.locale, skipped);
      });
    },
  );
};
