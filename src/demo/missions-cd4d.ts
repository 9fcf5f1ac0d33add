// CD4D Maroc missions in every state, dated around today: each on its own ToR (filled, or completed once the
// mission closed) with the selected application it was made from. The demo expert's is the planned one, with an
// agreement to accept; the demo focal point's institution hosts the ones in progress, reporting and closed.
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { totalScore } from '../modules/applications/commands/screening.ts';
import { applicationEvents, applications } from '../modules/applications/schema.ts';
import { assignments, assignmentTransitions } from '../modules/assignments/schema.ts';
import { todayInMorocco } from '../modules/assignments/dates.ts';
import { agreementFacts, renderAgreement } from '../modules/missions/agreement/render.ts';
import {
  missionChecklistItems,
  missionCosts,
  missionEvents,
  missions,
  type MissionState,
} from '../modules/missions/schema.ts';
import { programmes } from '../modules/programmes/schema.ts';
import type { DemoIds } from './missions.ts';
import {
  addDays,
  at,
  checklistRows,
  costRows,
  endAfterWorkingDays,
  missionEventRows,
  referenceAllocator,
  startBeforeWorkingDays,
  torRow,
  torTimeline,
  torTransitions,
  weekdayFrom,
  weekdayUntil,
  type Pricing,
} from './missions-common.ts';
import { loadReportingSide, shareConsents } from './missions-cd4d-reporting.ts';
import { cd4dMissions, criteria, motivation, type DemoCd4dMission } from './missions-cd4d-texts.ts';
import { hostFacts } from './missions-texts.ts';
import { trqnExperts } from './trqn-roster.ts';

/** The states a mission went through to reach `state` (a cancelled one was agreed first). */
function pathTo(state: MissionState): MissionState[] {
  if (state === 'cancelled') return ['planned', 'agreed', 'cancelled'];
  const order: MissionState[] = ['planned', 'agreed', 'ready', 'in_progress', 'reporting', 'closed'];
  return order.slice(0, order.indexOf(state) + 1);
}

/** The mission's dates and the moments of its history, relative to `today`. */
function scheduleOf(spec: DemoCd4dMission, today: string) {
  // Past days move back to a weekday, future ones forward: a mission "started 3 days ago" never starts today.
  const weekday = (offset: number) => (offset < 0 ? weekdayUntil : weekdayFrom)(addDays(today, offset));
  const startsOn =
    spec.endsInDays === undefined
      ? weekday(spec.startsInDays ?? 0)
      : startBeforeWorkingDays(weekday(spec.endsInDays), spec.workingDays);
  const endsOn = endAfterWorkingDays(startsOn, spec.workingDays);
  const start = Date.parse(`${startsOn}T00:00:00Z`);
  const todayTime = Date.parse(`${today}T00:00:00Z`);
  const plannedDay = addDays(today, Math.min(Math.round((start - todayTime) / 86_400_000) - 30, -3));
  const moments: Partial<Record<MissionState, Date>> = {
    planned: at(plannedDay, 10),
    agreed: at(addDays(plannedDay, 3), 20),
    ready: at(addDays(startsOn < today ? startsOn : today, -2), 17),
    in_progress: at(startsOn, 8),
    reporting: at(addDays(endsOn, 2), 18),
    closed: at(addDays(endsOn, 27), 16),
    cancelled: at(addDays(today, -6), 11),
  };
  return { startsOn, endsOn, plannedDay, moments };
}

/** Roster experts with no application yet (the applications demo uses the first ones), from the end of the roster. */
async function freeExperts(tx: Tx, ids: DemoIds): Promise<string[]> {
  const candidates = trqnExperts
    .slice(2)
    .filter((_, index) => index !== 10) // the originals of the near-duplicates (1, 12) stay as they are
    .reverse()
    .map((expert) => ids.userId(expert.email))
    .filter((id): id is string => id !== null);
  const busy = await tx
    .select({ id: applications.expertId })
    .from(applications)
    .where(inArray(applications.expertId, candidates));
  const taken = new Set(busy.map((row) => row.id));
  return candidates.filter((id) => !taken.has(id));
}

/** Loads the CD4D Maroc missions, one per state, around `now`. */
export async function loadCd4dMissions(tx: Tx, ids: DemoIds, pricing: Pricing, now: Date): Promise<void> {
  const [programme] = await tx.select().from(programmes).where(eq(programmes.code, 'cd4d-ma'));
  if (!programme) return;
  const officerId = ids.userId('officer@passerelle.example');
  const focalId = ids.userId('focal.point@passerelle.example');
  const demoExpertId = ids.userId('expert@passerelle.example');
  const free = await freeExperts(tx, ids);
  const today = todayInMorocco(now);
  const nextReference = referenceAllocator(tx, programme.code);

  const plans = cd4dMissions.flatMap((spec) => {
    const expertId = spec.expert === 'demo' ? demoExpertId : free[spec.expert];
    const institutionId = ids.institutionId(spec.host);
    if (!expertId || !institutionId) return [];
    const schedule = scheduleOf(spec, today);
    const timeline = torTimeline(schedule.plannedDay, spec.state === 'closed' ? schedule.moments.closed! : null);
    const residence = trqnExperts.find((expert) => ids.userId(expert.email) === expertId)?.residence ?? 'NL';
    // The host picks from a shared shortlist, except for the demo expert, who has not agreed to share their CV
    // with hosts (the browser tests give that consent themselves): staff selected them directly.
    const shared = spec.expert !== 'demo';
    const hostFocal = spec.host === 'higher-education' ? focalId : null;
    return [{ spec, expertId, institutionId, residence, ...schedule, timeline, hostFocal, shared }];
  });
  const references: string[] = [];
  for (const plan of plans) references.push(await nextReference(plan.timeline.createdAt.getUTCFullYear()));

  const tors = await tx
    .insert(assignments)
    .values(
      plans.map((plan, i) => ({
        ...torRow({
          reference: references[i]!,
          programmeId: programme.id,
          institutionId: plan.institutionId,
          host: plan.spec.host,
          text: plan.spec.tor,
          modality: plan.spec.modality,
          city: plan.spec.city,
          window: [addDays(plan.startsOn, -7), addDays(plan.endsOn, 14)] as [string, string],
          workingDays: plan.spec.workingDays,
          timeline: plan.timeline,
          createdBy: plan.hostFocal ?? officerId,
        }),
        scoringCriteria: criteria,
        shortlistSharedAt: plan.shared ? at(addDays(plan.plannedDay, -5), 10) : null,
      })),
    )
    .returning({ id: assignments.id, reference: assignments.reference });
  await tx
    .insert(assignmentTransitions)
    .values(
      plans.flatMap((plan, i) =>
        torTransitions(tors[i]!.id, plan.timeline, officerId).map((row) =>
          row.toState === 'submitted' && plan.hostFocal ? { ...row, actorId: plan.hostFocal } : row,
        ),
      ),
    );

  // The selection each mission comes from: submitted, screened, shortlisted, picked by the host, confirmed.
  const steps = [
    { status: 'submitted', offset: -30 },
    { status: 'under_review', offset: -12 },
    { status: 'shortlisted', offset: -6 },
    { status: 'selected', offset: -1 },
  ] as const;
  const scores = { experience: 5, methodology: 4, languages: 4 };
  const chosen = await tx
    .insert(applications)
    .values(
      plans.map((plan) => ({
        assignmentId: tors[plans.indexOf(plan)]!.id,
        expertId: plan.expertId,
        status: 'selected' as const,
        version: steps.length,
        motivation: motivation[plan.spec.sector]!,
        availabilityConfirmed: true,
        scores,
        totalScore: totalScore(criteria, scores),
        hostSelectedAt: plan.shared ? at(addDays(plan.plannedDay, -3), 11) : null,
        hostSelectedBy: plan.shared ? plan.hostFocal : null,
        hostSelectionReason:
          plan.shared && plan.hostFocal ? 'Expérience directe du sujet et très bonne connaissance du contexte.' : null,
        submittedAt: at(addDays(plan.plannedDay, -30), 9),
        updatedAt: at(addDays(plan.plannedDay, -1), 16),
      })),
    )
    .returning({ id: applications.id });
  await tx.insert(applicationEvents).values(
    plans.flatMap((plan, i) =>
      steps.map((step, s) => ({
        applicationId: chosen[i]!.id,
        fromStatus: s === 0 ? null : steps[s - 1]!.status,
        toStatus: step.status,
        actorId: s === 0 ? plan.expertId : officerId,
        at: at(addDays(plan.plannedDay, step.offset), s === 3 ? 16 : 10),
      })),
    ),
  );
  await shareConsents(
    tx,
    plans.filter((plan) => plan.shared).map((plan) => plan.expertId),
  );

  const inserted = await tx
    .insert(missions)
    .values(
      plans.map((plan, i) => {
        const path = pathTo(plan.spec.state);
        const contacts = hostFacts[plan.spec.host]!.contacts;
        const last = plan.moments[path.at(-1)!]!;
        const agreed = path.includes('agreed');
        return {
          reference: `${tors[i]!.reference}-M1`,
          programmeId: programme.id,
          assignmentId: tors[i]!.id,
          applicationId: chosen[i]!.id,
          expertId: plan.expertId,
          institutionId: plan.institutionId,
          modality: plan.spec.modality,
          state: plan.spec.state,
          version: path.length,
          startsOn: plan.startsOn,
          endsOn: plan.endsOn,
          workingDays: plan.spec.workingDays,
          country: 'MA',
          city: plan.spec.city,
          hostContactName: contacts[i % contacts.length]!,
          hostContactEmail: plan.hostFocal ? 'focal.point@passerelle.example' : null,
          agreementLanguage: agreed ? 'fr' : null,
          agreementAcceptedAt: agreed ? plan.moments.agreed! : null,
          agreementAcceptedBy: agreed ? plan.expertId : null,
          cancelReason: plan.spec.cancelReason ?? null,
          createdBy: officerId,
          createdAt: plan.moments.planned!,
          updatedAt: last,
          closedAt: plan.spec.state === 'closed' ? last : null,
        };
      }),
    )
    .returning();
  const withRows = plans.map((plan, i) => ({ ...plan, row: inserted[i]! }));

  await tx.insert(missionEvents).values(
    withRows.flatMap((plan) =>
      missionEventRows(
        plan.row.id,
        pathTo(plan.spec.state).map((to) => ({
          to,
          at: plan.moments[to]!,
          // The expert's acceptance makes it agreed, and submitting the report makes it reporting.
          actorId: to === 'agreed' || to === 'reporting' ? plan.expertId : officerId,
          ...(to === 'cancelled' ? { reason: plan.spec.cancelReason! } : {}),
        })),
      ),
    ),
  );
  await tx.insert(missionChecklistItems).values(
    withRows.flatMap((plan) => {
      const path = pathTo(plan.spec.state);
      return checklistRows({
        missionId: plan.row.id,
        modality: plan.spec.modality,
        startsOn: plan.startsOn,
        done: path.includes('ready') ? true : path.includes('agreed') ? ['invitation'] : [],
        plannedAt: plan.moments.planned!,
        latest: path.includes('ready') ? plan.moments.ready! : new Date(now.getTime() - 3_600_000),
        people: { officerId, expertId: plan.expertId, hostId: plan.hostFocal },
      });
    }),
  );
  await tx.insert(missionCosts).values(
    withRows
      .filter((plan) => plan.spec.modality !== 'online')
      .flatMap((plan, i) => {
        const path = pathTo(plan.spec.state);
        const paidOn = path.includes('reporting') ? addDays(plan.endsOn, 1) : null;
        return costRows({
          pricing,
          missionId: plan.row.id,
          city: plan.spec.city,
          startsOn: plan.startsOn,
          endsOn: plan.endsOn,
          residence: plan.residence,
          flight: 340 + i * 23,
          plannedAt: at(addDays(plan.plannedDay, 1), 10),
          actualAt: paidOn && at(paidOn, 10) < now ? at(paidOn, 10) : null,
          createdBy: officerId,
        });
      }),
  );
  await loadReportingSide(tx, withRows, { officerId, focalId, now });

  // The fingerprint of the agreement each expert accepted: the text as it reads now (costs included).
  for (const plan of withRows) {
    if (!plan.row.agreementAcceptedAt) continue;
    const rendered = renderAgreement(await agreementFacts(tx, plan.row), 'fr');
    await tx.update(missions).set({ agreementSha256: rendered.sha256 }).where(eq(missions.id, plan.row.id));
  }
}
