import type { FastifyPluginAsync } from 'fastify';
import { missionRoutes } from './routes.ts';
import { missionReportingRoutes } from './reporting/routes.ts';
import { missionSurveyRoutes } from './surveys/routes.ts';
import { missionCostRoutes } from './costs/routes.ts';
import { internshipRoutes } from './internships/routes.ts';
import { agreementRoutes } from './agreement/routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { missionResultsRoutes } from './results/routes.ts';

/** The missions area's routes: missions, checklist, costs and rates, agreement, calendar, reporting, results. */
export const missionModuleRoutes: FastifyPluginAsync = async (app) => {
  await app.register(missionRoutes);
  await app.register(missionReportingRoutes);
  await app.register(missionSurveyRoutes);
  await app.register(missionCostRoutes);
  await app.register(internshipRoutes);
  await app.register(agreementRoutes);
  await app.register(calendarRoutes);
  await app.register(missionResultsRoutes);
};
