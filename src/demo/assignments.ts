// CD4D Maroc Terms of Reference in every state of the life cycle, with a history consistent with each state, so
// that the staff's list, the focal point's "my ToRs" and the public calls show real content on first start. The
// open calls are the ToRs in state `published` (the applications demo finds them by that state).
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { nextReference } from '../modules/assignments/commands.ts';
import { deadlineInstant } from '../modules/assignments/dates.ts';
import { legalMoves } from '../modules/assignments/lifecycle.ts';
import {
  assignments,
  assignmentTransitions,
  type AssignmentState,
  type RequiredLanguage,
} from '../modules/assignments/schema.ts';
import { capacityNeeds } from '../modules/institutions/schema.ts';
import { programmes } from '../modules/programmes/schema.ts';
import { matchSkillConcept } from '../modules/reference/skills.ts';
import { demoTors, type DemoTor } from './assignment-texts.ts';

const day = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The moves that lead from draft to `state` (a cancellation is made from `submitted`). */
function pathTo(state: AssignmentState): AssignmentState[] {
  const main: AssignmentState[] = ['submitted', 'approved', 'published', 'closed', 'filled', 'completed'];
  if (state === 'draft') return [];
  if (state === 'returned') return ['submitted', 'returned'];
  if (state === 'cancelled') return ['submitted', 'cancelled'];
  return main.slice(0, main.indexOf(state) + 1);
}

/** Who makes each move in the demo: the focal point submits for their institution, staff do the rest. */
function actorOf(to: AssignmentState, focalId: string | null, officerId: string | null): string | null {
  return to === 'submitted' && focalId ? focalId : officerId;
}

/**
 * Inserts the demo ToRs of CD4D Maroc. `institutionId` maps the demo institution keys to ids; `userId` maps the
 * demo e-mail addresses to account ids. Runs after the institutions demo (a ToR answers one of its capacity needs
 * when the institution's plan has one) and after the accounts exist (the history names its actors).
 */
export async function loadDemoAssignments(
  tx: Tx,
  institutionId: (key: string) => string | null,
  userId: (email: string) => string | null,
  now: Date = new Date(),
): Promise<void> {
  const [programme] = await tx.select().from(programmes).where(eq(programmes.code, 'cd4d-ma'));
  if (!programme) return;
  const officerId = userId('officer@passerelle.example');
  const focalId = userId('focal.point@passerelle.example');
  const focalInstitution = institutionId('higher-education');
  const base = now.getTime();

  for (const tor of demoTors) {
    const hostId = institutionId(tor.institution);
    if (!hostId) continue;
    const createdAt = new Date(base - tor.createdDaysAgo * day);
    const deadlineDay = isoDay(base + tor.deadlineInDays * day);
    const moves = pathTo(tor.state);
    const path = moves.map((to, index) => ({
      to,
      // Spread from creation to a day before now, in order.
      at: new Date(createdAt.getTime() + ((index + 1) * (base - day - createdAt.getTime())) / (moves.length + 1)),
    }));
    const published = path.find((step) => step.to === 'published');
    const [need] = await tx
      .select({ id: capacityNeeds.id })
      .from(capacityNeeds)
      .where(and(eq(capacityNeeds.institutionId, hostId), eq(capacityNeeds.programmeId, programme.id)))
      .orderBy(capacityNeeds.createdAt, capacityNeeds.title)
      .limit(1);
    const [row] = await tx
      .insert(assignments)
      .values({
        reference: await nextReference(tx, programme.code, createdAt.getUTCFullYear()),
        programmeId: programme.id,
        institutionId: hostId,
        needId: tor.useNeed ? (need?.id ?? null) : null,
        state: tor.state,
        version: 1 + moves.length + (tor.edits ?? 0),
        ...texts(tor),
        skills: tor.skills.map((label) => ({ label, conceptId: matchSkillConcept(label) })),
        sectors: tor.sectors,
        occupation: tor.occupation ?? null,
        languages: tor.languages as RequiredLanguage[],
        modality: tor.modality,
        region: tor.modality === 'online' ? null : tor.region!,
        city: tor.modality === 'online' ? null : tor.city!,
        windowStartsOn: isoDay(base + tor.windowInDays[0] * day),
        windowEndsOn: isoDay(base + tor.windowInDays[1] * day),
        workingDays: tor.workingDays,
        expertsNeeded: tor.expertsNeeded ?? 1,
        applicationDeadline: deadlineDay,
        deadlineAt: deadlineInstant(deadlineDay),
        sdgTargets: tor.sdgTargets,
        scoringCriteria: tor.scoringCriteria ?? defaultCriteria,
        createdBy: hostId === focalInstitution ? focalId : officerId,
        publishedAt: published?.at ?? null,
        createdAt,
        updatedAt: path.at(-1)?.at ?? createdAt,
      })
      .returning({ id: assignments.id });
    let from: AssignmentState = 'draft';
    for (const step of path) {
      if (!legalMoves[from].includes(step.to)) throw new Error(`demo ToR: ${from} → ${step.to} is not a move`);
      await tx.insert(assignmentTransitions).values({
        assignmentId: row!.id,
        fromState: from,
        toState: step.to,
        comment: step.to === 'returned' || step.to === 'cancelled' ? (tor.comment ?? null) : null,
        actorId: actorOf(step.to, hostId === focalInstitution ? focalId : null, officerId),
        at: step.at,
      });
      from = step.to;
    }
  }
}

const defaultCriteria = [
  { id: 'experience', label: 'Expérience professionnelle dans le domaine', weight: 40 },
  { id: 'methodology', label: 'Qualité de l’approche proposée', weight: 30 },
  { id: 'languages', label: 'Maîtrise des langues de travail', weight: 15 },
  { id: 'knowledge-morocco', label: 'Connaissance du contexte marocain', weight: 15 },
];

function texts(tor: DemoTor) {
  return {
    titleFr: tor.titleFr,
    titleAr: tor.titleAr ?? null,
    titleEn: tor.titleEn ?? null,
    descriptionFr: tor.descriptionFr,
    descriptionAr: tor.descriptionAr ?? null,
    descriptionEn: tor.descriptionEn ?? null,
    needStatement: tor.needStatement ?? null,
    objectives: tor.objectives,
    deliverables: tor.deliverables,
  };
}
