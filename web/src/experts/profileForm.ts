import type {
  AvailabilityEntry,
  CefrLevel,
  CompletenessKey,
  EducationEntry,
  ExperienceEntry,
  Gender,
  ProfileView,
  SkillEntry,
} from './types.ts';

/** Repeatable rows carry a client-side key so React keeps each row's inputs (and focus) when one is removed. */
export type Row<T> = T & { key: string };

export interface EducationRow {
  degree: string;
  field: string;
  institution: string;
  country: string | null;
  yearCompleted: string;
}
export interface ExperienceRow {
  title: string;
  employer: string;
  country: string | null;
  startsOn: string;
  endsOn: string;
  description: string;
}

/** The form's values: text inputs hold strings ('' for empty), the patch turns them back into nulls. */
export interface ProfileFormValues {
  firstName: string;
  lastName: string;
  nameAr: string;
  gender: Gender;
  birthDate: string;
  phone: string;
  nationalities: string[];
  residenceCountry: string | null;
  residenceCity: string;
  originCountry: string | null;
  occupation: string | null;
  sectors: string[];
  preferredRegions: string[];
  headline: string;
  summary: string;
  languages: Row<{ language: string | null; level: CefrLevel | null }>[];
  education: Row<EducationRow>[];
  experience: Row<ExperienceRow>[];
  skills: SkillEntry[];
  availability: Row<{ startsOn: string; endsOn: string; onSite: boolean; online: boolean }>[];
}

let counter = 0;
/** A key unique within the page's lifetime; rows never leave the browser with it. */
export function rowKey(): string {
  counter += 1;
  return `row-${counter}`;
}

const text = (value: string | null | undefined) => value ?? '';
const orNull = (value: string) => (value.trim() ? value.trim() : null);

export function formValuesOf(profile: ProfileView): ProfileFormValues {
  return {
    firstName: profile.firstName,
    lastName: profile.lastName,
    nameAr: text(profile.nameAr),
    gender: profile.gender,
    birthDate: text(profile.birthDate),
    phone: text(profile.phone),
    nationalities: profile.nationalities,
    residenceCountry: profile.residenceCountry,
    residenceCity: text(profile.residenceCity),
    originCountry: profile.originCountry,
    occupation: profile.occupation,
    sectors: profile.sectors,
    preferredRegions: profile.preferredRegions,
    headline: text(profile.headline),
    summary: text(profile.summary),
    languages: profile.languages.map((entry) => ({ ...entry, key: rowKey() })),
    education: profile.education.map((entry) => ({
      key: rowKey(),
      degree: entry.degree,
      field: text(entry.field),
      institution: entry.institution,
      country: entry.country ?? null,
      yearCompleted: entry.yearCompleted ? String(entry.yearCompleted) : '',
    })),
    experience: profile.experience.map((entry) => ({
      key: rowKey(),
      title: entry.title,
      employer: entry.employer,
      country: entry.country ?? null,
      startsOn: entry.startsOn,
      endsOn: text(entry.endsOn),
      description: text(entry.description),
    })),
    skills: profile.skills.map(({ label, conceptId }) => ({ label, conceptId: conceptId ?? null })),
    availability: profile.availability.map((entry) => ({
      key: rowKey(),
      startsOn: entry.startsOn,
      endsOn: entry.endsOn,
      onSite: entry.onSite,
      online: entry.online,
    })),
  };
}

/**
 * The PATCH body: every field sent, lists replaced whole (the server's rule). Incomplete rows are still sent, so
 * the server names the missing field at its index and the error lands on the right row.
 */
export function patchOf(values: ProfileFormValues) {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    nameAr: orNull(values.nameAr),
    gender: values.gender,
    birthDate: orNull(values.birthDate),
    phone: orNull(values.phone),
    nationalities: values.nationalities,
    residenceCountry: values.residenceCountry || null,
    residenceCity: orNull(values.residenceCity),
    originCountry: values.originCountry || null,
    occupation: values.occupation || null,
    sectors: values.sectors,
    preferredRegions: values.preferredRegions,
    headline: orNull(values.headline),
    summary: orNull(values.summary),
    languages: values.languages.map(({ language, level }) => ({ language: language ?? '', level: level ?? '' })),
    education: values.education.map((row): EducationEntry => ({
      degree: row.degree.trim(),
      field: orNull(row.field),
      institution: row.institution.trim(),
      country: row.country || null,
      yearCompleted: row.yearCompleted ? Number(row.yearCompleted) : null,
    })),
    experience: values.experience.map((row): ExperienceEntry => ({
      title: row.title.trim(),
      employer: row.employer.trim(),
      country: row.country || null,
      startsOn: row.startsOn,
      endsOn: orNull(row.endsOn),
      description: orNull(row.description),
    })),
    skills: values.skills.map(({ label, conceptId }) => ({ label, conceptId: conceptId ?? null })),
    availability: values.availability.map(({ startsOn, endsOn, onSite, online }): AvailabilityEntry => ({
      startsOn,
      endsOn,
      onSite,
      online,
    })),
  };
}

/** Values compared without row keys, which differ between two loads of the same profile. */
export function comparable(values: ProfileFormValues): string {
  return JSON.stringify(patchOf(values));
}

/** The form section (its anchor id) that fixes each missing item of the completeness indicator. */
export const sectionOf: Record<CompletenessKey, string> = {
  name: 'section-identity',
  gender: 'section-identity',
  residence: 'section-residence',
  origin: 'section-residence',
  languages: 'section-languages',
  education: 'section-education',
  experience: 'section-experience',
  sectors: 'section-expertise',
  occupation: 'section-expertise',
  skills: 'section-skills',
  availability: 'section-availability',
  cv: 'section-documents',
};
