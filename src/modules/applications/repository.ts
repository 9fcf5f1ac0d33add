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

/** Which of these experts have a live profile and consent to sharing their CV with hosts: one query for all. */
export async function sharingConsentedAmong(tx: Tx, expertIds: readonly string[]): Promise<Set<string>> {
  if (!expertIds.length) return new Set();
  const rows = await tx
    .selectDistinct({ userId: consents.userId })
    .from(consents)
    .innerJoin(expertProfiles, eq(expertProfiles.userId, consents.userId))
    .where(
      and(
        inArray(consents.userId, [...new Set(expertIds)]),
        eq(consents.purpose, 'share_cv_with_host'),
        isNull(consents.withdrawnAt),
        isNull(expertProfiles.erasedAt),
      ),
    );
  return new Set(rows.map((row) => row.userId));
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

/** What the application policy needs about one application, given whether its applicant shares their CV. */
export function accessWith(application: ApplicationRow, call: Call, sharingConsented: boolean): ApplicationAccess {
  return {
    expertId: application.expertId,
    status: application.status,
    institutionId: call.row.institutionId,
    shortlistShared: call.row.shortlistSharedAt !== null,
    sharingConsented,
    hostSelected: application.hostSelectedAt !== null,
  };
}

/** What the application policy needs about one application. */
export async function accessOf(tx: Tx, application: ApplicationRow, call: Call): Promise<ApplicationAccess> {
  const consented = await sharingConsentedAmong(tx, [application.expertId]);
  return accessWith(application, call, consented.has(application.expertId));
}

export type ApplicationEvent = typeof applicationEvents.$inferSelect;

/** The status history of each of these applications, oldest first: one query for all. */
export async function eventsOf(tx: Tx, applicationIds: readonly string[]): Promise<Map<string, ApplicationEvent[]>> {
  const history = new Map<string, ApplicationEvent[]>();
  if (!applicationIds.length) return history;
  const rows = await tx
    .select()
    .from(applicationEvents)
    .where(inArray(applicationEvents.applicationId, [...applicationIds]))
    .orderBy(applicationEvents.at, applicationEvents.id);
  for (const row of rows) history.set(row.applicationId, [...(history.get(row.applicationId) ?? []), row]);
  return history;
}

/** An applicant as a host or staff sees them on an application. */
export interface Applicant {
  id: string;
  name: string;
  headline: string | null;
  sectors: string[];
  residenceCountry: string | null;
  languages: { language: string; level: string }[];
}

/** These applicants as a host or staff sees them: name, headline, languages, sectors — two queries for all. */
export async function loadApplicants(tx: Tx, expertIds: readonly string[]): Promise<Map<string, Applicant>> {
  const ids = [...new Set(expertIds)];
  const found = new Map<string, Applicant>();
  if (!ids.length) return found;
  const profiles = await tx
    .select({
      id: expertProfiles.userId,
      firstName: expertProfiles.firstName,
      lastName: expertProfiles.lastName,
      headline: expertProfiles.headline,
      sectors: expertProfiles.sectors,
      residenceCountry: expertProfiles.residenceCountry,
    })
    .from(expertProfiles)
    .where(inArray(expertProfiles.userId, ids));
  const languages = await tx
    .select({ userId: expertLanguages.userId, language: expertLanguages.language, level: expertLanguages.level })
    .from(expertLanguages)
    .where(inArray(expertLanguages.userId, ids))
    .orderBy(expertLanguages.language);
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  for (const id of ids) {
    const profile = byId.get(id);
    found.set(id, {
      id,
      name: profile ? `${profile.firstName} ${profile.lastName}`.trim() : '',
      headline: profile?.headline ?? null,
      sectors: profile?.sectors ?? [],
      residenceCountry: profile?.residenceCountry ?? null,
      languages: languages.filter((row) => row.userId === id).map(({ language, level }) => ({ language, level })),
    });
  }
  return found;
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

/** The file names of these documents, for display: one query for all. */
export async function documentNames(tx: Tx, documentIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(documentIds.filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  const rows = await tx
    .select({ id: expertDocuments.id, fileName: expertDocuments.fileName })
    .from(expertDocuments)
    .where(inArray(expertDocuments.id, ids));
  return new Map(rows.map((row) => [row.id, row.fileName]));
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
