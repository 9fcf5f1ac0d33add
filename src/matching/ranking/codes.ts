/**
 * The machine-readable vocabulary of the ranking: component names, exclusion reasons and explanations. The core
 * writes no prose: each reason and explanation is a `code` plus parameters, and the UI translates the code (one
 * i18n key per entry of `exclusionReasonCodes` and `explanationCodes`) and fills in the parameters.
 */

/** The score's components, in the order they are reported. */
export const componentNames = [
  'skills',
  'sectors',
  'occupation',
  'languages',
  'availability',
  'experience',
  'evaluations',
  'freshness',
] as const;
export type ComponentName = (typeof componentNames)[number];

/** Why an expert is not a candidate for a ToR (hard filters). Every failing filter is reported, not only the first. */
export type ExclusionReason =
  | { code: 'expert.erased' }
  | { code: 'consent.missing' }
  | { code: 'consent.withdrawn'; withdrawnAt: string }
  | { code: 'residence.unknown'; eligible: string[] }
  | { code: 'residence.not_eligible'; country: string; eligible: string[] }
  | { code: 'language.missing'; language: string; minLevel: string }
  | { code: 'language.below_minimum'; language: string; level: string; minLevel: string }
  | { code: 'modality.no_on_site_availability'; modality: string }
  | { code: 'modality.no_online_availability'; modality: string }
  | { code: 'availability.insufficient'; availableDays: number; requiredDays: number }
  | { code: 'conflict.host_employer'; institutionId: string; employer: string }
  | { code: 'conflict.busy'; startsOn: string; endsOn: string };

export type ExclusionCode = ExclusionReason['code'];

/** Every exclusion reason code, for i18n keys and API documentation. */
export const exclusionReasonCodes: readonly ExclusionCode[] = [
  'expert.erased',
  'consent.missing',
  'consent.withdrawn',
  'residence.unknown',
  'residence.not_eligible',
  'language.missing',
  'language.below_minimum',
  'modality.no_on_site_availability',
  'modality.no_online_availability',
  'availability.insufficient',
  'conflict.host_employer',
  'conflict.busy',
];

/** How an ISCO occupation relates to the one asked: same unit group (4 digits) down to same major group (1). */
export type OccupationLevel = 'unit' | 'minor' | 'sub_major' | 'major' | 'none';

/**
 * What a component found. Skill keys are concept keys, or `text:<normalised words>` for words no concept matches.
 */
export type Explanation =
  | { code: 'skills.matched'; matched: string[]; missing: string[] }
  | { code: 'skills.not_required' }
  | { code: 'sectors.matched'; matched: string[]; related: string[]; missing: string[] }
  | { code: 'sectors.not_required' }
  | { code: 'occupation.match'; level: OccupationLevel; required: string; occupation: string }
  | { code: 'occupation.unknown'; required: string }
  | { code: 'occupation.not_required' }
  | {
      code: 'languages.levels';
      languages: { language: string; level: string; minLevel: string; stepsAbove: number }[];
    }
  | { code: 'languages.not_required' }
  | { code: 'availability.overlap'; availableDays: number; windowDays: number }
  | { code: 'experience.years'; years: number }
  | { code: 'evaluations.mean'; mean: number; count: number }
  | { code: 'evaluations.none' }
  | { code: 'freshness.months'; months: number };

export type ExplanationCode = Explanation['code'];

/** Every explanation code, for i18n keys and API documentation. */
export const explanationCodes: readonly ExplanationCode[] = [
  'skills.matched',
  'skills.not_required',
  'sectors.matched',
  'sectors.not_required',
  'occupation.match',
  'occupation.unknown',
  'occupation.not_required',
  'languages.levels',
  'languages.not_required',
  'availability.overlap',
  'experience.years',
  'evaluations.mean',
  'evaluations.none',
  'freshness.months',
];
