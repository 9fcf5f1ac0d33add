/**
 * The knowledge-transfer results of a programme: what its missions and its internships and trainings abroad add up
 * to. Every figure is an aggregate computed by the database (a few rows come back, never the missions themselves),
 * so the figures stay cheap however many years of missions a programme holds.
 */
import { and, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { focalInstitutionIds, hasRole, type Actor } from '../../../authz/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { modalities } from '../../assignments/schema.ts';
import { internshipKinds } from '../internships/schemas.ts';
import { internships, missions, missionSessions, missionStates } from '../schema.ts';
import type { ResultsQuery, ResultsView } from './schemas.ts';

/**
 * Whose figures a reader adds up. Undefined lists mean no restriction; an empty list means nothing. Staff read
 * every programme; a donor reads the programmes their grants name (every one when a grant names none); a focal
 * point reads only their own institutions' missions and internships.
 */
export interface ResultsScope {
  programmeIds?: string[];
  institutionIds?: string[];
}

/** The scope of `actor`'s figures (the caller has already checked `mission.results.read`). */
export function resultsScopeOf(actor: Actor): ResultsScope {
  if (hasRole(actor, 'admin', 'programme_officer', 'me_officer')) return {};
  const donorGrants = actor.grants.filter((grant) => grant.role === 'donor');
  if (donorGrants.length) {
    if (donorGrants.some((grant) => grant.programmeId === null)) return {};
    return { programmeIds: donorGrants.map((grant) => grant.programmeId!) };
  }
  return { institutionIds: focalInstitutionIds(actor) };
}

/** The filters shared by missions and internships: both tables have a programme, a host institution and a start. */
function conditionsFor(table: typeof missions | typeof internships, query: ResultsQuery, scope: ResultsScope): SQL[] {
  const conditions: SQL[] = [];
  if (query.programmeId) conditions.push(eq(table.programmeId, query.programmeId));
  // An empty scope reads nothing (a focal point whose grant names no institution), not everything.
  if (scope.programmeIds) {
    conditions.push(scope.programmeIds.length ? inArray(table.programmeId, scope.programmeIds) : sql`false`);
  }
  if (scope.institutionIds) {
    conditions.push(scope.institutionIds.length ? inArray(table.institutionId, scope.institutionIds) : sql`false`);
  }
  if (query.from) conditions.push(gte(table.startsOn, query.from));
  if (query.to) conditions.push(lte(table.startsOn, query.to));
  return conditions;
}

const int = (fragment: SQL) => sql<number>`(${fragment})::int`;

/** One query: missions per state and per modality, experts, working days and institutions reached. */
async function missionFigures(tx: Tx, where: SQL[]) {
  const live = sql`${missions.state} <> 'cancelled'`;
  const [row] = await tx
    .select({
      ...Object.fromEntries(
        missionStates.map((state) => [
          `state:${state}`,
          int(sql`count(*) filter (where ${missions.state} = ${state})`),
        ]),
      ),
      ...Object.fromEntries(
        modalities.map((modality) => [
          `modality:${modality}`,
          int(sql`count(*) filter (where ${missions.modality} = ${modality} and ${live})`),
        ]),
      ),
      experts: int(sql`count(distinct ${missions.expertId}) filter (where ${live})`),
      hostInstitutions: int(sql`count(distinct ${missions.institutionId}) filter (where ${live})`),
      workingDays: int(sql`coalesce(sum(${missions.workingDays}) filter (where ${missions.state} = 'closed'), 0)`),
    })
    .from(missions)
    .where(and(...where));
  const figures = row as Record<string, number>;
  return {
    byState: Object.fromEntries(missionStates.map((state) => [state, figures[`state:${state}`] ?? 0])) as Record<
      (typeof missionStates)[number],
      number
    >,
    byModality: Object.fromEntries(
      modalities.map((modality) => [modality, figures[`modality:${modality}`] ?? 0]),
    ) as Record<(typeof modalities)[number], number>,
    experts: figures.experts ?? 0,
    hostInstitutions: figures.hostInstitutions ?? 0,
    workingDays: figures.workingDays ?? 0,
  };
}

/** One query: the online sessions held (the host recorded the attendance) and the participants counted. */
async function sessionFigures(tx: Tx, where: SQL[]) {
  const [row] = await tx
    .select({
      held: int(sql`count(*) filter (where ${missionSessions.attended} is not null)`),
      participants: int(sql`coalesce(sum(${missionSessions.attended}), 0)`),
    })
    .from(missionSessions)
    .innerJoin(missions, eq(missions.id, missionSessions.missionId))
    .where(and(ne(missions.state, 'cancelled'), ...where));
  return { held: row?.held ?? 0, participants: row?.participants ?? 0 };
}

/** One query: internships and trainings per kind, completed, trainees, days abroad and countries. */
async function internshipFigures(tx: Tx, where: SQL[], today: string) {
  const [row] = await tx
    .select({
      ...Object.fromEntries(
        internshipKinds.map((kind) => [
          `kind:${kind}`,
          int(sql`count(*) filter (where ${internships.kind} = ${kind})`),
        ]),
      ),
      completed: int(sql`count(*) filter (where ${internships.endsOn} < ${today}::date)`),
      // The same person recorded twice (two trainings) counts once: by e-mail address when known, else by name.
      trainees: int(
        sql`count(distinct lower(coalesce(nullif(trim(${internships.traineeEmail}), ''), trim(${internships.traineeName}))))`,
      ),
      daysAbroad: int(sql`coalesce(sum(${internships.endsOn} - ${internships.startsOn} + 1), 0)`),
      countries: sql<
        string[]
      >`coalesce(array_agg(distinct ${internships.country} order by ${internships.country}), '{}'::text[])`,
    })
    .from(internships)
    .where(and(...where));
  const figures = row as unknown as Record<string, number> & { countries: string[] };
  return {
    byKind: Object.fromEntries(internshipKinds.map((kind) => [kind, figures[`kind:${kind}`] ?? 0])) as Record<
      (typeof internshipKinds)[number],
      number
    >,
    completed: figures.completed ?? 0,
    trainees: figures.trainees ?? 0,
    daysAbroad: figures.daysAbroad ?? 0,
    countries: figures.countries ?? [],
  };
}

/**
 * The results of the missions and internships the reader may see, filtered by programme and by start date.
 *
 * Counting rules: a mission counts as an activity once closed (its report accepted and the mission settled); an
 * internship or training abroad has no states, so it counts as completed once its end date has passed, that is
 * when its last day is before `today` (Morocco's date). The knowledge-transfer activities are the closed missions
 * plus the completed internships and trainings. Cancelled missions count only in `byState`.
 */
export async function readResults(
  tx: Tx,
  query: ResultsQuery,
  scope: ResultsScope,
  today: string,
): Promise<ResultsView> {
  const missionWhere = conditionsFor(missions, query, scope);
  const missionPart = await missionFigures(tx, missionWhere);
  const sessions = await sessionFigures(tx, missionWhere);
  const internshipPart = await internshipFigures(tx, conditionsFor(internships, query, scope), today);
  return {
    programmeId: query.programmeId ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    asOf: today,
    scope: scope.institutionIds ? 'institutions' : 'all',
    missions: { ...missionPart, sessions },
    internships: internshipPart,
    knowledgeTransferActivities: missionPart.byState.closed + internshipPart.completed,
  };
}
