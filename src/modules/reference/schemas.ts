import { z } from 'zod';
import { locales } from './data/types.ts';

/** `?locale=`: the language of the labels; French when absent. */
export const localeQuery = z
  .object({
    /** The reader's language: fr (default), ar, en or nl. */
    locale: z.enum(locales).default('fr').describe('Language of the labels'),
  })
  .strict();

const leaf = z.object({
  /** The code in its standard (ISO 3166-1, HCP, DAC, ISCO-08, ISO 639). */
  code: z.string(),
  /** The name in the requested locale. */
  label: z.string(),
  /** The code of the item this one belongs to. */
  parent: z.string().optional(),
});

/** A flat reference list. */
export const flatListResponse = z.object({ items: z.array(leaf) });

/** A two-level list: regions with their provinces, sector categories with their sectors. */
export const twoLevelResponse = z.object({ items: z.array(leaf.extend({ children: z.array(leaf) })) });

// ISCO-08 has four fixed levels; written out rather than recursive so the OpenAPI document stays plain.
const minorGroup = leaf.extend({ children: z.array(leaf) });
const subMajorGroup = leaf.extend({ children: z.array(minorGroup) });

/** The ISCO-08 tree: major → sub-major → minor → unit groups. */
export const occupationsResponse = z.object({
  items: z.array(leaf.extend({ children: z.array(subMajorGroup) })),
});

/** Languages, the programmes' working languages first (`featured`), then the rest alphabetically; CEFR levels. */
export const languagesResponse = z.object({
  items: z.array(leaf.extend({ featured: z.boolean().optional().describe('Offered first in pickers') })),
  /** CEFR levels A1–C2 with their names in the requested locale. */
  levels: z.array(z.object({ code: z.string(), label: z.string() })),
});

/** `GET /api/skills/suggest` query. */
export const suggestQuery = z
  .object({
    /** What the user has typed so far, in any of the four languages. */
    q: z.string().min(1).max(100),
    /** The reader's language: labels are returned in it and its matches rank first. */
    locale: z.enum(locales).default('fr'),
    /** At most this many suggestions (1–50, default 10). */
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();

/** Suggested concepts, best first. */
export const suggestResponse = z.object({
  items: z.array(
    z.object({
      /** Concept key, stored with the expert's skill. */
      key: z.string(),
      /** Preferred label in the reader's locale. */
      label: z.string(),
      /** DAC 5-digit sector codes of the concept. */
      sectors: z.array(z.string()),
      /** The labels or synonyms that matched the typed text, with their language. */
      matched: z.array(z.object({ locale: z.enum(locales), text: z.string() })),
    }),
  ),
});
