import { z } from 'zod';
import { pageOf, pageQuery } from '../../../http/pagination.ts';
import { cefrLevels, genders, profileOrigins, vettingStatuses } from '../schema.ts';
import { rosterRow } from '../schemas.ts';
import { normaliseTag } from '../staff/tags.ts';

/** A query parameter given once or repeated (`?sector=11110&sector=12220`), always read as a list. */
function repeatable<T extends z.ZodType>(item: T, max = 20) {
  return z
    .union([item, z.array(item).max(max)])
    .transform((value): z.output<T>[] => (Array.isArray(value) ? value : [value]))
    .optional();
}

const isoDate = z.iso.date();

/** The filters of `GET /api/experts`, without pagination: also what a saved search stores. */
export const rosterFilterFields = {
  /** Free text: names in any spelling or script, and words of the profile in fr, en, nl or ar. */
  q: z.string().trim().max(200).optional(),
  /** OECD DAC 5-digit sector codes; an expert matches when they work in any of them. */
  sector: repeatable(z.string().regex(/^\d{5}$/, { error: 'A 5-digit DAC sector code' })),
  /** ISCO-08 code or prefix (1 to 4 digits): `22` finds every health professional. */
  occupation: z
    .string()
    .regex(/^\d{1,4}$/, { error: 'An ISCO-08 code or prefix' })
    .optional(),
  /** ISO 639 code of a language the expert speaks. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, { error: 'An ISO 639 language code' })
    .optional(),
  /** Lowest CEFR level in `language` (needs `language`). */
  minLevel: z.enum(cefrLevels).optional(),
  /** ISO 3166-1 alpha-2 countries of residence; any of them. */
  residenceCountry: repeatable(z.string().regex(/^[A-Z]{2}$/, { error: 'A two-letter country code' })),
  /** First day of the period the expert must be available in (a window overlapping it, edges included). */
  availableFrom: isoDate.optional(),
  /** Last day of that period. */
  availableTo: isoDate.optional(),
  /** Only windows open to this kind of work; without dates, windows not yet over. */
  modality: z.enum(['on_site', 'online']).optional(),
  gender: z.enum(genders).optional(),
  vettingStatus: z.enum(vettingStatuses).optional(),
  /** How the profile came in: the expert registered, or staff imported it. */
  origin: z.enum(profileOrigins).optional(),
  /** Staff tags; repeated, an expert must have every one. Normalised as tags are stored (trimmed, lower case). */
  tag: repeatable(z.string().max(200).transform(normaliseTag).pipe(z.string().min(1))),
  /** `true`: only profiles flagged stale (unconfirmed for a year); `false`: only current ones. */
  stale: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** `relevance` (the default with `q`), `name` (the default without), `-updatedAt` (recently changed first). */
  sort: z.enum(['relevance', 'name', '-updatedAt']).optional(),
};

function checkFilter(
  value: { minLevel?: unknown; language?: unknown; availableFrom?: string; availableTo?: string },
  ctx: z.RefinementCtx,
) {
  if (value.minLevel && !value.language) {
    ctx.addIssue({ code: 'custom', path: ['minLevel'], message: 'A minimum level needs a language' });
  }
  if (value.availableFrom && value.availableTo && value.availableFrom > value.availableTo) {
    ctx.addIssue({ code: 'custom', path: ['availableTo'], message: 'The period ends before it starts' });
  }
}

/** The query string of `GET /api/experts`. */
export const rosterQuery = z.strictObject({ ...rosterFilterFields, ...pageQuery }).superRefine(checkFilter);
export type RosterQuery = z.output<typeof rosterQuery>;

const facetCounts = z.array(z.object({ value: z.string(), count: z.number().int() }));

/** The facets counted over a search's matches (`tag`: the most frequent 50). */
export const facetNames = [
  'sector',
  'residenceCountry',
  'gender',
  'language',
  'vettingStatus',
  'origin',
  'tag',
] as const;

/** A page of roster rows, the total, and the counts of each facet value over the whole result. */
export const rosterPage = pageOf(rosterRow).extend({
  facets: z.object(
    Object.fromEntries(facetNames.map((name) => [name, facetCounts])) as Record<
      (typeof facetNames)[number],
      typeof facetCounts
    >,
  ),
});
export type RosterPage = z.infer<typeof rosterPage>;

/** The stored form of a saved search: query parameters as the URL carries them. */
const savedQuery = z
  .record(z.string().max(40), z.union([z.string().max(200), z.array(z.string().max(200)).max(20)]))
  .superRefine((value, ctx) => {
    const parsed = z.strictObject(rosterFilterFields).superRefine(checkFilter).safeParse(value);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom' });
  });

export const savedSearchBody = z.strictObject({
  /** What the staff member calls this search. */
  name: z.string().trim().min(1).max(100),
  /** The search's query parameters (those of GET /api/experts, without page and pageSize). */
  query: savedQuery,
});

export const savedSearchView = z.object({
  id: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  createdAt: z.string(),
});

export const savedSearchList = z.object({ items: z.array(savedSearchView) });

export const idParams = z.strictObject({ id: z.uuid() });

export const deletedResponse = z.object({ status: z.literal('deleted') });

const personRef = z.object({
  userId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  nameAr: z.string().nullable(),
});

/** Why two profiles look like one person. */
export const duplicateReason = z.object({
  /** `name`: the same full name across spellings or scripts; `phone`, `email` (same local part); `birth_date` with a similar name. */
  code: z.enum(['name', 'phone', 'email', 'birth_date']),
  /** For names: the name keys both produce, with the words behind each. */
  keys: z.array(z.object({ key: z.string(), left: z.string(), right: z.string() })).optional(),
});

export const duplicatePair = z.object({
  left: personRef,
  right: personRef,
  /** 0–1: how likely the two are one person, from the independent reasons found. */
  confidence: z.number().min(0).max(1),
  reasons: z.array(duplicateReason),
});

export const duplicatesQuery = z.strictObject({ ...pageQuery });
export const duplicatesPage = pageOf(duplicatePair);
