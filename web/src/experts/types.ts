/**
 * The roster's API shapes as the web app reads them, mirroring src/modules/experts/schemas.ts (the server's
 * contract). Kept as plain interfaces so the browser bundle does not pull in zod.
 */

export const genders = ['female', 'male', 'undisclosed'] as const;
export type Gender = (typeof genders)[number];
export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof cefrLevels)[number];
export const vettingStatuses = ['unvetted', 'in_review', 'vetted', 'rejected'] as const;
export type VettingStatus = (typeof vettingStatuses)[number];
export const consentPurposes = ['processing', 'share_cv_with_host', 'directory'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** Keys the server uses to say what a profile still lacks; each maps to a section of the form. */
export const completenessKeys = [
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
] as const;
export type CompletenessKey = (typeof completenessKeys)[number];

export interface LanguageEntry {
  language: string;
  level: CefrLevel;
}
export interface EducationEntry {
  id?: string;
  degree: string;
  field?: string | null;
  institution: string;
  country?: string | null;
  yearCompleted?: number | null;
}
export interface ExperienceEntry {
  id?: string;
  title: string;
  employer: string;
  country?: string | null;
  startsOn: string;
  endsOn?: string | null;
  description?: string | null;
}
export interface AvailabilityEntry {
  id?: string;
  startsOn: string;
  endsOn: string;
  onSite: boolean;
  online: boolean;
}
export interface SkillEntry {
  id?: string;
  label: string;
  conceptId?: string | null;
  source?: 'manual' | 'cv';
}

export interface Consent {
  purpose: ConsentPurpose;
  version: string;
  grantedAt: string;
  withdrawnAt: string | null;
}

/** `GET /api/experts/me` and `GET /api/experts/{id}`. */
export interface ProfileView {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  nameAr: string | null;
  gender: Gender;
  birthDate: string | null;
  phone: string | null;
  nationalities: string[];
  residenceCountry: string | null;
  residenceCity: string | null;
  originCountry: string | null;
  occupation: string | null;
  sectors: string[];
  preferredRegions: string[];
  headline: string | null;
  summary: string | null;
  languages: LanguageEntry[];
  education: EducationEntry[];
  experience: ExperienceEntry[];
  skills: SkillEntry[];
  availability: AvailabilityEntry[];
  vettingStatus: VettingStatus;
  confirmedAt: string;
  stale: boolean;
  consents: Consent[];
  completeness: { percent: number; missing: CompletenessKey[] };
  updatedAt: string;
  allowedActions: string[];
}

/** One row of `GET /api/experts`. */
export interface RosterRow {
  userId: string;
  firstName: string;
  lastName: string;
  nameAr: string | null;
  gender: Gender;
  residenceCountry: string | null;
  occupation: string | null;
  sectors: string[];
  languages: LanguageEntry[];
  vettingStatus: VettingStatus;
  stale: boolean;
  matchedOn: ('name' | 'text' | 'skill')[];
  score: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export const facetNames = [
  'sector',
  'residenceCountry',
  'gender',
  'language',
  'vettingStatus',
  'origin',
  'tag',
] as const;
export type FacetName = (typeof facetNames)[number];

export interface RosterPage {
  items: RosterRow[];
  total: number;
  page: number;
  pageSize: number;
  facets?: Partial<Record<FacetName, FacetCount[]>>;
}

/** A saved roster search: its name and the query string it reopens. */
export interface SavedSearch {
  id: string;
  name: string;
  query: Record<string, string | string[]> | string;
  createdAt?: string;
}

/** One side of a likely duplicate pair. */
export interface DuplicatePerson {
  userId: string;
  firstName: string;
  lastName: string;
  nameAr: string | null;
}

/** Why two profiles look like one person; for names, the spellings that produced the same key. */
export interface DuplicateReason {
  code: 'name' | 'phone' | 'email' | 'birth_date';
  keys?: { key: string; left: string; right: string }[];
}

/** `GET /api/experts/duplicates` items: two profiles, how sure (0–1), and why. */
export interface DuplicatePair {
  left: DuplicatePerson;
  right: DuplicatePerson;
  confidence: number;
  reasons: DuplicateReason[];
}

/** An entry of a reference list (`GET /api/reference/{list}`), labelled in the requested language. */
export interface ReferenceItem {
  code: string;
  label: string;
  parent?: string | null;
  children?: ReferenceItem[];
}

/** `GET /api/skills/suggest` items: `key` is the concept a picked skill is stored with (as `conceptId`). */
export interface SkillSuggestion {
  key: string;
  label: string;
}
