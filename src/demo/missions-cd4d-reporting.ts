// What follows the CD4D demo missions' work: the hybrid mission's sessions, the reports, the closed mission's
// evaluation and knowledge-transfer surveys, and the CV-sharing consent a shared shortlist presumes.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { todayInMorocco } from '../modules/assignments/dates.ts';
import { consentVersions } from '../modules/experts/commands/consents.ts';
import { consents } from '../modules/identity/schema.ts';
import { hashToken, newToken } from '../modules/identity/secrets.ts';
import {
  missionEvaluations,
  missionReports,
  type missions,
  missionSessions,
  missionSurveys,
  type MissionState,
} from '../modules/missions/schema.ts';
import { oneYearAfter } from '../modules/missions/surveys/respondents.ts';
import {
  closedCd4dEvaluation,
  hybridSessions,
  surveyRespondents,
  type DemoCd4dMission,
} from './missions-cd4d-texts.ts';
import { addDays, at } from './missions-common.ts';
import { sectorTexts } from './missions-texts.ts';
/** A CD4D demo mission as inserted, with its plan. */
export type Planned = {
  spec: DemoCd4dMission;
  row: typeof missions.$inferSelect;
  expertId: string;
  startsOn: string;
  endsOn: string;
  moments: Partial<Record<MissionState, Date>>;
};

/** Sessions of the hybrid mission, reports, the closed mission's evaluation and knowledge-transfer surveys. */
export async function loadReportingSide(
  tx: Tx,
  plans: Planned[],
  people: { officerId: string | null; focalId: string | null; now: Date },
): Promise<void> {
  const { officerId, focalId, now } = people;
  const running = plans.find((plan) => plan.spec.state === 'in_progress' && plan.spec.modality === 'hybrid');
  if (running) {
    await tx.insert(missionSessions).values(
      hybridSessions.map((session) => {
        // The first session on the mission's second day, the other one to come.
        const day =
          session.attended !== null ? addDays(running.startsOn, 1) : addDays(todayInMorocco(now), session.inDays);
        const startsAt = at(day, 14);
        const recorded = session.attended !== null;
        return {
          missionId: running.row.id,
          startsAt,
          durationMinutes: 120,
          topic: session.topic,
          participantsCount: session.participants,
          attended: session.attended,
          attendanceRecordedAt: recorded ? new Date(startsAt.getTime() + 3 * 3_600_000) : null,
          attendanceRecordedBy: recorded ? focalId : null,
          createdBy: officerId,
          createdAt: running.moments.ready!,
        };
      }),
    );
  }
  const reported = plans.filter((plan) => ['reporting', 'closed'].includes(plan.spec.state));
  if (reported.length) {
    await tx.insert(missionReports).values(
      reported.map((plan, i) => {
        const texts = sectorTexts[plan.spec.sector];
        const closed = plan.spec.state === 'closed';
        const submittedAt = plan.moments.reporting!;
        const reviewedAt = closed ? new Date(plan.moments.closed!.getTime() - 4 * 86_400_000) : null;
        return {
          missionId: plan.row.id,
          status: closed ? ('accepted' as const) : ('submitted' as const),
          activities: texts.activities[i % texts.activities.length]!,
          results: texts.results[i % texts.results.length]!,
          recommendations: texts.recommendations[i % texts.recommendations.length]!,
          deliverables: plan.spec.tor.deliverables.map((title) => ({ title, fileId: null })),
          submittedAt,
          reviewedAt,
          reviewedBy: closed ? officerId : null,
          updatedAt: reviewedAt ?? submittedAt,
        };
      }),
    );
  }
  const closed = plans.find((plan) => plan.spec.state === 'closed');
  if (!closed) return;
  const closedAt = closed.moments.closed!;
  await tx.insert(missionEvaluations).values({
    missionId: closed.row.id,
    ratings: { preparation: 5, expertise: 5, communication: 4, relevance: 5, overall: 5 },
    knowledgeTransferred: closedCd4dEvaluation.knowledgeTransferred,
    needMet: 'yes',
    followUpWanted: true,
    comment: closedCd4dEvaluation.comment,
    evaluatedBy: focalId,
    evaluatedAt: new Date(closedAt.getTime() - 8 * 86_400_000),
  });
  // The host added two colleagues before the mission: both answered before and after; the one-year survey is due.
  const addedAt = new Date(closed.moments.ready!.getTime() - 5 * 86_400_000);
  const oneYearDue = oneYearAfter(todayInMorocco(closedAt));
  await tx.insert(missionSurveys).values(
    surveyRespondents.flatMap((respondent) => {
      const base = {
        missionId: closed.row.id,
        respondentName: respondent.name,
        respondentEmail: respondent.email,
        locale: 'fr',
      };
      const afterSent = at(closed.endsOn, 18);
      return [
        {
          ...base,
          moment: 'before' as const,
          tokenHash: hashToken(newToken()),
          dueOn: todayInMorocco(addedAt),
          sentAt: addedAt,
          submittedAt: new Date(addedAt.getTime() + 2 * 86_400_000),
          answers: { ratings: { level: respondent.before.level }, text: respondent.before.text },
          createdAt: addedAt,
        },
        {
          ...base,
          moment: 'after' as const,
          tokenHash: hashToken(newToken()),
          dueOn: closed.endsOn,
          sentAt: afterSent,
          submittedAt: new Date(afterSent.getTime() + 3 * 86_400_000),
          answers: { ratings: respondent.after.ratings, text: respondent.after.text },
          createdAt: addedAt,
        },
        {
          ...base,
          moment: 'one_year' as const,
          tokenHash: hashToken(newToken()),
          dueOn: oneYearDue,
          createdAt: closedAt,
        },
      ];
    }),
  );
}

/** The consent to share one's CV with a host, which a shortlist shared with the host presumes. */
export async function shareConsents(tx: Tx, expertIds: string[]): Promise<void> {
  if (!expertIds.length) return;
  const already = await tx
    .select({ userId: consents.userId })
    .from(consents)
    .where(
      and(
        inArray(consents.userId, expertIds),
        eq(consents.purpose, 'share_cv_with_host'),
        isNull(consents.withdrawnAt),
      ),
    );
  const missing = [...new Set(expertIds)].filter((id) => !already.some((row) => row.userId === id));
  if (!missing.length) return;
  await tx.insert(consents).values(
    missing.map((userId) => ({
      userId,
      purpose: 'share_cv_with_host' as const,
      version: consentVersions.share_cv_with_host,
    })),
  );
}
