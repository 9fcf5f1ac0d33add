import type { z } from 'zod';
import type { Actor } from '../../authz/actor.ts';
import { allowedActions } from '../../authz/policy.ts';
import { computeCompleteness } from './completeness.ts';
import { expertProfilePolicy, type ConsentPurpose, type ProfileAccess } from './policy.ts';
import type { ConsentRow, ProfileBundle } from './repository.ts';
import type { consentView, ProfileView } from './schemas.ts';

/** Today's date in UTC, YYYY-MM-DD: the calendar the profile's dates are compared in. */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A consent as the expert sees it. */
export function presentConsent(row: ConsentRow): z.infer<typeof consentView> {
  return {
    purpose: row.purpose,
    version: row.version,
    grantedAt: row.grantedAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  };
}

/** The policy's view of a loaded profile (for the actions sent with it). */
export function accessOf(bundle: ProfileBundle, shortlistedFor: readonly string[] = []): ProfileAccess {
  return {
    userId: bundle.profile.userId,
    erased: bundle.profile.erasedAt !== null,
    activeConsents: bundle.consents.filter((c) => c.withdrawnAt === null).map((c) => c.purpose as ConsentPurpose),
    shortlistedFor,
  };
}

/**
 * The profile view: what leaves the server for a reader allowed to read it, with the actions that reader may
 * take. Derived search fields (name keys, search vector) never leave.
 */
export function presentProfile(bundle: ProfileBundle, actor: Actor, now: Date, access = accessOf(bundle)): ProfileView {
  const { profile } = bundle;
  return {
    userId: profile.userId,
    email: bundle.email,
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
    languages: bundle.languages.map(({ language, level }) => ({ language, level })),
    education: bundle.education.map(({ id, degree, field, institution, country, yearCompleted }) => ({
      id,
      degree,
      field,
      institution,
      country,
      yearCompleted,
    })),
    experience: bundle.experience.map(({ id, title, employer, country, startsOn, endsOn, description }) => ({
      id,
      title,
      employer,
      country,
      startsOn,
      endsOn,
      description,
    })),
    skills: bundle.skills.map(({ id, label, conceptId, source }) => ({ id, label, conceptId, source })),
    availability: bundle.availability.map(({ id, startsOn, endsOn, onSite, online }) => ({
      id,
      startsOn,
      endsOn,
      onSite,
      online,
    })),
    vettingStatus: profile.vettingStatus,
    confirmedAt: profile.confirmedAt.toISOString(),
    stale: profile.staleSince !== null,
    consents: bundle.consents.map(presentConsent),
    completeness: computeCompleteness(
      {
        firstName: profile.firstName,
        lastName: profile.lastName,
        gender: profile.gender,
        residenceCountry: profile.residenceCountry,
        originCountry: profile.originCountry,
        occupation: profile.occupation,
        sectors: profile.sectors,
        languageCount: bundle.languages.length,
        educationCount: bundle.education.length,
        experienceCount: bundle.experience.length,
        skillCount: bundle.skills.length,
        availabilityEndsOn: bundle.availability.map((window) => window.endsOn),
        hasCv: bundle.hasCv,
      },
      isoDay(now),
    ),
    updatedAt: profile.updatedAt.toISOString(),
    allowedActions: allowedActions(actor, expertProfilePolicy, access),
  };
}
