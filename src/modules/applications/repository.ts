import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { assignments } from '../assignments/schema.ts';
import { expertDocuments, expertLanguages, expertProfiles } from '../experts/schema.ts';
import { consents } from '../identity/schema.ts';
import { institutions } from '../institutions/schema.ts';
import { programmes } from '../programmes/schema.ts';
import type { ApplicationAccess, CallAccess } from './policy.ts';
import { applicationEvents, applications, type ApplicationStatus } from './schema.ts';

export type ApplicationRow = typeof applications.$inferSelect;
export type CallRow = typeof assignments.$inferSelect;

/** A call with what applying needs to know about its programme and host. */
export interface Call {
  row: CallRow;
  eligibleResidenceCountries: string[];
  institutionName: string;
}

/** The call (ToR) `id` with its programme's eligibility and its host's name, locked when asked. */
export async function loadCall(tx: Tx, id: string, { lock = false } = {}): Promise<Call | undefined> {
  const query = tx
    .select({ row: assignments, eligible: programmes.eligibleResidenceCountries, institution: institutions.nameFr })
    .from(assignments)
    .innerJoin(programmes, eq(programmes.id, assignments.programmeId))
    .innerJoin(institutions, eq(institutions.id, assignments.institutionId))
    .where(eq(assignments.id, id));
  const [found] = lock ? await query.for('update', { of: assignments }) : await query;
  return found && { row: found.row, eligibleResidenceCountries: found.eligible, institutionName: found.institution };
}

/** What the call policy needs. */
export const callAccessOf = (call: Call): CallAccess => ({
  institutionId: call.row.institutionId,
  shortlistShared: call.row.shortlistSharedAt !== null,
});

/** Whether the expert's profile is live and consents to sharing the CV with hosts. */
async function sharingConsented(tx: Tx, expertId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: consents.id })
    .from(consents)
    .innerJoin(expertProfiles, eq(expertProfiles.userId, consents.userId))
    .where(
      and(
        eq(consents.userId, expertId),
        eq(consents.purpose, 'share_cv_with_host'),
        isNull(consents.withdrawnAt),
        isNull(expertProfiles.erasedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** One application with its call, locked when asked (status changes run one after the other). */
export async function loadApplication(
  tx: Tx,
  id: string,
  { lock = false } = {},
): Promise<{ application: ApplicationRow; call: Call; access: ApplicationAccess } | undefined> {
  const query = tx.select().from(applications).where(eq(applications.id, id));
  const [application] = lock ? await query.for('update') : await query;
  if (!application) return undefined;
  const call = await loadCall(tx, application.assignmentId);
  if (!call) return undefined;
  return { application, call, access: await accessOf(tx, application, call) };
}

/** What the application policy needs about one application. */
export async function accessOf(tx: Tx, application: ApplicationRow, call: Call): Promise<ApplicationAccess> {
  return {
    expertId: application.expertId,
    status: application.status,
    institutionId: call.row.institutionId,
    shortlistShared: call.row.shortlistSharedAt !== null,
    sharingConsented: await sharingConsented(tx, application.expertId),
    hostSelected: application.hostSelectedAt !== null,
  };
}

/** The status history of an application, oldest first. */
export function listEvents(tx: Tx, applicationId: string) {
  return tx
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(applicationEvents.at);
}

/** The applicant as a host or staff sees them on an application: name, headline, languages, sectors. */
export async function loadApplicant(tx: Tx, expertId: string) {
  const [profile] = await tx
    .select({
      firstName: expertProfiles.firstName,
      lastName: expertProfiles.lastName,
      headline: expertProfiles.headline,
      sectors: expertProfiles.sectors,
      residenceCountry: expertProfiles.residenceCountry,
    })
    .from(expertProfiles)
    .where(eq(expertProfiles.userId, expertId));
  const languages = await tx
    .select({ language: expertLanguages.language, level: expertLanguages.level })
    .from(expertLanguages)
    .where(eq(expertLanguages.userId, expertId))
    .orderBy(expertLanguages.language);
  return {
    id: expertId,
    name: profile ? `${profile.firstName} ${profile.lastName}`.trim() : '',
    headline: profile?.headline ?? null,
    sectors: profile?.sectors ?? [],
    residenceCountry: profile?.residenceCountry ?? null,
    languages,
  };
}

/** A CV of the expert's own (or undefined). */
export async function findOwnCv(tx: Tx, expertId: string, documentId: string) {
  const [row] = await tx
    .select({ id: expertDocuments.id, fileName: expertDocuments.fileName })
    .from(expertDocuments)
    .where(
      and(eq(expertDocuments.id, documentId), eq(expertDocuments.userId, expertId), eq(expertDocuments.kind, 'cv')),
    );
  return row;
}

/** The file name of a document, for display. */
export async function documentName(tx: Tx, documentId: string | null): Promise<string | null> {
  if (!documentId) return null;
  const [row] = await tx
    .select({ fileName: expertDocuments.fileName })
    .from(expertDocuments)
    .where(eq(expertDocuments.id, documentId));
  return row?.fileName ?? null;
}

/** The expert's applications with their call, newest first. */
export function listExpertApplications(tx: Tx, expertId: string) {
  return tx
    .select({ application: applications, call: assignments })
    .from(applications)
    .innerJoin(assignments, eq(assignments.id, applications.assignmentId))
    .where(eq(applications.expertId, expertId))
    .orderBy(desc(applications.submittedAt), desc(applications.id));
}

/** Applications of a call in the given statuses (all when none given). */
export function listCallApplications(tx: Tx, assignmentId: string, statuses?: readonly ApplicationStatus[]) {
  return tx
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.assignmentId, assignmentId),
        statuses ? inArray(applications.status, [...statuses]) : undefined,
      ),
    );
}
