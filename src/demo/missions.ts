// The demo missions: the 78 TRQN III missions of the 48 roster experts (2013–2016), closed with their report and the
// host's evaluation, and CD4D Maroc missions in every state today (missions-cd4d.ts). Every table gets one insert
// for all its rows: the demo loads at every start on an empty database and in every test set-up.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { assignments, assignmentTransitions } from '../modules/assignments/schema.ts';
import {
  missionChecklistItems,
  missionCosts,
  missionEvaluations,
  missionEvents,
  missionReports,
  missions,
} from '../modules/missions/schema.ts';
import { programmes } from '../modules/programmes/schema.ts';
import { demoInstitutionDetails } from './institutions.ts';
import { loadCd4dMissions } from './missions-cd4d.ts';
import {
  addDays,
  at,
  checklistRows,
  costRows,
  endAfterWorkingDays,
  insertMany,
  loadPricing,
  missionEventRows,
  referenceAllocator,
  torRow,
  torTimeline,
  torTransitions,
  type Pricing,
} from './missions-common.ts';
import { hostFacts, sectorTexts, trqnTorTexts } from './missions-texts.ts';
import { trqnExperts, trqnMissions } from './trqn-roster.ts';

/** Ids the demo missions need: the demo accounts', by e-mail, and the host institutions', by key. */
export interface DemoIds {
  institutionId: (key: string) => string | null;
  userId: (email: string) => string | null;
}

/**
 * Loads the demo missions after the ToRs and applications: the rate tables first (the cost lines are priced with
 * them), then the TRQN III missions, then the CD4D Maroc ones around `now`.
 */
export async function loadDemoMissions(tx: Tx, ids: DemoIds, now: Date = new Date()): Promise<void> {
  const pricing = await loadPricing(tx, ids.userId('admin@passerelle.example'));
  await loadTrqnMissions(tx, ids, pricing);
  await loadCd4dMissions(tx, ids, pricing, now);
}

/** Ratings mostly 4 and 5, now and then 3, different from one mission and question to the next. */
const ratingCycle = [5, 4, 5, 4, 5, 3, 4, 5, 5, 4, 4, 5, 3];
const questionKeys = ['preparation', 'expertise', 'communication', 'relevance'] as const;

/** The 78 TRQN III missions, each on its own ToR (TRQN III predates the platform: no application). */
async function loadTrqnMissions(tx: Tx, ids: DemoIds, pricing: Pricing): Promise<void> {
  const [programme] = await tx.select().from(programmes).where(eq(programmes.code, 'trqn-3-ma'));
  if (!programme) return;
  const officerId = ids.userId('officer@passerelle.example');
  const focalId = ids.userId('focal.point@passerelle.example');
  const experts = new Map(trqnExperts.map((expert) => [expert.key, expert]));
  const perHost = new Map<string, number>();

  const plans = trqnMissions.map((mission, index) => {
    const expert = experts.get(mission.expertKey)!;
    const hostCount = perHost.get(mission.institutionKey) ?? 0;
    perHost.set(mission.institutionKey, hostCount + 1);
    const texts = trqnTorTexts[mission.institutionKey]!;
    const startsOn = mission.startsOn;
    const endsOn = endAfterWorkingDays(startsOn, mission.workingDays);
    const plannedDay = addDays(startsOn, -30 - (index % 10));
    const reportDay = addDays(endsOn, 5 + (index % 6));
    const evaluatedAt = at(addDays(endsOn, 7 + (index % 8)), 15);
    const reviewedAt = at(addDays(reportDay, 4 + (index % 5)), 11);
    const closedAt = at(addDays(endsOn, 17 + (index % 12)), 16);
    return {
      index,
      mission,
      expert,
      expertId: ids.userId(expert.email),
      institutionId: ids.institutionId(mission.institutionKey),
      text: texts[hostCount % texts.length]!,
      startsOn,
      endsOn,
      plannedAt: at(plannedDay, 10),
      agreedAt: at(addDays(plannedDay, 3 + (index % 4)), 20),
      readyAt: at(addDays(startsOn, -2), 17),
      reportAt: at(reportDay, 18),
      reviewedAt,
      evaluatedAt,
      closedAt,
      timeline: torTimeline(plannedDay, closedAt),
    };
  });
  const usable = plans.filter((plan) => plan.expertId && plan.institutionId);
  // References follow the ToRs' creation, year by year.
  const byCreation = [...usable].sort((a, b) => a.timeline.createdAt.getTime() - b.timeline.createdAt.getTime());
  const nextReference = referenceAllocator(tx, programme.code);
  const references = new Map<number, string>();
  for (const plan of byCreation) {
    references.set(plan.index, await nextReference(plan.timeline.createdAt.getUTCFullYear()));
  }

  const tors = usable.map((plan) => ({ id: randomUUID(), reference: references.get(plan.index)! }));
  await insertMany(
    tx,
    assignments,
    usable.map((plan, i) => ({
      id: tors[i]!.id,
      ...torRow({
        reference: references.get(plan.index)!,
        programmeId: programme.id,
        institutionId: plan.institutionId!,
        host: plan.mission.institutionKey,
        text: plan.text,
        modality: 'on_site',
        city: cityOf(plan.mission.institutionKey),
        window: [plan.startsOn, plan.endsOn],
        workingDays: plan.mission.workingDays,
        timeline: plan.timeline,
        createdBy: officerId,
      }),
    })),
  );
  await insertMany(
    tx,
    assignmentTransitions,
    usable.flatMap((plan, i) => torTransitions(tors[i]!.id, plan.timeline, officerId)),
  );

  const withIds = usable.map((plan) => ({ ...plan, id: randomUUID() }));
  await insertMany(
    tx,
    missions,
    withIds.map((plan, i) => {
      const contacts = hostFacts[plan.mission.institutionKey]!.contacts;
      return {
        id: plan.id,
        reference: `${tors[i]!.reference}-M1`,
        programmeId: programme.id,
        assignmentId: tors[i]!.id,
        applicationId: null,
        expertId: plan.expertId!,
        institutionId: plan.institutionId!,
        modality: 'on_site' as const,
        state: 'closed' as const,
        version: 6,
        startsOn: plan.startsOn,
        endsOn: plan.endsOn,
        workingDays: plan.mission.workingDays,
        country: 'MA',
        city: cityOf(plan.mission.institutionKey),
        hostContactName: contacts[plan.index % contacts.length]!,
        createdBy: officerId,
        createdAt: plan.plannedAt,
        updatedAt: plan.closedAt,
        closedAt: plan.closedAt,
      };
    }),
  );
  await insertMany(
    tx,
    missionEvents,
    withIds.flatMap((plan) =>
      missionEventRows(plan.id, [
        { to: 'planned', at: plan.plannedAt, actorId: officerId },
        { to: 'agreed', at: plan.agreedAt, actorId: plan.expertId },
        { to: 'ready', at: plan.readyAt, actorId: officerId },
        { to: 'in_progress', at: at(plan.startsOn, 8), actorId: officerId },
        { to: 'reporting', at: at(plan.endsOn, 17), actorId: officerId },
        { to: 'closed', at: plan.closedAt, actorId: officerId },
      ]),
    ),
  );
  await insertMany(
    tx,
    missionChecklistItems,
    withIds.flatMap((plan) =>
      checklistRows({
        missionId: plan.id,
        modality: 'on_site',
        startsOn: plan.startsOn,
        done: true,
        plannedAt: plan.plannedAt,
        latest: plan.readyAt,
        people: {
          officerId,
          expertId: plan.expertId!,
          hostId: plan.mission.institutionKey === 'higher-education' ? focalId : null,
        },
      }),
    ),
  );
  await insertMany(
    tx,
    missionReports,
    withIds.map((plan) => {
      const texts = sectorTexts[plan.mission.sector];
      const pick = (list: string[]) => list[plan.index % list.length]!;
      return {
        missionId: plan.id,
        status: 'accepted' as const,
        activities: pick(texts.activities),
        results: pick(texts.results),
        recommendations: pick(texts.recommendations),
        difficulties:
          plan.index % 7 === 3 ? 'Disponibilité réduite des participants pendant la période d’examens.' : null,
        deliverables: plan.text.deliverables.map((title) => ({ title, fileId: null })),
        submittedAt: plan.reportAt,
        reviewedAt: plan.reviewedAt,
        reviewedBy: officerId,
        updatedAt: plan.reviewedAt,
      };
    }),
  );
  await insertMany(
    tx,
    missionEvaluations,
    withIds.map((plan) => {
      const ratings: Record<string, number> = {};
      questionKeys.forEach((key, q) => (ratings[key] = ratingCycle[(plan.index * 5 + q * 3) % ratingCycle.length]!));
      const mean = questionKeys.reduce((sum, key) => sum + ratings[key]!, 0) / questionKeys.length;
      ratings.overall = Math.round(mean);
      const knowledge = sectorTexts[plan.mission.sector].knowledge;
      return {
        missionId: plan.id,
        ratings,
        knowledgeTransferred: knowledge[plan.index % knowledge.length]!,
        needMet: plan.index % 6 === 4 || ratings.overall < 4 ? ('partly' as const) : ('yes' as const),
        followUpWanted: plan.index % 3 !== 1,
        comment: null,
        // Written on paper during TRQN III, entered by staff: no focal point account then.
        evaluatedBy: null,
        evaluatedAt: plan.evaluatedAt,
      };
    }),
  );
  await insertMany(
    tx,
    missionCosts,
    withIds.flatMap((plan) =>
      costRows({
        pricing,
        missionId: plan.id,
        city: cityOf(plan.mission.institutionKey),
        startsOn: plan.startsOn,
        endsOn: plan.endsOn,
        residence: plan.expert.residence,
        flight: 290 + ((plan.index * 37) % 230),
        plannedAt: plan.plannedAt,
        actualAt: plan.reviewedAt,
        createdBy: officerId,
      }),
    ),
  );
}

/** The city of a demo host. */
function cityOf(host: string): string {
  return demoInstitutionDetails[host]?.city ?? 'Rabat';
}
