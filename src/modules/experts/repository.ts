import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { applications } from '../applications/schema.ts';
import { assignments } from '../assignments/schema.ts';
import type { Tx } from '../../db/client.ts';
import { consents, roleAssignments, users } from '../identity/schema.ts';
import type { ConsentPurpose, ProfileAccess } from './policy.ts';
import {
  expertAvailability,
  expertDocuments,
  expertEducation,
  expertExperience,
  expertLanguages,
  expertProfiles,
  expertSkills,
} from './schema.ts';

export type ProfileRow = typeof expertProfiles.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;

/** A profile with everything the view shows: its lists, its consents and the account's e-mail. */
export interface ProfileBundle {
  email: string;
  profile: ProfileRow;
  languages: (typeof expertLanguages.$inferSelect)[];
  education: (typeof expertEducation.$inferSelect)[];
  experience: (typeof expertExperience.$inferSelect)[];
  skills: (typeof expertSkills.$inferSelect)[];
  availability: (typeof expertAvailability.$inferSelect)[];
  consents: ConsentRow[];
  /** Whether a CV is on file (documents/), for completeness. */
  hasCv: boolean;
}

/**
 * Locks the profile row until the transaction ends, so that concurrent writes to one profile (two tabs saving at
 * once) run one after the other and each replaces the lists as a whole instead of interleaving.
 */
export async function lockProfile(tx: Tx, userId: string): Promise<ProfileRow | undefined> {
  const [row] = await tx.select().from(expertProfiles).where(eq(expertProfiles.userId, userId)).for('update');
  return row;
}

/** The profile and its lists in display order, or undefined when the row does not exist. */
export async function loadProfileBundle(tx: Tx, userId: string): Promise<ProfileBundle | undefined> {
  const [row] = await tx
    .select({ profile: expertProfiles, email: users.email })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    .where(eq(expertProfiles.userId, userId));
  if (!row) return undefined;
  // One after the other: a transaction is one connection, and pg refuses overlapping queries on a client.
  const languages = await tx
    .select()
    .from(expertLanguages)
    .where(eq(expertLanguages.userId, userId))
    .orderBy(asc(expertLanguages.language));
  const education = await tx
    .select()
    .from(expertEducation)
    .where(eq(expertEducation.userId, userId))
    .orderBy(asc(expertEducation.position));
  const experience = await tx
    .select()
    .from(expertExperience)
    .where(eq(expertExperience.userId, userId))
    .orderBy(asc(expertExperience.position));
  const skills = await tx
    .select()
    .from(expertSkills)
    .where(eq(expertSkills.userId, userId))
    .orderBy(asc(expertSkills.label));
  const availability = await tx
    .select()
    .from(expertAvailability)
    .where(eq(expertAvailability.userId, userId))
    .orderBy(asc(expertAvailability.startsOn));
  const consentRows = await listConsents(tx, userId);
  const cv = await tx
    .select({ id: expertDocuments.id })
    .from(expertDocuments)
    .where(and(eq(expertDocuments.userId, userId), eq(expertDocuments.kind, 'cv')))
    .limit(1);
  return {
    hasCv: cv.length > 0,
    email: row.email,
    profile: row.profile,
    languages,
    education,
    experience,
    skills,
    availability,
    consents: consentRows,
  };
}

/** Every consent of the user, newest first: the history is part of what the expert sees. */
export function listConsents(tx: Tx, userId: string): Promise<ConsentRow[]> {
  return tx
    .select()
    .from(consents)
    .where(eq(consents.userId, userId))
    .orderBy(desc(consents.grantedAt), asc(consents.purpose));
}

/** The consent rows in force (not withdrawn), at most one per purpose. */
export function activeConsentRows(tx: Tx, userId: string): Promise<ConsentRow[]> {
  return tx
    .select()
    .from(consents)
    .where(and(eq(consents.userId, userId), isNull(consents.withdrawnAt)));
}

/**
 * Institutions whose shared shortlist holds the expert: the hosts of the calls where the expert's application is
 * shortlisted or selected and staff shared the shortlist. The policy then lets those institutions' focal points
 * read the profile, and only while the expert consents to sharing (checked by the policy).
 */
export async function shortlistedFor(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ institutionId: assignments.institutionId })
    .from(applications)
    .innerJoin(assignments, eq(assignments.id, applications.assignmentId))
    .where(
      and(
        eq(applications.expertId, userId),
        inArray(applications.status, ['shortlisted', 'selected']),
        isNotNull(assignments.shortlistSharedAt),
      ),
    );
  return rows.map((row) => row.institutionId);
}

/**
 * What the policy needs to decide on one expert, or undefined when the id is not an expert's (a user without the
 * expert role is not on the roster). A profile not created yet counts as a blank, non-erased one.
 */
export async function loadProfileAccess(tx: Tx, userId: string): Promise<ProfileAccess | undefined> {
  const [row] = await tx
    .select({ userId: users.id, erasedAt: expertProfiles.erasedAt })
    .from(users)
    .innerJoin(roleAssignments, and(eq(roleAssignments.userId, users.id), eq(roleAssignments.role, 'expert')))
    .leftJoin(expertProfiles, eq(expertProfiles.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return undefined;
  const active = await activeConsentRows(tx, userId);
  const institutions = await shortlistedFor(tx, userId);
  return {
    userId,
    erased: row.erasedAt !== null,
    activeConsents: active.map((consent) => consent.purpose as ConsentPurpose),
    shortlistedFor: institutions,
  };
}
