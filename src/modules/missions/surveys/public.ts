/**
 * The survey form behind a personal link, without an account: the token is hashed and looked up among the first
 * e-mail's links and the reminders' (both open the same survey); an unknown link (or one of a cancelled mission) is
 * "not found", an answered one `survey_already_submitted`, whichever of its two links is used.
 */
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { AppError, type FieldError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { hashToken } from '../../identity/secrets.ts';
import type { Locale } from '../../identity/schema.ts';
import { contextOf, hostIn, titleIn } from '../context.ts';
import { findMission } from '../repository.ts';
import { missionSurveys } from '../schema.ts';
import { questionnaire, questionsFor } from './questionnaire.ts';
import type { AnswersBody } from './schemas.ts';

/** The survey of a link, locked when `forUpdate`; 404 unless it exists on a live mission, 409 once answered. */
async function surveyOfToken(tx: Tx, token: string, forUpdate = false) {
  const hash = hashToken(token);
  const query = tx
    .select()
    .from(missionSurveys)
    .where(or(eq(missionSurveys.tokenHash, hash), eq(missionSurveys.reminderTokenHash, hash)));
  const [survey] = forUpdate ? await query.for('update') : await query;
  const mission = survey ? await findMission(tx, survey.missionId) : undefined;
  if (!survey || !mission || mission.state === 'cancelled') throw new AppError('not_found', 'No such survey');
  if (survey.submittedAt) throw new AppError('survey_already_submitted', 'This survey was answered already');
  return { survey, mission };
}

/**
 * The form of a link: the mission it is about and the questions, in the respondent's language, or in `inLocale`
 * when they chose another one on the page.
 */
export async function publicSurvey(tx: Tx, token: string, inLocale?: Locale) {
  const { survey, mission } = await surveyOfToken(tx, token);
  const locale = inLocale ?? (survey.locale as Locale);
  const context = await contextOf(tx, mission);
  return {
    moment: survey.moment,
    locale,
    respondentName: survey.respondentName,
    mission: {
      reference: mission.reference,
      title: titleIn(context, locale),
      host: hostIn(context, locale),
      expert: context.expertName,
    },
    questions: questionnaire(survey.moment, locale),
    scale: { min: 1 as const, max: 5 as const },
  };
}

/**
 * Stores the answers of a link, once: every statement of the moment rated, no unknown key (`validation_failed`,
 * each on its field). The claim is one conditional update, so a double submission stores one answer.
 */
export async function submitSurvey(tx: Tx, token: string, answers: AnswersBody, meta: { ip: string; now: Date }) {
  const { survey } = await surveyOfToken(tx, token, true);
  const asked = questionsFor(survey.moment).map((question) => question.key);
  const fields: FieldError[] = [
    ...asked
      .filter((key) => answers.ratings[key] === undefined)
      .map((key) => ({ path: `ratings.${key}`, code: 'required' as const, message: 'Rate this statement' })),
    ...Object.keys(answers.ratings)
      .filter((key) => !asked.includes(key))
      .map((key) => ({
        path: `ratings.${key}`,
        code: 'unknown_field' as const,
        message: 'Not a question of this form',
      })),
  ];
  if (fields.length) throw new AppError('validation_failed', 'Answer every statement of the form', fields);
  const [answered] = await tx
    .update(missionSurveys)
    .set({ submittedAt: meta.now, answers: { ratings: answers.ratings, text: answers.text || null } })
    .where(and(eq(missionSurveys.id, survey.id), isNull(missionSurveys.submittedAt)))
    .returning({ submittedAt: missionSurveys.submittedAt });
  if (!answered) throw new AppError('survey_already_submitted', 'This survey was answered already');
  await recordAudit(tx, {
    actorId: null,
    action: 'mission.survey_answered',
    entityType: 'mission',
    entityId: survey.missionId,
    changes: { surveyId: { after: survey.id }, moment: { after: survey.moment } },
    ip: meta.ip,
  });
  return { submittedAt: answered.submittedAt!.toISOString() };
}
