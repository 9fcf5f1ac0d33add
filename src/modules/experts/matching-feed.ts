/**
 * The roster as the matching engine reads it (src/matching/ranking/types.ts `ExpertCandidate`): each profile with
 * its languages, skills, availability, positions and consents, loaded in one query per table for a whole set of
 * experts, so that ranking a ToR against the roster costs seven queries whatever its size.
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import type { CefrLevel, ExpertCandidate } from '../../matching/ranking/index.ts';
import { consents } from '../identity/schema.ts';
import { expertAvailability, expertExperience, expertLanguages, expertProfiles, expertSkills } from './schema.ts';

/** Which experts to load: these ids, or every live (not erased) profile. */
export type CandidateFilter = { expertIds: readonly string[] } | { allLive: true };

const dateOnly = (value: Date) => value.toISOString().slice(0, 10);

/** Groups rows by expert id, keeping the order the query gave. */
function byExpert<Row extends { userId: string }, Value>(rows: Row[], map: (row: Row) => Value): Map<string, Value[]> {
  const grouped = new Map<string, Value[]>();
  for (const row of rows) {
    const list = grouped.get(row.userId);
    if (list) list.push(map(row));
    else grouped.set(row.userId, [map(row)]);
  }
  return grouped;
}

/**
 * The experts matching `filter`, as ranking candidates. `busy` (missions already under way) and `evaluations`
 * (hosts' marks of past missions) come from other modules: the caller adds them by id.
 */
export async function loadExpertCandidates(tx: Tx, filter: CandidateFilter): Promise<ExpertCandidate[]> {
  const ids = 'expertIds' in filter ? [...filter.expertIds] : null;
  if (ids && ids.length === 0) return [];
  const whereProfile: SQL | undefined = ids ? inArray(expertProfiles.userId, ids) : isNull(expertProfiles.erasedAt);
  const profiles = await tx
    .select({
      userId: expertProfiles.userId,
      erasedAt: expertProfiles.erasedAt,
      residenceCountry: expertProfiles.residenceCountry,
      occupation: expertProfiles.occupation,
      sectors: expertProfiles.sectors,
      updatedAt: expertProfiles.updatedAt,
      confirmedAt: expertProfiles.confirmedAt,
    })
    .from(expertProfiles)
    .where(whereProfile)
    .orderBy(expertProfiles.userId);
  if (!profiles.length) return [];
  // Child rows of the same experts: by id list when given, else through the live-profile condition.
  const of = (column: AnyPgColumn) =>
    ids ? inArray(column, ids) : sql`${column} in (select user_id from expert_profiles where erased_at is null)`;
  const [languages, skills, windows, positions, consentRows] = await Promise.all([
    tx
      .select({ userId: expertLanguages.userId, language: expertLanguages.language, level: expertLanguages.level })
      .from(expertLanguages)
      .where(of(expertLanguages.userId)),
    tx
      .select({ userId: expertSkills.userId, label: expertSkills.label, conceptId: expertSkills.conceptId })
      .from(expertSkills)
      .where(of(expertSkills.userId)),
    tx
      .select({
        userId: expertAvailability.userId,
        startsOn: expertAvailability.startsOn,
        endsOn: expertAvailability.endsOn,
        onSite: expertAvailability.onSite,
        online: expertAvailability.online,
      })
      .from(expertAvailability)
      .where(of(expertAvailability.userId)),
    tx
      .select({
        userId: expertExperience.userId,
        employer: expertExperience.employer,
        startsOn: expertExperience.startsOn,
        endsOn: expertExperience.endsOn,
      })
      .from(expertExperience)
      .where(of(expertExperience.userId)),
    tx
      .select({ userId: consents.userId, purpose: consents.purpose, withdrawnAt: consents.withdrawnAt })
      .from(consents)
      .where(and(of(consents.userId), eq(consents.purpose, 'processing'))),
  ]);
  const languagesOf = byExpert(languages, (row) => ({ language: row.language, level: row.level as CefrLevel }));
  const skillsOf = byExpert(skills, (row) => ({ label: row.label, conceptId: row.conceptId }));
  const windowsOf = byExpert(windows, (row) => ({
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    onSite: row.onSite,
    online: row.online,
  }));
  const positionsOf = byExpert(positions, (row) => row);
  const consentsOf = byExpert(consentRows, (row) => ({
    purpose: row.purpose,
    withdrawnAt: row.withdrawnAt ? row.withdrawnAt.toISOString() : null,
  }));
  return profiles.map((profile) => {
    const held = positionsOf.get(profile.userId) ?? [];
    const updated = profile.updatedAt > profile.confirmedAt ? profile.updatedAt : profile.confirmedAt;
    return {
      id: profile.userId,
      erased: profile.erasedAt !== null,
      residenceCountry: profile.residenceCountry,
      occupation: profile.occupation,
      sectors: profile.sectors,
      languages: languagesOf.get(profile.userId) ?? [],
      skills: skillsOf.get(profile.userId) ?? [],
      availability: windowsOf.get(profile.userId) ?? [],
      busy: [],
      // Staff do not link positions to institutions yet: the host conflict is found by the employer's name.
      employers: held.filter((row) => row.endsOn === null).map((row) => ({ institutionId: null, name: row.employer })),
      consents: consentsOf.get(profile.userId) ?? [],
      experience: held.map((row) => ({ startsOn: row.startsOn, endsOn: row.endsOn })),
      evaluations: [],
      profileUpdatedOn: dateOnly(updated),
    };
  });
}

/** How many live experts hold each skill concept (the ranking's rarity weights), in one `group by`. */
export async function skillHolders(tx: Tx): Promise<{ experts: number; holders: Map<string, number> }> {
  const [total] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(expertProfiles)
    .where(isNull(expertProfiles.erasedAt));
  const rows = await tx
    .select({ conceptId: expertSkills.conceptId, count: sql<number>`count(distinct ${expertSkills.userId})::int` })
    .from(expertSkills)
    .innerJoin(expertProfiles, eq(expertProfiles.userId, expertSkills.userId))
    .where(and(isNull(expertProfiles.erasedAt), sql`${expertSkills.conceptId} is not null`))
    .groupBy(expertSkills.conceptId);
  return { experts: total?.count ?? 0, holders: new Map(rows.map((row) => [row.conceptId!, row.count])) };
}

/** Who each expert is, as staff see them beside a score: name, headline, country of residence. */
export async function expertSummaries(
  tx: Tx,
  ids: readonly string[],
): Promise<Map<string, { name: string; headline: string | null; residenceCountry: string | null }>> {
  if (!ids.length) return new Map();
  const rows = await tx
    .select({
      id: expertProfiles.userId,
      firstName: expertProfiles.firstName,
      lastName: expertProfiles.lastName,
      headline: expertProfiles.headline,
      residenceCountry: expertProfiles.residenceCountry,
    })
    .from(expertProfiles)
    .where(inArray(expertProfiles.userId, [...new Set(ids)]));
  return new Map(
    rows.map((row) => [
      row.id,
      {
        name: `${row.firstName} ${row.lastName}`.trim(),
        headline: row.headline,
        residenceCountry: row.residenceCountry,
      },
    ]),
  );
}
