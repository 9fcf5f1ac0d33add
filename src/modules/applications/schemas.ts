import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination.ts';
import { applicationStatuses } from './schema.ts';

export const idParams = z.strictObject({ id: z.uuid() });

/** An application to an open call. */
export const applyBody = z.strictObject({
  /** Why the expert fits this assignment, in their words (50 to 5,000 characters). */
  motivation: z.string().trim().min(50).max(5000),
  /** The expert confirms being available in the call's window; must be true. */
  availabilityConfirmed: z.boolean(),
  /** Which of the expert's CVs to share with the host if shortlisted (none: no CV shared). */
  cvDocumentId: z.uuid().optional(),
});
export type ApplyBody = z.infer<typeof applyBody>;

/** A status change. Experts may only withdraw; staff move an application through screening. */
export const transitionBody = z.strictObject({
  /** The status to move to. */
  to: z.enum(applicationStatuses),
  /**
   * Why (at most 2,000 characters). For `not_selected`, the applicant reads it on their application and in the
   * e-mail: write it for them.
   */
  reason: z.string().trim().min(1).max(2000).optional(),
});

/** The focal point's choice of a shortlisted applicant. */
export const hostSelectionBody = z.strictObject({
  /** Why the host chose this applicant (1 to 2,000 characters); staff read it before confirming. */
  reason: z.string().trim().min(1).max(2000),
});

const callSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  titleFr: z.string(),
  titleAr: z.string().nullable(),
  titleEn: z.string().nullable(),
  state: z.string(),
  deadlineAt: z.string(),
  windowStartsOn: z.string(),
  windowEndsOn: z.string(),
});

const applicant = z.object({
  id: z.uuid(),
  name: z.string(),
  headline: z.string().nullable(),
  languages: z.array(z.object({ language: z.string(), level: z.string() })),
  sectors: z.array(z.string()),
});

const event = z.object({
  from: z.enum(applicationStatuses).nullable(),
  to: z.enum(applicationStatuses),
  reason: z.string().nullable(),
  at: z.string(),
});

/**
 * One application as its reader may see it: the applicant sees their own with the history; staff also see scores
 * and the screening note; a focal point sees only what sharing allows (no scores, no note, no history).
 */
export const applicationView = z.object({
  id: z.uuid(),
  status: z.enum(applicationStatuses),
  version: z.number().int(),
  call: callSummary,
  motivation: z.string(),
  availabilityConfirmed: z.boolean(),
  cv: z.object({ id: z.uuid(), fileName: z.string() }).nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  applicant: applicant.optional(),
  events: z.array(event).optional(),
  scores: z.record(z.string(), z.number()).optional(),
  totalScore: z.number().int().nullable().optional(),
  screeningNote: z.string().nullable().optional(),
  hostSelection: z.object({ at: z.string(), reason: z.string().nullable() }).nullable().optional(),
  allowedActions: z.array(z.string()),
});

/** The expert's applications, newest first. */
export const myApplicationsView = z.object({ items: z.array(applicationView) });

/** A call's applications: staff see all with scores; the focal point sees the shared shortlist. */
export const callApplicationsView = z.object({
  items: z.array(applicationView),
  scoringCriteria: z.array(z.object({ id: z.string(), label: z.string(), weight: z.number().int() })),
  shortlistSharedAt: z.string().nullable(),
  expertsNeeded: z.number().int(),
  allowedActions: z.array(z.string()),
});

export const callApplicationsQuery = z.strictObject({
  /** `score`: highest total first (unscored last); `date`: newest first. */
  sort: z.enum(['score', 'date']).default('date'),
  status: z.enum(applicationStatuses).optional(),
});

/** The call's screening grid. */
export const scoringCriteriaBody = z.strictObject({
  criteria: z
    .array(
      z.strictObject({
        /** Stable id of the criterion (letters, digits, `-`, `_`); scores refer to it. */
        id: z.string().regex(/^[a-z0-9_-]{1,40}$/),
        /** What staff judge (1 to 200 characters). */
        label: z.string().trim().min(1).max(200),
        /** Relative weight, 1 to 100. */
        weight: z.number().int().min(1).max(100),
      }),
    )
    .max(10),
});

/** Scores of one application against the call's grid. */
export const scoresBody = z.strictObject({
  /** criterion id → 0 to 5; every criterion of the grid must be scored. */
  scores: z.record(z.string(), z.number().int().min(0).max(5)),
  /** Staff's private note (at most 5,000 characters), never shown to the applicant nor the host. */
  screeningNote: z.string().trim().max(5000).nullable().optional(),
});

export const shareView = z.object({ shortlistSharedAt: z.string(), shortlisted: z.number().int() });

export { pageOf, pageQuery };
