/**
 * Respondents of the knowledge-transfer surveys: host staff who worked with the expert, each asked at three moments
 * — before the mission (when added before it starts), right after it (due on its last day) and one year after it
 * closed (scheduled when it closes). Each survey row carries the hash of its personal link; the link itself is made
 * when the survey is e-mailed (`job.ts`), so no usable token is ever stored.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../authz/actor.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { todayInMorocco } from '../../assignments/dates.ts';
import { recordAudit } from '../../audit/service.ts';
import { hashToken, newToken } from '../../identity/secrets.ts';
import type { MissionMeta } from '../lifecycle.ts';
import type { MissionRow } from '../repository.ts';
import { missionSurveys, type SurveyMoment } from '../schema.ts';
import type { RespondentBody } from './schemas.ts';

export type SurveyRow = typeof missionSurveys.$inferSelect;

/** The same day one year later (29 February becomes 28 February). */
export function oneYearAfter(day: string): string {
  const [year, month, date] = day.split('-');
  const next = `${Number(year) + 1}-${month}-${date}`;
  return month === '02' && date === '29' ? `${Number(year) + 1}-02-28` : next;
}

/** The day a closed mission's one-year survey is due: a year after the closing day, in Morocco. */
function oneYearDue(mission: MissionRow, now: Date): string {
  return oneYearAfter(todayInMorocco(mission.closedAt ?? now));
}

/**
 * A survey row whose link is not made yet: it holds the hash of a random token nobody keeps, replaced when the
 * survey is sent.
 */
function unsent(mission: MissionRow, respondent: RespondentBody, moment: SurveyMoment, dueOn: string, now: Date) {
  return {
    missionId: mission.id,
    moment,
    respondentName: respondent.name,
    respondentEmail: respondent.email,
    locale: respondent.locale,
    tokenHash: hashToken(newToken()),
    dueOn,
    createdAt: now,
  };
}

/** A mission's surveys, by respondent then moment. */
export function surveysOf(tx: Tx, missionId: string): Promise<SurveyRow[]> {
  return tx
    .select()
    .from(missionSurveys)
    .where(eq(missionSurveys.missionId, missionId))
    .orderBy(asc(missionSurveys.respondentName), asc(missionSurveys.respondentEmail), asc(missionSurveys.dueOn));
}

/** What staff and the host see of a survey: never its link. */
export function presentSurvey(row: SurveyRow) {
  return {
    id: row.id,
    moment: row.moment,
    respondentName: row.respondentName,
    respondentEmail: row.respondentEmail,
    locale: row.locale as RespondentBody['locale'],
    dueOn: row.dueOn,
    sentAt: row.sentAt?.toISOString() ?? null,
    remindedAt: row.remindedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

/**
 * Adds a respondent to the mission's surveys: the `before` survey, due today, when the mission has not started;
 * the `after` survey, due on its last day; and, on a mission already closed, the one-year survey. Refused: a
 * cancelled mission (409 `mission_settled`), an address already a respondent of it (409 `respondent_exists`).
 */
export async function addRespondent(
  tx: Tx,
  actor: Actor,
  mission: MissionRow,
  respondent: RespondentBody,
  meta: MissionMeta,
): Promise<SurveyRow[]> {
  if (mission.state === 'cancelled') throw new AppError('mission_settled', 'The mission is cancelled');
  const [known] = await tx
    .select({ id: missionSurveys.id })
    .from(missionSurveys)
    .where(
      and(
        eq(missionSurveys.missionId, mission.id),
        sql`lower(${missionSurveys.respondentEmail}) = lower(${respondent.email})`,
      ),
    );
  if (known) {
    throw new AppError('respondent_exists', 'This address already answers the mission’s surveys', [
      { path: 'email', code: 'invalid', message: 'Already a respondent' },
    ]);
  }
  const notStarted = ['planned', 'agreed', 'ready'].includes(mission.state);
  const rows = [
    ...(notStarted ? [unsent(mission, respondent, 'before', todayInMorocco(meta.now), meta.now)] : []),
    unsent(mission, respondent, 'after', mission.endsOn, meta.now),
    ...(mission.state === 'closed'
      ? [unsent(mission, respondent, 'one_year', oneYearDue(mission, meta.now), meta.now)]
      : []),
  ];
  const created = await tx.insert(missionSurveys).values(rows).returning();
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'mission.survey_respondent_added',
    entityType: 'mission',
    entityId: mission.id,
    changes: {
      respondent: { after: respondent.email },
      moments: { after: created.map((row) => `${row.moment}:${row.dueOn}`) },
    },
    ip: meta.ip,
  });
  return created;
}

/**
 * When a mission closes: every respondent's one-year survey, due a year after the closing day (once per
 * respondent, whoever closes it). Called by `hooks.ts` in the closing transaction.
 */
export async function scheduleFollowUpSurveys(tx: Tx, mission: MissionRow, meta: MissionMeta): Promise<void> {
  const existing = await surveysOf(tx, mission.id);
  const respondents = new Map<string, SurveyRow>();
  for (const row of existing) respondents.set(row.respondentEmail.toLowerCase(), row);
  const planned = new Set(
    existing.filter((row) => row.moment === 'one_year').map((row) => row.respondentEmail.toLowerCase()),
  );
  const due = oneYearDue(mission, meta.now);
  const rows = [...respondents.entries()]
    .filter(([email]) => !planned.has(email))
    .map(([, row]) =>
      unsent(
        mission,
        { name: row.respondentName, email: row.respondentEmail, locale: row.locale as RespondentBody['locale'] },
        'one_year',
        due,
        meta.now,
      ),
    );
  if (!rows.length) return;
  await tx.insert(missionSurveys).values(rows);
  await recordAudit(tx, {
    actorId: null,
    action: 'mission.surveys_scheduled',
    entityType: 'mission',
    entityId: mission.id,
    changes: { moment: { after: 'one_year' }, dueOn: { after: due }, respondents: { after: rows.length } },
    ip: meta.ip,
  });
}
