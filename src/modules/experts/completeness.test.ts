import { describe, expect, it } from 'vitest';
import { computeCompleteness, type CompletenessInput } from './completeness.ts';

const empty: CompletenessInput = {
  firstName: 'Youssef',
  lastName: '',
  gender: 'undisclosed',
  residenceCountry: null,
  originCountry: null,
  occupation: null,
  sectors: [],
  languageCount: 0,
  educationCount: 0,
  experienceCount: 0,
  skillCount: 0,
  availabilityEndsOn: [],
  hasCv: false,
};
const full: CompletenessInput = {
  firstName: 'Youssef',
  lastName: 'Amrani',
  gender: 'male',
  residenceCountry: 'NL',
  originCountry: 'MA',
  occupation: '2211',
  sectors: ['12110'],
  languageCount: 2,
  educationCount: 1,
  experienceCount: 1,
  skillCount: 3,
  availabilityEndsOn: ['2030-01-31'],
  hasCv: false,
};
const today = '2026-06-01';

describe('profile completeness', () => {
  it('lists every missing part of a new profile, in order; "prefer not to say" counts as an answer', () => {
    expect(computeCompleteness(empty, today)).toEqual({
      percent: 8,
      missing: [
        'name',
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
      ],
    });
  });

  it('keeps the CV missing and the percent below 100 until documents exist', () => {
    expect(computeCompleteness(full, today)).toEqual({ percent: 91, missing: ['cv'] });
    expect(computeCompleteness({ ...full, hasCv: true }, today)).toEqual({ percent: 100, missing: [] });
  });

  it('counts only availability windows that have not ended', () => {
    const past = computeCompleteness({ ...full, availabilityEndsOn: ['2026-05-31'] }, today);
    expect(past.missing).toEqual(['availability', 'cv']);
    expect(computeCompleteness({ ...full, availabilityEndsOn: [today] }, today).missing).toEqual(['cv']);
  });

  it('needs both names, and never reports more than 100 or less than 0', () => {
    expect(computeCompleteness({ ...full, lastName: ' ' }, today).missing).toContain('name');
    for (const input of [empty, full, { ...full, hasCv: true }]) {
      const { percent } = computeCompleteness(input, today);
      expect(percent).toBeGreaterThanOrEqual(0);
      expect(percent).toBeLessThanOrEqual(100);
    }
  });
});
