import type { Tx } from '../db/client.ts';
import {
  expertAvailability,
  expertEducation,
  expertExperience,
  expertLanguages,
  expertProfiles,
  expertSkills,
} from '../modules/experts/schema.ts';
import { refreshSearchIndexes } from '../modules/experts/search-index.ts';
import { demoProfiles, duplicateProfiles } from './expert-profiles.ts';
import { insertDemoStaffSide } from './staff-side.ts';

/**
 * Inserts the demo profiles (one multi-row insert per table) and indexes them for search, inside the demo
 * loader's transaction. `idOf` maps each account's e-mail to its user id.
 */
export async function insertDemoProfiles(tx: Tx, idOf: Map<string, string>): Promise<void> {
  const rows = demoProfiles.map((profile) => ({ profile, userId: idOf.get(profile.email)! }));
  await tx.insert(expertProfiles).values(
    rows.map(({ profile, userId }) => ({
      userId,
      firstName: profile.firstName,
      lastName: profile.lastName,
      nameAr: profile.nameAr,
      gender: profile.gender,
      birthDate: profile.birthDate,
      phone: profile.phone,
      nationalities: profile.nationalities,
      residenceCountry: profile.residenceCountry,
      residenceCity: profile.residenceCity,
      originCountry: profile.originCountry,
      occupation: profile.occupation,
      sectors: profile.sectors,
      preferredRegions: profile.preferredRegions,
      headline: profile.headline,
      summary: profile.summary,
      vettingStatus: profile.vettingStatus,
      staleSince: profile.staleSince,
    })),
  );
  const each = <T>(pick: (profile: (typeof demoProfiles)[number]) => T[]) =>
    rows.flatMap(({ profile, userId }) => pick(profile).map((entry, position) => ({ ...entry, userId, position })));
  await tx.insert(expertLanguages).values(each((p) => p.languages).map(({ position: _, ...entry }) => entry));
  await tx.insert(expertSkills).values(each((p) => p.skills).map(({ position: _, ...entry }) => entry));
  await tx.insert(expertAvailability).values(each((p) => p.availability).map(({ position: _, ...entry }) => entry));
  await tx.insert(expertExperience).values(each((p) => p.experience));
  await tx.insert(expertEducation).values(each((p) => p.education));
  await insertDemoStaffSide(
    tx,
    rows,
    idOf.get('officer@passerelle.example')!,
    demoProfiles.length - duplicateProfiles.length,
  );
  await refreshSearchIndexes(
    tx,
    rows.map((row) => row.userId),
  );
}
