/**
 * The ranking core's plain-data inputs and outputs. The input shapes follow the tables they are read from
 * (expert_profiles, expert_languages, expert_skills, expert_availability, expert_experience, consents; assignments
 * and its programme), so that a feeder maps rows field by field. Dates are ISO calendar dates (`2027-03-01`),
 * both ends included.
 */
import type { VocabularyIndex } from '../../modules/reference/skills.ts';
import type { ComponentName, ExclusionCode, ExclusionReason, Explanation } from './codes.ts';

export type CefrLevel = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';
export type Modality = 'on_site' | 'online' | 'hybrid';

/** A span of calendar days, both ends included. */
export interface DateSpan {
  startsOn: string;
  endsOn: string;
}

/** A skill as written (expert_skills, or a ToR's `skills`): the words, and the vocabulary concept when known. */
export interface SkillInput {
  label: string;
  conceptId: string | null;
}

/** What the ranking needs of a Terms of Reference (the assignment row plus its programme and host). */
export interface TermsOfReference {
  id: string;
  skills: readonly SkillInput[];
  /** OECD DAC 5-digit purpose codes. */
  sectors: readonly string[];
  /** ISCO-08 unit group (4 digits), or null. */
  occupation: string | null;
  languages: readonly { language: string; minLevel: CefrLevel }[];
  modality: Modality;
  windowStartsOn: string;
  windowEndsOn: string;
  /** Working days (Monday–Friday) the mission needs inside the window. */
  workingDays: number;
  /** The programme's eligible residence countries (ISO alpha-2); empty means anywhere. */
  eligibleResidenceCountries: readonly string[];
  /** The host institution: its id, and its names in any language (matched against the expert's employers). */
  host: { institutionId: string; names: readonly string[] };
}

/** What the ranking needs of an expert (the profile row and its child rows). */
export interface ExpertCandidate {
  id: string;
  /** `expert_profiles.erased_at` is set. */
  erased: boolean;
  residenceCountry: string | null;
  /** ISCO-08 unit group (4 digits), or null. */
  occupation: string | null;
  sectors: readonly string[];
  languages: readonly { language: string; level: CefrLevel }[];
  skills: readonly SkillInput[];
  availability: readonly (DateSpan & { onSite: boolean; online: boolean })[];
  /** Missions the expert is already on (selected or under way), from any programme. */
  busy: readonly DateSpan[];
  /** Current employers (expert_experience rows without an end), with the institution when staff linked one. */
  employers: readonly { institutionId: string | null; name: string }[];
  /** The consents rows (any purpose); only `processing` matters here. */
  consents: readonly { purpose: string; withdrawnAt: string | null }[];
  /** Positions held (expert_experience); overlapping positions count once. `endsOn` null: current. */
  experience: readonly { startsOn: string; endsOn: string | null }[];
  /** Host institutions' evaluations of past missions, each 1–5. */
  evaluations: readonly number[];
  /** Last update or re-confirmation of the profile (ISO date or timestamp; the date part is used). */
  profileUpdatedOn: string;
}

/** A component's weight, per component name. */
export type Weights = Record<ComponentName, number>;

/**
 * How many experts of the population hold each skill key (concept key, or `text:<normalised words>`), for the
 * rarity weighting. A feeder computes it with one `group by concept_id`, or with `skillPopulation` below.
 */
export interface SkillPopulation {
  experts: number;
  holders: ReadonlyMap<string, number>;
}

export interface RankingOptions {
  /** The day the ranking is made (for experience up to now and profile freshness): the core reads no clock. */
  today: string;
  /** Programme settings: overrides of the default weights (any subset), normalised to sum 1. */
  weights?: Partial<Record<string, number>>;
  /** Skill rarity statistics; without them every skill weighs the same. */
  population?: SkillPopulation;
  /** The vocabulary (built-in plus staff concepts) free-text skills are mapped through; default built-in. */
  vocabulary?: VocabularyIndex;
  /** Return only the best `limit` ranked. */
  limit?: number;
  /**
   * Return only the first `excludedLimit` excluded experts, in input order (default: all). The totals by reason
   * are counted over everyone either way; a page that shows a few needs nothing more.
   */
  excludedLimit?: number;
}

/** One named part of the score. `weight` is the normalised weight actually applied (0 when not applicable). */
export interface ScoreComponent {
  name: ComponentName;
  value: number;
  weight: number;
  explanation: Explanation;
}

export interface RankedExpert {
  expertId: string;
  score: number;
  components: ScoreComponent[];
  /** The components' explanations, in component order: what the UI renders, translated by code. */
  explanation: Explanation[];
}

export interface ExcludedExpert {
  expertId: string;
  /** Every failing filter. Lists and reasons may be shared between experts: read-only. */
  reasons: readonly ExclusionReason[];
}

export interface CandidateRanking {
  ranked: RankedExpert[];
  /** The excluded experts, in input order, up to `excludedLimit`. */
  excluded: ExcludedExpert[];
  /** How many experts the hard filters keep off, and how many fail each filter (an expert may fail several). */
  excludedTotal: number;
  excludedByReason: Partial<Record<ExclusionCode, number>>;
}

export interface RankedCall {
  torId: string;
  score: number;
  components: ScoreComponent[];
  explanation: Explanation[];
}

export interface CallRanking {
  ranked: RankedCall[];
  excluded: { torId: string; reasons: readonly ExclusionReason[] }[];
}
