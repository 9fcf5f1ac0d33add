import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../../authz/policy.ts';
import { requireAuth } from '../../../http/request-meta.ts';
import { missionCapabilityPolicy, missionPolicy } from '../policy.ts';
import { requireMission } from '../repository.ts';
import { addCost, removeCost, updateCost } from './costs.ts';
import { createCurrencyRate, listCurrencyRates, presentCurrencyRate } from './currency-rates.ts';
import { createDsaRate, listDsaRates, presentDsaRate, updateDsaRate } from './dsa-rates.ts';
import { presentCostLine, presentMissionCosts } from './presenter.ts';
import {
  costBody,
  costLineView,
  costParams,
  costUpdateBody,
  currencyRateBody,
  currencyRateListQuery,
  currencyRatePage,
  currencyRateView,
  deletedView,
  dsaRateBody,
  dsaRateListQuery,
  dsaRatePage,
  dsaRateView,
  idParams,
  missionCostsView,
} from './schemas.ts';

const tags = ['missions'];

/** The DSA rate table, stored currency rates, and each mission's planned and actual costs. */
export const missionCostRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/dsa-rates',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The daily subsistence allowance table, by country, city and period, paginated (staff)',
        description:
          'With `country`, `city` and `on`: the one rate that applies there that day (the city’s, else the ' +
          'country-wide one, whose `city` is null).',
        querystring: dsaRateListQuery,
        response: { 200: dsaRatePage },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'rates.read');
      const { rows, total } = await db.transaction((tx) => listDsaRates(tx, request.query));
      return { items: rows.map(presentDsaRate), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    '/dsa-rates',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add a DSA rate for a country (and city) over a period (programme officers, admins)',
        description:
          'Errors: `unknown_currency` (field `currency`), `validation_failed` (`country` unknown, `validTo` ' +
          '`date_order`), `dsa_rate_overlap` (another rate of the same place on some of the days).',
        body: dsaRateBody,
        response: { 201: dsaRateView },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'dsa_rates.manage');
      const row = await db.transaction((tx) =>
        createDsaRate(tx, request.body, { actorId: actor.userId, ip: request.ip }),
      );
      return reply.code(201).send(presentDsaRate(row));
    },
  );

  app.put(
    '/dsa-rates/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change a DSA rate (programme officers, admins); lines already priced keep their amounts',
        description: 'Same errors as adding one.',
        params: idParams,
        body: dsaRateBody,
        response: { 200: dsaRateView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'dsa_rates.manage');
      const row = await db.transaction((tx) =>
        updateDsaRate(tx, request.params.id, request.body, { actorId: actor.userId, ip: request.ip }),
      );
      return presentDsaRate(row);
    },
  );

  app.get(
    '/currency-rates',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Stored exchange rates into reporting currencies, newest first, paginated (staff)',
        description: 'With `on`: for each pair, the rate that applies that day (the latest from on or before it).',
        querystring: currencyRateListQuery,
        response: { 200: currencyRatePage },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'rates.read');
      const { rows, total } = await db.transaction((tx) => listCurrencyRates(tx, request.query));
      return {
        items: rows.map(presentCurrencyRate),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    '/currency-rates',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Store an exchange rate from a day on (programme officers, admins)',
        description: 'Errors: `unknown_currency` (field named), `currency_rate_exists` (same pair and day).',
        body: currencyRateBody,
        response: { 201: currencyRateView },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionCapabilityPolicy, 'currency_rates.manage');
      const row = await db.transaction((tx) =>
        createCurrencyRate(tx, request.body, { actorId: actor.userId, ip: request.ip }),
      );
      return reply.code(201).send(presentCurrencyRate(row));
    },
  );

  app.get(
    '/missions/:id/costs',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary:
          'A mission’s cost lines, planned against actual per category in the reporting currency (staff, the expert)',
        description: '`dsa` explains the allowance: the rate found for the place on the start date and the nights.',
        params: idParams,
        response: { 200: missionCostsView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      return db.transaction(async (tx) => {
        const mission = await requireMission(tx, request.params.id);
        authorize(actor, missionPolicy, 'mission.read', mission, { hideExistence: true });
        authorize(actor, missionPolicy, 'mission.costs.read', mission);
        return presentMissionCosts(tx, mission);
      });
    },
  );

  app.post(
    '/missions/:id/costs',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add a planned or actual cost line to a mission (programme officers, admins)',
        description:
          'A `dsa` line without `amount` is computed: the rate for the mission’s place on its start date × the ' +
          'nights. Errors: `dsa_not_applicable` (online mission), `dsa_rate_missing` (details name the place and ' +
          'dates), `unknown_currency`, `currency_rate_missing`, `mission_settled`.',
        params: idParams,
        body: costBody,
        response: { 201: costLineView },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionPolicy, 'mission.costs.write');
      const row = await db.transaction(async (tx) => {
        const mission = await requireMission(tx, request.params.id, true);
        return addCost(tx, mission, request.body, { actorId: actor.userId, ip: request.ip, now: new Date() });
      });
      return reply.code(201).send(presentCostLine(row));
    },
  );

  app.put(
    '/missions/:id/costs/:costId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change a cost line; audited with its before and after (programme officers, admins)',
        description: 'Same errors as adding one.',
        params: costParams,
        body: costUpdateBody,
        response: { 200: costLineView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionPolicy, 'mission.costs.write');
      const row = await db.transaction(async (tx) => {
        const mission = await requireMission(tx, request.params.id, true);
        return updateCost(tx, mission, request.params.costId, request.body, {
          actorId: actor.userId,
          ip: request.ip,
          now: new Date(),
        });
      });
      return presentCostLine(row);
    },
  );

  app.delete(
    '/missions/:id/costs/:costId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Remove a cost line; the audit keeps what it was (programme officers, admins)',
        params: costParams,
        response: { 200: deletedView },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      authorize(actor, missionPolicy, 'mission.costs.write');
      await db.transaction(async (tx) => {
        const mission = await requireMission(tx, request.params.id, true);
        await removeCost(tx, mission, request.params.costId, {
          actorId: actor.userId,
          ip: request.ip,
          now: new Date(),
        });
      });
      return { status: 'deleted' as const };
    },
  );
};
