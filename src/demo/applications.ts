// Applications of demo experts on the demo's open CD4D calls, at every stage of the selection, so that the
// applicant's list, the staff's screening page and the host's shortlist show real content on first start.
import { and, asc, eq, inArray, isNull, like, or } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { applicationEvents, applications, type ApplicationStatus } from '../modules/applications/schema.ts';
import { totalScore } from '../modules/applications/commands/screening.ts';
import { assignments } from '../modules/assignments/schema.ts';
import { consentVersions } from '../modules/experts/commands/consents.ts';
import { expertAvailability, expertLanguages, expertProfiles } from '../modules/experts/schema.ts';
import { refreshSearchIndexes } from '../modules/experts/search-index.ts';
import { consents, roleAssignments, users } from '../modules/identity/schema.ts';
import { programmes } from '../modules/programmes/schema.ts';

const day = 86_400_000;

const motivations = [
  'J’ai accompagné pendant dix ans la refonte de cursus universitaires aux Pays-Bas et je souhaite mettre cette expérience au service des équipes marocaines.',
  'Ingénieure en systèmes d’information dans un ministère néerlandais, je connais bien les projets de transformation numérique de l’administration.',
  'Formateur d’adultes et coordinateur de projets de jeunesse, je parle darija, français et néerlandais et je connais le terrain associatif.',
  'Médecin de santé publique, j’ai conduit des évaluations de programmes de prévention et je peux former les équipes régionales.',
  'Mon expérience de l’investissement des Marocains du monde me permet d’appuyer l’accompagnement des porteurs de projets.',
];

/** The stages each open call shows, in order; the demo expert takes the first application of the second call. */
const plans: { status: ApplicationStatus; hostSelected?: boolean }[][] = [
  [{ status: 'submitted' }, { status: 'under_review' }, { status: 'shortlisted' }, { status: 'not_selected' }],
  [
    { status: 'under_review' },
    { status: 'shortlisted', hostSelected: true },
    { status: 'shortlisted' },
    { status: 'withdrawn' },
  ],
  [{ status: 'submitted' }, { status: 'submitted' }],
];

/** The statuses an application went through to reach `status`. */
function pathTo(status: ApplicationStatus): ApplicationStatus[] {
  if (status === 'withdrawn') return ['submitted', 'withdrawn'];
  if (status === 'not_selected') return ['submitted', 'under_review', 'not_selected'];
  const order: ApplicationStatus[] = ['submitted', 'under_review', 'shortlisted', 'selected'];
  return order.slice(0, order.indexOf(status) + 1);
}

/**
 * Adds the applications to the first three published CD4D calls (none when there are none). The second call's
 * shortlist is shared with its host and its focal point has chosen one applicant, waiting for staff to confirm.
 */
export async function loadDemoApplications(tx: Tx, now: Date = new Date()): Promise<void> {
  const found = await tx
    .select({
      id: assignments.id,
      institutionId: assignments.institutionId,
      criteria: assignments.scoringCriteria,
      publishedAt: assignments.publishedAt,
      windowStartsOn: assignments.windowStartsOn,
      windowEndsOn: assignments.windowEndsOn,
      languages: assignments.languages,
    })
    .from(assignments)
    .innerJoin(programmes, eq(programmes.id, assignments.programmeId))
    .where(and(eq(programmes.code, 'cd4d-ma'), eq(assignments.state, 'published')))
    .orderBy(asc(assignments.reference));
  if (found.length === 0) return;
  const experts = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(roleAssignments, and(eq(roleAssignments.userId, users.id), eq(roleAssignments.role, 'expert')))
    .innerJoin(expertProfiles, and(eq(expertProfiles.userId, users.id), isNull(expertProfiles.erasedAt)))
    .where(or(eq(users.email, 'expert@passerelle.example'), like(users.email, '%@experts.passerelle.example')))
    .orderBy(asc(users.email));
  const demoExpert = experts.find((expert) => expert.email === 'expert@passerelle.example');
  const others = experts.filter((expert) => expert !== demoExpert);
  const [focal] = await tx
    .select({ userId: roleAssignments.userId, institutionId: roleAssignments.institutionId })
    .from(roleAssignments)
    .where(eq(roleAssignments.role, 'focal_point'));
  // The shared shortlist goes to the demo focal point's institution when one of its calls is open.
  const hosted = found.find((call) => call.institutionId === focal?.institutionId);
  const rest = found.filter((call) => call !== hosted);
  const calls = (hosted ? [rest[0], hosted, ...rest.slice(1)] : found)
    .filter((call) => call !== undefined)
    .slice(0, plans.length);
  let next = 0;
  const sharing = new Set<string>();
  const applicants = new Set<string>();
  for (const [index, call] of calls.entries()) {
    const plan = plans[index]!;
    const submittedAt = new Date(Math.max((call.publishedAt ?? now).getTime(), now.getTime() - 10 * day) + day);
    for (const [position, stage] of plan.entries()) {
      const expert = index === 1 && position === 0 && demoExpert ? demoExpert : others[next++];
      if (!expert) break;
      const path = pathTo(stage.status);
      const scores = Object.fromEntries(call.criteria.map((c, i) => [c.id, (position + i) % 6]));
      const screened = path.includes('under_review');
      const [row] = await tx
        .insert(applications)
        .values({
          assignmentId: call.id,
          expertId: expert.id,
          status: stage.status,
          version: path.length,
          motivation: motivations[(index + position) % motivations.length]!,
          availabilityConfirmed: true,
          scores: screened ? scores : {},
          totalScore: screened ? totalScore(call.criteria, scores) : null,
          hostSelectedAt: stage.hostSelected ? now : null,
          hostSelectedBy: stage.hostSelected ? (focal?.userId ?? null) : null,
          hostSelectionReason: stage.hostSelected ? 'Expérience directe de la réforme des cursus.' : null,
          submittedAt: new Date(submittedAt.getTime() + position * 3_600_000),
          updatedAt: now,
        })
        .returning({ id: applications.id });
      await tx.insert(applicationEvents).values(
        path.map((status, step) => ({
          applicationId: row!.id,
          fromStatus: step === 0 ? null : path[step - 1]!,
          toStatus: status,
          reason: status === 'not_selected' ? 'D’autres profils correspondent mieux aux langues demandées.' : null,
          at: new Date(submittedAt.getTime() + position * 3_600_000 + step * day),
        })),
      );
      if (stage.status === 'shortlisted') sharing.add(expert.id);
      // Applying confirms availability in the call's window, and applicants write the languages the call asks:
      // the profile says so too, so that the matching engine ranks them rather than keeping them off. The demo
      // expert's own windows stay as the roster tests know them (his dates are fixed, the calls' follow today).
      if (expert !== demoExpert)
        await tx.insert(expertAvailability).values({
          userId: expert.id,
          startsOn: call.windowStartsOn,
          endsOn: call.windowEndsOn,
          onSite: true,
          online: true,
        });
      if (call.languages.length) {
        await tx
          .insert(expertLanguages)
          .values(
            call.languages.map((asked) => ({ userId: expert.id, language: asked.language, level: asked.minLevel })),
          )
          .onConflictDoNothing();
      }
      applicants.add(expert.id);
    }
  }
  if (sharing.size) {
    const already = await tx
      .select({ userId: consents.userId })
      .from(consents)
      .where(
        and(
          inArray(consents.userId, [...sharing]),
          eq(consents.purpose, 'share_cv_with_host'),
          isNull(consents.withdrawnAt),
        ),
      );
    const missing = [...sharing].filter((id) => !already.some((row) => row.userId === id));
    if (missing.length) {
      await tx.insert(consents).values(
        missing.map((userId) => ({
          userId,
          purpose: 'share_cv_with_host' as const,
          version: consentVersions.share_cv_with_host,
        })),
      );
    }
  }
  if (calls[1]) await tx.update(assignments).set({ shortlistSharedAt: now }).where(eq(assignments.id, calls[1].id));
  await refreshSearchIndexes(tx, [...applicants]);
}
