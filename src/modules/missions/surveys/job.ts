/**
 * The survey mailer (`mission-surveys` job, src/server.ts): sends each survey on its due day with a personal link,
 * and a reminder seven days later if it is still unanswered. Only a link's hash is stored, so each e-mail carries a
 * fresh token whose hash is written in the same transaction: the first e-mail's in `token_hash`, the reminder's in
 * `reminder_token_hash`. Both links open the same survey, because a respondent may well click the first e-mail
 * still in their inbox after the reminder came; once answered, both are refused. Each survey is claimed by one
 * conditional update, so several app nodes never send the same e-mail twice.
 */
import { and, asc, eq, isNotNull, isNull, lte, ne } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.ts';
import { todayInMorocco } from '../../assignments/dates.ts';
import { hashToken, newToken } from '../../identity/secrets.ts';
import type { Locale } from '../../identity/schema.ts';
import { enqueueEmail } from '../../notifications/outbox.ts';
import { contextOf, hostIn, titleIn } from '../context.ts';
import type { MissionRow } from '../repository.ts';
import { missionSurveys, missions } from '../schema.ts';
import type { SurveyRow } from './respondents.ts';

const day = 24 * 60 * 60 * 1000;
/** Days after the first e-mail that an unanswered survey is reminded. */
export const reminderAfterDays = 7;
/** Surveys handled per run and kind: the next run takes the rest. */
const batch = 500;

/** The survey's e-mail parameters, with its new link. */
async function paramsOf(tx: Tx, survey: SurveyRow, mission: MissionRow, token: string, publicUrl: string) {
  const context = await contextOf(tx, mission);
  const locale = survey.locale as Locale;
  return {
    name: survey.respondentName,
    reference: mission.reference,
    title: titleIn(context, locale),
    host: hostIn(context, locale),
    expert: context.expertName,
    link: `${publicUrl}/survey/${token}`,
  };
}

/** Sends one due survey if this run claims it; true when sent. */
async function sendOne(db: Db, survey: SurveyRow, mission: MissionRow, now: Date, publicUrl: string) {
  return db.transaction(async (tx) => {
    const token = newToken();
    const [claimed] = await tx
      .update(missionSurveys)
      .set({ sentAt: now, tokenHash: hashToken(token) })
      .where(and(eq(missionSurveys.id, survey.id), isNull(missionSurveys.sentAt), isNull(missionSurveys.submittedAt)))
      .returning({ id: missionSurveys.id });
    if (!claimed) return false;
    await enqueueEmail(tx, {
      to: survey.respondentEmail,
      locale: survey.locale as Locale,
      template: `mission_survey_${survey.moment}`,
      at: now,
      params: await paramsOf(tx, survey, mission, token, publicUrl),
    });
    return true;
  });
}

/** Reminds one unanswered survey if this run claims it; true when reminded. */
async function remindOne(db: Db, survey: SurveyRow, mission: MissionRow, now: Date, publicUrl: string) {
  return db.transaction(async (tx) => {
    const token = newToken();
    const [claimed] = await tx
      .update(missionSurveys)
      .set({ remindedAt: now, reminderTokenHash: hashToken(token) })
      .where(
        and(eq(missionSurveys.id, survey.id), isNull(missionSurveys.remindedAt), isNull(missionSurveys.submittedAt)),
      )
      .returning({ id: missionSurveys.id });
    if (!claimed) return false;
    await enqueueEmail(tx, {
      to: survey.respondentEmail,
      locale: survey.locale as Locale,
      template: 'mission_survey_reminder',
      at: now,
      params: {
        ...(await paramsOf(tx, survey, mission, token, publicUrl)),
        sentOn: todayInMorocco(survey.sentAt!),
      },
    });
    return true;
  });
}

/**
 * One run at `now`: the surveys due by today (in Morocco) and not sent, then those sent at least seven days ago and
 * neither answered nor reminded; surveys of cancelled missions are left alone.
 * @returns how many surveys were sent and reminded by this run
 */
export async function sendDueSurveys(
  db: Db,
  now: Date,
  publicUrl: string,
): Promise<{ sent: number; reminded: number }> {
  const live = ne(missions.state, 'cancelled');
  const due = await db
    .select({ survey: missionSurveys, mission: missions })
    .from(missionSurveys)
    .innerJoin(missions, eq(missions.id, missionSurveys.missionId))
    .where(
      and(
        live,
        isNull(missionSurveys.sentAt),
        isNull(missionSurveys.submittedAt),
        lte(missionSurveys.dueOn, todayInMorocco(now)),
      ),
    )
    .orderBy(asc(missionSurveys.dueOn), asc(missionSurveys.id))
    .limit(batch);
  let sent = 0;
  for (const { survey, mission } of due) if (await sendOne(db, survey, mission, now, publicUrl)) sent++;
  const unanswered = await db
    .select({ survey: missionSurveys, mission: missions })
    .from(missionSurveys)
    .innerJoin(missions, eq(missions.id, missionSurveys.missionId))
    .where(
      and(
        live,
        isNotNull(missionSurveys.sentAt),
        lte(missionSurveys.sentAt, new Date(now.getTime() - reminderAfterDays * day)),
        isNull(missionSurveys.remindedAt),
        isNull(missionSurveys.submittedAt),
      ),
    )
    .orderBy(asc(missionSurveys.sentAt), asc(missionSurveys.id))
    .limit(batch);
  let reminded = 0;
  for (const { survey, mission } of unanswered) if (await remindOne(db, survey, mission, now, publicUrl)) reminded++;
  return { sent, reminded };
}
