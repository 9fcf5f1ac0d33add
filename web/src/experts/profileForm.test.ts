import { describe, expect, it } from 'vitest';
import { comparable, formValuesOf, patchOf } from './profileForm.ts';
import type { ProfileView } from './types.ts';

const profile = {
  firstName: 'Salma',
  lastName: 'Bennani',
  nameAr: null,
  gender: 'female',
  birthDate: null,
  phone: null,
  nationalities: ['MA', 'NL'],
  residenceCountry: 'NL',
  residenceCity: null,
  originCountry: 'MA',
  occupation: null,
  sectors: ['11420'],
  preferredRegions: [],
  headline: null,
  summary: null,
  languages: [{ language: 'nl', level: 'C1' }],
  education: [{ id: 'e1', degree: 'Master', field: null, institution: 'UvA', country: 'NL', yearCompleted: 2010 }],
  experience: [],
  skills: [{ id: 's1', label: 'gestion de projet', conceptId: 'project-management', source: 'manual' }],
  availability: [],
} as unknown as ProfileView;

describe('profile form values', () => {
  it('round-trips a profile into the PATCH body, empty text back to null', () => {
    const values = formValuesOf(profile);
    values.residenceCity = '  ';
    expect(patchOf(values)).toMatchObject({
      nameAr: null,
      residenceCity: null,
      languages: [{ language: 'nl', level: 'C1' }],
      education: [{ degree: 'Master', field: null, institution: 'UvA', country: 'NL', yearCompleted: 2010 }],
      skills: [{ label: 'gestion de projet', conceptId: 'project-management' }],
    });
  });

  it('keeps an incomplete row in place, so the server error lands on its index', () => {
    const values = formValuesOf(profile);
    values.languages.push({ key: 'new', language: 'en', level: null });
    expect(patchOf(values).languages[1]).toEqual({ language: 'en', level: '' });
  });

  it('compares values without the client-only row keys', () => {
    expect(comparable(formValuesOf(profile))).toBe(comparable(formValuesOf(profile)));
  });
});
