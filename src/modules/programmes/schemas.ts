import { z } from 'zod';
import { componentNames } from '../../matching/ranking/index.ts';
import { programmeStatuses } from './schema.ts';

/** `/programmes/{id}`. */
export const programmeParams = z.strictObject({ id: z.uuid() });

const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'An ISO 3166-1 alpha-2 code, e.g. MA' });
const sectorCode = z.string().regex(/^\d{5}$/, { error: 'A 5-digit OECD DAC purpose code, e.g. 11420' });

/** Every field a programme officer fills in; the reference checks (known countries, sectors) come after. */
const programmeFields = {
  /** Short stable code used in references and exports (e.g. `cd4d-ma`): lower case letters, digits, dashes. */
  code: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Lower case letters, digits and single dashes' }),
  /** The programme's name as people say it (e.g. "CD4D Maroc"). */
  name: z.string().trim().min(1).max(200),
  /** Who funds it (e.g. the Netherlands Ministry of Foreign Affairs). */
  donor: z.string().trim().min(1).max(200),
  /** Countries of origin served (ISO 3166-1 alpha-2). */
  countries: z.array(countryCode).min(1).max(50),
  /** First day of the programme. */
  startsOn: z.iso.date(),
  /** Last day, once known; not before `startsOn`. */
  endsOn: z.iso.date().nullable().optional(),
  /** planned, running or closed. */
  status: z.enum(programmeStatuses),
  /** OECD DAC 5-digit purpose codes the programme gives priority to. */
  prioritySectors: z.array(sectorCode).max(50).default([]),
  /** Where experts must live to apply (ISO 3166-1 alpha-2); empty means anywhere. */
  eligibleResidenceCountries: z.array(countryCode).max(100).default([]),
  /** What the programme does, for staff and for the public pages. */
  description: z.string().trim().max(5000).nullable().optional(),
  /**
   * Weights of the matching score's components (skills, sectors, occupation, languages, availability, experience,
   * evaluations, freshness) where the programme departs from the defaults; each 0–1, normalised to sum 1.
   */
  matchingWeights: z.partialRecord(z.enum(componentNames), z.number().min(0).max(1)).default({}),
};

export const programmeCreateBody = z.strictObject(programmeFields);
export type ProgrammeCreate = z.infer<typeof programmeCreateBody>;

/** Every field optional; what is sent replaces what was there. */
export const programmeUpdateBody = z.strictObject({
  code: programmeFields.code.optional(),
  name: programmeFields.name.optional(),
  donor: programmeFields.donor.optional(),
  countries: programmeFields.countries.optional(),
  startsOn: programmeFields.startsOn.optional(),
  endsOn: programmeFields.endsOn,
  status: programmeFields.status.optional(),
  prioritySectors: z.array(sectorCode).max(50).optional(),
  eligibleResidenceCountries: z.array(countryCode).max(100).optional(),
  description: programmeFields.description,
  matchingWeights: z.partialRecord(z.enum(componentNames), z.number().min(0).max(1)).optional(),
});
export type ProgrammeUpdate = z.infer<typeof programmeUpdateBody>;

export const programmeView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  donor: z.string(),
  countries: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: z.enum(programmeStatuses),
  prioritySectors: z.array(z.string()),
  eligibleResidenceCountries: z.array(z.string()),
  description: z.string().nullable(),
  /** The programme's departures from the default matching weights. */
  matchingWeights: z.record(z.string(), z.number()),
  updatedAt: z.string(),
  /** `programme.update` when the reader may change it. */
  allowedActions: z.array(z.string()),
});

export const programmeList = z.object({
  items: z.array(programmeView),
  /** `programme.create` when the reader may add programmes. */
  allowedActions: z.array(z.string()),
});
