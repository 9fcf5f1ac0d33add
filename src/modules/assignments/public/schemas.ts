import { z } from 'zod';
import { pageOf, pageQuery } from '../../../http/pagination.ts';
import { locales } from '../../reference/data/types.ts';
import { modalities } from '../schema.ts';
import { documentMediaTypes, fileResponse } from '../../../http/openapi-media.ts';

/** A query parameter given once or repeated (`?sector=11110&sector=12220`), always read as a list. */
function repeatable<T extends z.ZodType>(item: T, max = 20) {
  return z
    .union([item, z.array(item).max(max)])
    .transform((value): z.output<T>[] => (Array.isArray(value) ? value : [value]))
    .optional();
}

/** `?lang=`: which language of the title and description to return; French when absent. */
const lang = z.enum(locales).default('fr').describe('Language of titles and descriptions (French when missing)');

/** `?lang=` alone: the detail, the feed and the calendar file. */
export const langQuery = z.object({ lang }).strict();

/** The query string of `GET /api/public/calls`. */
export const callListQuery = z
  .object({
    /** OECD DAC 5-digit sector codes; a call matches when it lists any of them. */
    sector: repeatable(z.string().regex(/^\d{5}$/, { error: 'A 5-digit DAC sector code' })),
    /** On site, online or hybrid. */
    modality: z.enum(modalities).optional(),
    /** ISO 3166-1 alpha-2 country of the host institution. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, { error: 'A two-letter country code' })
      .optional(),
    /** ISO 639 code of a language the call requires. */
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, { error: 'An ISO 639 language code' })
      .optional(),
    /** Words of the title, in any of its languages; every word must appear. */
    q: z.string().trim().max(200).optional(),
    lang,
    /** `deadline` (closing soonest first, the default) or `newest` (published most recently first). */
    sort: z.enum(['deadline', 'newest']).default('deadline'),
    page: pageQuery.page,
    /** Calls per page, at most 50. */
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type CallListQuery = z.output<typeof callListQuery>;

export const callParams = z.object({ id: z.uuid() }).strict();
export const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() }).strict();

const served = z.enum(locales).describe('The language the title and description are in (French when lang had none)');
const deadline = {
  /** Last day to apply, Morocco time. */
  applicationDeadline: z.iso.date(),
  /** The instant applications close. */
  deadlineAt: z.iso.datetime({ offset: true }),
};

/** One open call as listed: what a reader needs to decide whether to open it. */
export const callSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  lang: served,
  title: z.string(),
  summary: z.string().describe('The beginning of the description, at most about 240 characters'),
  institution: z.string().describe('The host institution, in the asked language when it has that name'),
  country: z.string(),
  region: z.string().nullable().describe('HCP region code'),
  city: z.string().nullable(),
  modality: z.enum(modalities),
  windowStartsOn: z.iso.date(),
  windowEndsOn: z.iso.date(),
  workingDays: z.number().int(),
  expertsNeeded: z.number().int(),
  ...deadline,
  sectors: z.array(z.string()),
  languages: z.array(z.string()).describe('ISO 639 codes of the required languages'),
});
export type CallSummary = z.infer<typeof callSummary>;

export const callList = pageOf(callSummary).extend({ sort: z.enum(['deadline', 'newest']) });

const attachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  /** Path of the download, under /api. */
  href: z.string(),
});

/** A call's public page. `status` is `closed` once the deadline has passed or the selection is done. */
export const callDetail = callSummary.omit({ summary: true, languages: true }).extend({
  status: z.enum(['open', 'closed']),
  description: z.string(),
  objectives: z.array(z.string()),
  deliverables: z.array(z.string()),
  skills: z.array(z.string()).describe('Required skills, labelled in the asked language when from the vocabulary'),
  occupation: z.string().nullable().describe('ISCO-08 unit group code'),
  languages: z.array(z.object({ language: z.string(), minLevel: z.string() })),
  sdgTargets: z.array(z.string()),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  attachments: z.array(attachment),
});
export type CallDetail = z.infer<typeof callDetail>;

export const notModified = z.null().describe('Not modified: the copy named by If-None-Match is current');
export const atomFeed = fileResponse('An Atom 1.0 feed of the open calls', ['application/atom+xml']);
export const icsFile = fileResponse('An iCalendar file with one VEVENT: the deadline', ['text/calendar']);
export const attachmentContent = fileResponse('The attachment (PDF or DOCX), as an attachment', documentMediaTypes);
