import { z } from 'zod';
import { pageOf, pageQuery } from '../../../http/pagination.ts';
import { vettingOutcomes, vettingStatuses, vettingSubjects } from '../schema.ts';

/** `/experts/{id}/…`: the expert's account id. */
export const expertParams = z.strictObject({ id: z.uuid() });
/** `/experts/{id}/notes/{noteId}`. */
export const noteParams = z.strictObject({ id: z.uuid(), noteId: z.uuid() });

/** A staff member as other staff see them on the staff side: who checked, who wrote. */
export const staffRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const vettingCheckView = z.object({
  id: z.string(),
  subject: z.enum(vettingSubjects),
  outcome: z.enum(vettingOutcomes),
  note: z.string().nullable(),
  /** Null when the staff account no longer exists. */
  checkedBy: staffRef,
  checkedAt: z.string(),
});

/** The vetting state: the status, the latest check per subject with its history, and what the reader may do. */
export const vettingView = z.object({
  status: z.enum(vettingStatuses),
  subjects: z.array(
    z.object({
      subject: z.enum(vettingSubjects),
      /** The latest check, which is the subject's current state; null until someone checks it. */
      current: vettingCheckView.nullable(),
      /** Every check, newest first (the current one included). */
      history: z.array(vettingCheckView),
    }),
  ),
  /** Whether every subject's latest check is "verified", which "vetted" requires. */
  readyToVet: z.boolean(),
  allowedActions: z.array(z.string()),
});

export const vettingCheckBody = z.strictObject({
  /** What was checked: the documents (CV, diplomas) or the references. */
  subject: z.enum(vettingSubjects),
  /** What the check found. */
  outcome: z.enum(vettingOutcomes),
  /** What was checked and how, for the colleagues who read it later. */
  note: z.string().trim().max(2000).nullable().optional(),
});

export const vettingStatusBody = z.strictObject({
  /** The new vetting status; "vetted" needs every subject verified. */
  status: z.enum(vettingStatuses),
  /** The status the reader saw; if someone changed it since, the change is refused instead of overwriting theirs. */
  expectedStatus: z.enum(vettingStatuses),
});

export const noteView = z.object({
  id: z.string(),
  body: z.string(),
  /** Null when the author's account no longer exists. */
  author: staffRef,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** `note.update`, `note.delete` when the reader may. */
  allowedActions: z.array(z.string()),
});

export const notesQuery = z.strictObject({ ...pageQuery });
export const notesPage = pageOf(noteView).extend({ allowedActions: z.array(z.string()) });

export const noteBody = z.strictObject({
  /** The note; private to programme staff, never shown to the expert. */
  body: z.string().trim().min(1).max(4000),
});

export const deletedResponse = z.object({ status: z.literal('deleted') });

/** Longest tag and most tags on one profile, after normalisation. */
export const tagLimits = { length: 40, count: 20 } as const;

export const tagView = z.object({ tag: z.string(), addedBy: staffRef, addedAt: z.string() });
export const expertTagsView = z.object({ tags: z.array(tagView), allowedActions: z.array(z.string()) });

export const tagsBody = z.strictObject({
  /** The whole list of tags (it replaces the current one); each is trimmed, lower-cased and its spaces collapsed. */
  tags: z.array(z.string().max(200)).max(100),
});

/** Every tag in use on the roster with how many experts carry it, most used first. */
export const tagCounts = z.object({ items: z.array(z.object({ tag: z.string(), count: z.number().int() })) });
