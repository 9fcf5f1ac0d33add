import type { z } from 'zod';
import type { completenessView } from './schemas.ts';

export type CompletenessKey = z.infer<typeof completenessView>['missing'][number];

/** The facts completeness is computed from: plain data, so the rule is tested without a database. */
export interface CompletenessInput {
  firstName: string;
  lastName: string;
  gender: string;
  residenceCountry: string | null;
  originCountry: string | null;
  occupation: string | null;
  sectors: readonly string[];
  languageCount: number;
  educationCount: number;
  experienceCount: number;
  skillCount: number;
  /** End dates (YYYY-MM-DD) of the availability windows. */
  availabilityEndsOn: readonly string[];
  /** Whether a CV is on file (a document of kind `cv`). */
  hasCv: boolean;
}

/**
 * Each part of a complete profile, in the order the expert is asked to fill it. Gender counts as given whatever
 * the value: "prefer not to say" is an answer, and pressing people to disclose it would be wrong (the column has
 * no "not answered yet" value to tell the two apart).
 */
const checks: readonly [CompletenessKey, (input: CompletenessInput, today: string) => boolean][] = [
  ['name', (p) => p.firstName.trim() !== '' && p.lastName.trim() !== ''],
  ['gender', () => true],
  ['residence', (p) => p.residenceCountry !== null],
  ['origin', (p) => p.originCountry !== null],
  ['languages', (p) => p.languageCount > 0],
  ['education', (p) => p.educationCount > 0],
  ['experience', (p) => p.experienceCount > 0],
  ['sectors', (p) => p.sectors.length > 0],
  ['occupation', (p) => p.occupation !== null],
  ['skills', (p) => p.skillCount > 0],
  // Only a window that has not ended yet says anything useful to staff planning a mission.
  ['availability', (p, today) => p.availabilityEndsOn.some((endsOn) => endsOn >= today)],
  ['cv', (p) => p.hasCv],
];

/**
 * How complete a profile is and what is missing. Every part weighs the same, the CV included: a profile without
 * a CV on file tops out below 100 %, which is the honest figure.
 * @param today the current date, YYYY-MM-DD (availability windows that ended before it do not count)
 */
export function computeCompleteness(input: CompletenessInput, today: string): z.infer<typeof completenessView> {
  const missing = checks.filter(([, isPresent]) => !isPresent(input, today)).map(([key]) => key);
  return { percent: Math.floor((100 * (checks.length - missing.length)) / checks.length), missing };
}
