import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination.ts';
import { assignmentStates, modalities } from './schema.ts';
import { documentMediaTypes, fileResponse } from '../../http/openapi-media.ts';

/** The most attachments one ToR holds. */
export const maxAttachmentsPerAssignment = 10;

const isoDate = z.iso.date();
const cefr = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
const shortText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** A required skill as the form sends it. */
const skillInput = z.strictObject({
  /** The skill in the host's words. */
  label: shortText(120),
  /** A concept of the skills vocabulary; found from the label when absent. */
  conceptId: z.string().min(1).max(120).nullable().optional(),
});

/** A required language and the least CEFR level accepted. */
const languageInput = z.strictObject({
  /** ISO 639-1 code (or `ary`, `zgh`) of the reference list. */
  language: z.string().min(2).max(3),
  /** Lowest CEFR level accepted. */
  minLevel: cefr,
});

/** One line of the screening grid. */
const criterionInput = z.strictObject({
  /** A short stable key (letters, digits, `-`, `_`). */
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  /** What is scored, in the words staff use. */
  label: shortText(200),
  /** Relative weight, 1–100. */
  weight: z.number().int().min(1).max(100),
});

/** Every field a ToR form fills in; the create and update bodies are built from it. */
const fields = {
  /** Title in French (required), Arabic and English (optional). */
  titleFr: shortText(200),
  titleAr: optionalText(200),
  titleEn: optionalText(200),
  /** What the assignment is about, in French (required), Arabic and English (optional). */
  descriptionFr: shortText(10_000),
  descriptionAr: optionalText(10_000),
  descriptionEn: optionalText(10_000),
  /** A capacity need of the same institution and programme that the ToR answers. */
  needId: z.uuid().nullable().optional(),
  /** The need in the host's words, when no capacity need (or not only one) says it. */
  needStatement: optionalText(4_000),
  /** What the assignment should achieve. */
  objectives: z.array(shortText(500)).max(20).optional(),
  /** What the expert hands over; a call needs at least one. */
  deliverables: z.array(shortText(500)).max(20).optional(),
  /** Expertise asked for. */
  skills: z.array(skillInput).max(30).optional(),
  /** OECD DAC 5-digit purpose codes; a call needs at least one. */
  sectors: z
    .array(z.string().regex(/^\d{5}$/))
    .max(10)
    .optional(),
  /** ISCO-08 code of the occupation sought. */
  occupation: z.string().max(4).nullable().optional(),
  /** Languages required with their minimum level; a call needs at least one. */
  languages: z.array(languageInput).max(10).optional(),
  /** On site, online or hybrid. */
  modality: z.enum(modalities),
  /** HCP region code, required for on-site and hybrid work. */
  region: z.string().max(4).nullable().optional(),
  /** City of the work, required for on-site and hybrid work. */
  city: optionalText(120),
  /** First and last day of the window in which the work is done (ISO dates). */
  windowStartsOn: isoDate,
  windowEndsOn: isoDate,
  /** Working days of expert time, at most the calendar days of the window. */
  workingDays: z.number().int().min(1).max(366),
  /** How many experts are sought, 1–20. */
  expertsNeeded: z.number().int().min(1).max(20).optional(),
  /** Last day to apply (Morocco time, 23:59:59), before the window starts. */
  applicationDeadline: isoDate,
  /** SDG targets such as `4.4` or `16.a`. */
  sdgTargets: z.array(z.string().max(6)).max(10).optional(),
  /** The screening grid of the call. */
  scoringCriteria: z.array(criterionInput).max(10).optional(),
};

/** A new draft ToR. A focal point may leave out `institutionId` when they serve a single institution. */
export const createBody = z.strictObject({
  /** The programme the ToR belongs to (its code starts the reference). */
  programmeId: z.uuid(),
  /** The host institution; a focal point may only name their own. */
  institutionId: z.uuid().optional(),
  ...fields,
});
export type CreateBody = z.infer<typeof createBody>;

/** Changed fields of a ToR and the version the reader loaded. */
export const updateBody = z
  .strictObject(fields)
  .partial()
  .extend({
    /** The version read; a stale one is refused with 409 `version_conflict`. */
    version: z.number().int().min(1),
  });
export type UpdateBody = z.infer<typeof updateBody>;

export const transitionBody = z.strictObject({
  /** The state to move to. */
  to: z.enum(assignmentStates),
  /** Why: required to return or cancel; sent to the institution with a return. */
  comment: z.string().trim().max(4_000).optional(),
});

export const listQuery = z.strictObject({
  state: z.enum(assignmentStates).optional(),
  programmeId: z.uuid().optional(),
  institutionId: z.uuid().optional(),
  /** Words of the reference or the title. */
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['updated', 'deadline', 'reference', 'title']).default('updated'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...pageQuery,
});
export type ListQuery = z.infer<typeof listQuery>;

export const idParams = z.object({ id: z.uuid() });
export const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

const named = z.object({
  id: z.string(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  nameEn: z.string().nullable(),
});
const programmeRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const attachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  public: z.boolean(),
  uploadedAt: z.string(),
});

export const summaryView = z.object({
  id: z.string(),
  reference: z.string(),
  state: z.enum(assignmentStates),
  version: z.number().int(),
  titleFr: z.string(),
  titleAr: z.string().nullable(),
  titleEn: z.string().nullable(),
  programme: programmeRef,
  institution: named,
  modality: z.enum(modalities),
  windowStartsOn: z.string(),
  windowEndsOn: z.string(),
  applicationDeadline: z.string(),
  deadlineAt: z.string(),
  updatedAt: z.string(),
});

export const listView = pageOf(summaryView).extend({
  /** How many ToRs each state holds under the same filters, state aside (for the filter chips). */
  counts: z.record(z.string(), z.number().int()),
});

export const assignmentView = summaryView.extend({
  needId: z.string().nullable(),
  need: z.object({ id: z.string(), title: z.string() }).nullable(),
  descriptionFr: z.string(),
  descriptionAr: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  needStatement: z.string().nullable(),
  objectives: z.array(z.string()),
  deliverables: z.array(z.string()),
  skills: z.array(z.object({ label: z.string(), conceptId: z.string().nullable() })),
  sectors: z.array(z.string()),
  occupation: z.string().nullable(),
  languages: z.array(z.object({ language: z.string(), minLevel: cefr })),
  region: z.string().nullable(),
  city: z.string().nullable(),
  workingDays: z.number().int(),
  expertsNeeded: z.number().int(),
  sdgTargets: z.array(z.string()),
  scoringCriteria: z.array(z.object({ id: z.string(), label: z.string(), weight: z.number().int() })),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The comment of the latest return, while the ToR is returned. */
  returnComment: z.string().nullable(),
  attachments: z.array(attachmentView),
  /** What the reader may do with this ToR: `assignment.edit`, `assignment.submit`, `assignment.cancel`… */
  allowedActions: z.array(z.string()),
  /** The fields the reader may change now (only `applicationDeadline` once the call is open). */
  editableFields: z.array(z.string()),
});

export const historyView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      from: z.enum(assignmentStates),
      to: z.enum(assignmentStates),
      comment: z.string().nullable(),
      actor: z.object({ id: z.string(), name: z.string() }).nullable(),
      at: z.string(),
    }),
  ),
});

/** The file itself; described as binary in the API document. */
export const attachmentContent = fileResponse('The attached file (PDF or DOCX), as an attachment', documentMediaTypes);

export const deletedView = z.object({ status: z.literal('deleted') });

/** What the ToR form offers: running programmes, the institutions the reader drafts for, their capacity needs. */
export const formOptionsView = z.object({
  programmes: z.array(programmeRef),
  institutions: z.array(named),
  needs: z.array(z.object({ id: z.string(), title: z.string(), institutionId: z.string(), programmeId: z.string() })),
});
