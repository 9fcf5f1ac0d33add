import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { AppError, type FieldError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { matchSkillConcept } from '../../reference/skills.ts';
import { lockProfile, type ProfileRow } from '../repository.ts';
import {
  expertAvailability,
  expertEducation,
  expertExperience,
  expertLanguages,
  expertProfiles,
  expertSkills,
} from '../schema.ts';
import type { ProfilePatch } from '../schemas.ts';
import { refreshSearchIndex } from '../search-index.ts';

/** Fields stored on the profile row itself. */
const scalarFields = [
  'firstName',
  'lastName',
  'nameAr',
  'gender',
  'birthDate',
  'phone',
  'nationalities',
  'residenceCountry',
  'residenceCity',
  'originCountry',
  'occupation',
  'sectors',
  'preferredRegions',
  'headline',
  'summary',
] as const satisfies readonly (keyof ProfilePatch & keyof ProfileRow)[];
type ScalarField = (typeof scalarFields)[number];

/**
 * Fields whose values never go into the audit trail, only the fact they changed: the audit outlives an erasure,
 * so it must not hold what identifies the person (names, birth date, phone, city), nor the long free texts.
 */
const auditedWithoutValue = new Set<ScalarField>([
  'firstName',
  'lastName',
  'nameAr',
  'birthDate',
  'phone',
  'residenceCity',
  'headline',
  'summary',
]);

const invalid = (path: string, message: string): FieldError => ({ path, code: 'invalid_value', message });

/**
 * The rules a schema cannot say field by field: date order, a birth date in the past, no language or skill twice.
 * @param today YYYY-MM-DD
 * @returns one error per offending field, with its dotted path (e.g. `availability.0.endsOn`)
 */
export function checkProfilePatch(patch: ProfilePatch, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (patch.birthDate && (patch.birthDate >= today || patch.birthDate < '1900-01-01')) {
    errors.push(invalid('birthDate', 'The birth date must be in the past'));
  }
  const languages = new Set<string>();
  patch.languages?.forEach((entry, index) => {
    if (languages.has(entry.language))
      errors.push(invalid(`languages.${index}.language`, 'This language is listed twice'));
    languages.add(entry.language);
  });
  const skills = new Set<string>();
  patch.skills?.forEach((entry, index) => {
    const key = entry.label.toLowerCase();
    if (skills.has(key)) errors.push(invalid(`skills.${index}.label`, 'This skill is listed twice'));
    skills.add(key);
  });
  patch.experience?.forEach((entry, index) => {
    if (entry.endsOn && entry.endsOn < entry.startsOn) {
      errors.push(invalid(`experience.${index}.endsOn`, 'The end date is before the start date'));
    }
  });
  patch.availability?.forEach((entry, index) => {
    if (entry.endsOn < entry.startsOn) {
      errors.push(invalid(`availability.${index}.endsOn`, 'The end date is before the start date'));
    }
  });
  return errors;
}

type Changes = Record<string, { before?: unknown; after?: unknown }>;
/** Compares plain data whatever the order of object keys (rows read back do not keep the order they were built in). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const unique = <T>(values: readonly T[]) => [...new Set(values)];

/**
 * Saves an expert's edits in the caller's transaction: checks the cross-field rules first (nothing is written when
 * one fails), locks the profile, updates the changed fields, replaces each list given, refreshes the search index
 * and audits what changed. A patch that changes nothing writes nothing.
 * @returns whether anything changed
 */
export async function updateProfile(
  tx: Tx,
  userId: string,
  patch: ProfilePatch,
  meta: { ip: string | null; now: Date },
): Promise<boolean> {
  const errors = checkProfilePatch(patch, meta.now.toISOString().slice(0, 10));
  if (errors.length) throw new AppError('validation_failed', 'The profile is not valid', errors);
  const before = await lockProfile(tx, userId);
  if (!before) throw new AppError('not_found', 'No profile');

  const changes: Changes = {};
  const set: Partial<Record<ScalarField, unknown>> = {};
  for (const field of scalarFields) {
    let value: unknown = patch[field];
    if (value === undefined) continue;
    // Code lists are sets: the same code twice is the expert's slip, not information.
    if (Array.isArray(value)) value = unique(value);
    if (same(value, before[field])) continue;
    set[field] = value;
    changes[field] = auditedWithoutValue.has(field) ? { after: 'changed' } : { before: before[field], after: value };
  }
  Object.assign(changes, await replaceLists(tx, userId, patch));
  if (Object.keys(changes).length === 0) return false;

  await tx
    .update(expertProfiles)
    .set({ ...(set as Partial<ProfileRow>), updatedAt: meta.now })
    .where(eq(expertProfiles.userId, userId));
  await refreshSearchIndex(tx, userId);
  await recordAudit(tx, {
    actorId: userId,
    action: 'expert.profile_updated',
    entityType: 'expert_profile',
    entityId: userId,
    changes,
    ip: meta.ip,
  });
  return true;
}

/** Replaces each list the patch carries; returns the audit entries of the lists whose content changed. */
async function replaceLists(tx: Tx, userId: string, patch: ProfilePatch): Promise<Changes> {
  const changes: Changes = {};
  if (patch.languages) {
    const old = await tx.delete(expertLanguages).where(eq(expertLanguages.userId, userId)).returning();
    if (patch.languages.length) {
      await tx.insert(expertLanguages).values(patch.languages.map((entry) => ({ userId, ...entry })));
    }
    const describe = (list: { language: string; level: string }[]) =>
      list.map((entry) => `${entry.language}:${entry.level}`).sort();
    // Languages and levels identify no one, and staff follow them: they are audited with their values.
    if (!same(describe(old), describe(patch.languages))) {
      changes.languages = { before: describe(old), after: describe(patch.languages) };
    }
  }
  if (patch.education) {
    const old = await tx.delete(expertEducation).where(eq(expertEducation.userId, userId)).returning();
    const rows = patch.education.map((entry, position) => ({
      userId,
      position,
      degree: entry.degree,
      field: entry.field ?? null,
      institution: entry.institution,
      country: entry.country ?? null,
      yearCompleted: entry.yearCompleted ?? null,
    }));
    if (rows.length) await tx.insert(expertEducation).values(rows);
    if (
      !same(
        old.map(({ id: _id, ...row }) => row),
        rows,
      )
    )
      changes.education = { after: 'changed' };
  }
  if (patch.experience) {
    const old = await tx.delete(expertExperience).where(eq(expertExperience.userId, userId)).returning();
    const rows = patch.experience.map((entry, position) => ({
      userId,
      position,
      title: entry.title,
      employer: entry.employer,
      country: entry.country ?? null,
      startsOn: entry.startsOn,
      endsOn: entry.endsOn ?? null,
      description: entry.description ?? null,
    }));
    if (rows.length) await tx.insert(expertExperience).values(rows);
    if (
      !same(
        old.map(({ id: _id, ...row }) => row),
        rows,
      )
    )
      changes.experience = { after: 'changed' };
  }
  if (patch.skills) {
    const old = await tx.delete(expertSkills).where(eq(expertSkills.userId, userId)).returning();
    // A skill the expert confirmed from their CV stays marked as such when the list is saved again.
    const fromCv = new Set(old.filter((skill) => skill.source === 'cv').map((skill) => skill.label.toLowerCase()));
    const rows = patch.skills.map((entry) => ({
      userId,
      label: entry.label,
      // The server's vocabulary decides the concept: a client-sent id is not trusted to exist.
      conceptId: matchSkillConcept(entry.label),
      source: fromCv.has(entry.label.toLowerCase()) ? ('cv' as const) : ('manual' as const),
    }));
    if (rows.length) await tx.insert(expertSkills).values(rows);
    const describe = (list: { label: string }[]) => list.map((skill) => skill.label).sort();
    if (!same(describe(old), describe(rows))) changes.skills = { after: 'changed' };
  }
  if (patch.availability) {
    const old = await tx.delete(expertAvailability).where(eq(expertAvailability.userId, userId)).returning();
    const rows = patch.availability.map((entry) => ({ userId, ...entry }));
    if (rows.length) await tx.insert(expertAvailability).values(rows);
    const describe = (list: { startsOn: string; endsOn: string; onSite: boolean; online: boolean }[]) =>
      list.map((w) => `${w.startsOn}/${w.endsOn}/${w.onSite}/${w.online}`).sort();
    // Availability is not personal in itself and staff plan with it: audited with its values.
    if (!same(describe(old), describe(rows))) changes.availability = { before: describe(old), after: describe(rows) };
  }
  return changes;
}
