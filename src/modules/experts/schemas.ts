import { z } from 'zod';
import { cefrLevels, genders, vettingStatuses } from './schema.ts';

/** ISO 3166-1 alpha-2 country code, upper case. */
const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'A two-letter country code' });
/** ISO 639 language code (two or three letters; `ary` for Darija, `zgh` for Tamazight). */
const languageCode = z.string().regex(/^[a-z]{2,3}$/, { error: 'An ISO 639 language code' });
/** A calendar date, YYYY-MM-DD. */
const isoDate = z.iso.date();

export const languageEntry = z.strictObject({
  /** ISO 639 code of the language. */
  language: languageCode,
  /** Self-assessed level on the CEFR scale. */
  level: z.enum(cefrLevels),
});

export const educationEntry = z.strictObject({
  /** Degree or diploma as awarded (e.g. "Master", "PhD"). */
  degree: z.string().trim().min(1).max(200),
  /** Field of study. */
  field: z.string().trim().max(200).nullable().optional(),
  /** University or school. */
  institution: z.string().trim().min(1).max(300),
  /** Country of the institution. */
  country: countryCode.nullable().optional(),
  /** Year the degree was completed. */
  yearCompleted: z.number().int().min(1940).max(2100).nullable().optional(),
});

export const experienceEntry = z.strictObject({
  /** Job title. */
  title: z.string().trim().min(1).max(200),
  /** Employer's name. */
  employer: z.string().trim().min(1).max(300),
  /** Country of the position. */
  country: countryCode.nullable().optional(),
  /** First day in the position. */
  startsOn: isoDate,
  /** Last day; empty while the position is current. */
  endsOn: isoDate.nullable().optional(),
  /** What the expert did there. */
  description: z.string().trim().max(4000).nullable().optional(),
});

export const availabilityEntry = z.strictObject({
  /** First day the expert can work. */
  startsOn: isoDate,
  /** Last day of the window. */
  endsOn: isoDate,
  /** Available to travel for on-site work in this window. */
  onSite: z.boolean(),
  /** Available for online work in this window. */
  online: z.boolean(),
});

export const skillEntry = z.strictObject({
  /** The skill in the expert's words. */
  label: z.string().trim().min(1).max(120),
  /** The vocabulary concept it was matched to, when the expert picked a suggestion. */
  conceptId: z.string().max(120).nullable().optional(),
});

/**
 * What an expert edits on their profile. Every field is optional in a PATCH; list fields (languages, education,
 * experience, skills, availability) replace the whole list.
 */
export const profilePatch = z.strictObject({
  /** Given name(s), in Latin script. */
  firstName: z.string().trim().min(1).max(100).optional(),
  /** Family name(s), in Latin script. */
  lastName: z.string().trim().min(1).max(100).optional(),
  /** Full name in Arabic script, optional. */
  nameAr: z.string().trim().max(200).nullable().optional(),
  /** Gender, or "undisclosed" (prefer not to say). */
  gender: z.enum(genders).optional(),
  /** Date of birth; used only to tell apart people with the same name. */
  birthDate: isoDate.nullable().optional(),
  /** Telephone number with country code. */
  phone: z.string().trim().max(40).nullable().optional(),
  /** Nationalities (several allowed). */
  nationalities: z.array(countryCode).max(5).optional(),
  /** Country of residence. */
  residenceCountry: countryCode.nullable().optional(),
  /** City of residence. */
  residenceCity: z.string().trim().max(120).nullable().optional(),
  /** Country of origin. */
  originCountry: countryCode.nullable().optional(),
  /** ISCO-08 unit group (4 digits). */
  occupation: z
    .string()
    .regex(/^\d{4}$/)
    .nullable()
    .optional(),
  /** OECD DAC 5-digit sector codes. */
  sectors: z
    .array(z.string().regex(/^\d{5}$/))
    .max(20)
    .optional(),
  /** Moroccan regions (HCP codes "01"–"12") the expert would work in. */
  preferredRegions: z
    .array(z.string().regex(/^(0[1-9]|1[0-2])$/))
    .max(12)
    .optional(),
  /** One line saying who the expert is professionally. */
  headline: z.string().trim().max(200).nullable().optional(),
  /** A short professional summary. */
  summary: z.string().trim().max(4000).nullable().optional(),
  languages: z.array(languageEntry).max(20).optional(),
  education: z.array(educationEntry).max(30).optional(),
  experience: z.array(experienceEntry).max(50).optional(),
  skills: z.array(skillEntry).max(100).optional(),
  availability: z.array(availabilityEntry).max(20).optional(),
});
export type ProfilePatch = z.infer<typeof profilePatch>;

/** A consent as the expert sees it: purpose, version agreed, when, and whether withdrawn. */
export const consentView = z.object({
  purpose: z.enum(['processing', 'share_cv_with_host', 'directory']),
  version: z.string(),
  grantedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});

/** What is missing for a complete profile, as stable keys the client translates. */
export const completenessView = z.object({
  /** 0–100. */
  percent: z.number().int().min(0).max(100),
  missing: z.array(
    z.enum([
      'name',
      'gender',
      'residence',
      'origin',
      'languages',
      'education',
      'experience',
      'sectors',
      'occupation',
      'skills',
      'availability',
      'cv',
    ]),
  ),
});

export const profileView = z.object({
  userId: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  nameAr: z.string().nullable(),
  gender: z.enum(genders),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  nationalities: z.array(z.string()),
  residenceCountry: z.string().nullable(),
  residenceCity: z.string().nullable(),
  originCountry: z.string().nullable(),
  occupation: z.string().nullable(),
  sectors: z.array(z.string()),
  preferredRegions: z.array(z.string()),
  headline: z.string().nullable(),
  summary: z.string().nullable(),
  languages: z.array(languageEntry),
  education: z.array(educationEntry.extend({ id: z.string() })),
  experience: z.array(experienceEntry.extend({ id: z.string() })),
  skills: z.array(skillEntry.extend({ id: z.string(), source: z.enum(['manual', 'cv']) })),
  availability: z.array(availabilityEntry.extend({ id: z.string() })),
  vettingStatus: z.enum(vettingStatuses),
  confirmedAt: z.string(),
  stale: z.boolean(),
  consents: z.array(consentView),
  completeness: completenessView,
  updatedAt: z.string(),
  /** What the reader may do with this profile (the UI shows only these). */
  allowedActions: z.array(z.string()),
});
export type ProfileView = z.infer<typeof profileView>;

/** One row of the staff roster search. */
export const rosterRow = z.object({
  userId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  nameAr: z.string().nullable(),
  gender: z.enum(genders),
  residenceCountry: z.string().nullable(),
  occupation: z.string().nullable(),
  sectors: z.array(z.string()),
  languages: z.array(languageEntry),
  vettingStatus: z.enum(vettingStatuses),
  stale: z.boolean(),
  /** Why this row matched (name spelling, text), for the reader. */
  matchedOn: z.array(z.enum(['name', 'text', 'skill'])),
  score: z.number(),
});
