import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination.ts';
import { institutionKinds, institutionTypes } from './schema.ts';

/** `/institutions/{id}`. */
export const institutionParams = z.strictObject({ id: z.uuid() });

const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'An ISO 3166-1 alpha-2 code, e.g. MA' });
const regionCode = z.string().regex(/^\d{2}$/, { error: 'An HCP region code, e.g. 04' });
const provinceCode = z.string().regex(/^\d{2}\.\d{3}$/, { error: 'An HCP province code, e.g. 04.421' });
const sectorCode = z.string().regex(/^\d{5}$/, { error: 'A 5-digit OECD DAC purpose code, e.g. 11420' });
const optionalName = z.string().trim().min(1).max(300).nullable().optional();

export const institutionSorts = ['name', '-name', 'country', '-updatedAt'] as const;

export const institutionListQuery = z.strictObject({
  ...pageQuery,
  /** Host institutions (country of origin) or partner institutions abroad. */
  kind: z.enum(institutionKinds).optional(),
  type: z.enum(institutionTypes).optional(),
  country: countryCode.optional(),
  /** HCP region code (Moroccan institutions). */
  region: regionCode.optional(),
  /** Part of a name, in any of its languages. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(institutionSorts).default('name'),
});
export type InstitutionListQuery = z.infer<typeof institutionListQuery>;

const institutionFields = {
  /** host: in the country of origin, asks for expertise; partner: abroad (a Dutch university, a hospital…). */
  kind: z.enum(institutionKinds),
  /** ministry, agency, university, hospital, ngo, private or other. */
  type: z.enum(institutionTypes),
  /** Official name in French (required: the programme's working language). */
  nameFr: z.string().trim().min(1).max(300),
  /** Official name in Arabic. */
  nameAr: optionalName,
  /** Name in English. */
  nameEn: optionalName,
  /** ISO 3166-1 alpha-2 country. */
  country: countryCode,
  /** HCP region code; required for a host institution in Morocco. */
  region: regionCode.nullable().optional(),
  /** HCP province or préfecture code; must belong to the region. */
  province: provinceCode.nullable().optional(),
  /** City or town. */
  city: z.string().trim().min(1).max(120).nullable().optional(),
  /** OECD DAC 5-digit purpose codes of the institution's fields. */
  sectors: z.array(sectorCode).max(30).default([]),
  /** Public web site, http or https only. */
  website: z.string().trim().max(500).nullable().optional(),
};

export const institutionCreateBody = z.strictObject(institutionFields);
export type InstitutionCreate = z.infer<typeof institutionCreateBody>;

/** Every field optional; what is sent replaces what was there; the merged record is checked as a whole. */
export const institutionUpdateBody = z.strictObject({
  kind: institutionFields.kind.optional(),
  type: institutionFields.type.optional(),
  nameFr: institutionFields.nameFr.optional(),
  nameAr: institutionFields.nameAr,
  nameEn: institutionFields.nameEn,
  country: institutionFields.country.optional(),
  region: institutionFields.region,
  province: institutionFields.province,
  city: institutionFields.city,
  sectors: z.array(sectorCode).max(30).optional(),
  website: institutionFields.website,
});
export type InstitutionUpdate = z.infer<typeof institutionUpdateBody>;

export const institutionView = z.object({
  id: z.string(),
  kind: z.enum(institutionKinds),
  type: z.enum(institutionTypes),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  nameEn: z.string().nullable(),
  country: z.string(),
  region: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  sectors: z.array(z.string()),
  website: z.string().nullable(),
  updatedAt: z.string(),
  /** What the reader may do with it: institution.update, focal_points.read, plan.read, plan.edit, need.propose… */
  allowedActions: z.array(z.string()),
});

export const institutionPage = pageOf(institutionView).extend({
  /** `institution.create` when the reader may add institutions. */
  allowedActions: z.array(z.string()),
});

export const focalPointView = z.object({
  id: z.string(),
  name: z.string(),
  /** Staff only; a focal point reading their institution's list sees names, not addresses. */
  email: z.string().nullable(),
  status: z.enum(['active', 'invited', 'disabled']),
});
export const focalPointList = z.object({ items: z.array(focalPointView) });
