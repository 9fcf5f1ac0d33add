import { z } from 'zod';
import { capacityNeedPriorities, capacityNeedStatuses } from './schema.ts';

/** `/institutions/{id}/outcomes/{outcomeId}`. */
export const outcomeParams = z.strictObject({ id: z.uuid(), outcomeId: z.uuid() });
/** `/institutions/{id}/needs/{needId}`. */
export const needParams = z.strictObject({ id: z.uuid(), needId: z.uuid() });

export const planQuery = z.strictObject({
  /**
   * The programme whose plan to read: an institution has one development plan per programme. Required; checked
   * after access, so that a reader without access to plans learns nothing from the validation.
   */
  programmeId: z.uuid().optional(),
});

const statement = z.string().trim().min(1).max(1000);
const position = z.number().int().min(1).max(1000);

export const outcomeCreateBody = z.strictObject({
  /** The programme the plan belongs to. */
  programmeId: z.uuid(),
  /** What the institution will be able to do once its needs are met ("Universities run accredited e-learning"). */
  statement,
  /** Place in the plan (1 = first); the end of the plan when omitted. Later outcomes move down. */
  position: position.optional(),
});

export const outcomeUpdateBody = z.strictObject({
  /** The outcome's new wording. */
  statement: statement.optional(),
  /** New place in the plan (1 = first); the others close up around it. */
  position: position.optional(),
});

const needFields = {
  /** Short name of the capacity gap ("Quality assurance of online courses"). */
  title: z.string().trim().min(1).max(200),
  /** What is missing today, who is affected, what a mission should leave behind. */
  description: z.string().trim().max(5000).nullable().optional(),
  /** high, medium or low. */
  priority: z.enum(capacityNeedPriorities),
  /** open, in_progress, met or dropped. */
  status: z.enum(capacityNeedStatuses),
  /** The outcome of the plan this need serves; null when not (yet) tied to one. */
  outcomeId: z.uuid().nullable().optional(),
};

export const needCreateBody = z.strictObject({
  /** The programme the plan belongs to. */
  programmeId: z.uuid(),
  title: needFields.title,
  description: needFields.description,
  priority: needFields.priority.default('medium'),
  /** Staff only; a focal point's proposal is always `open`. */
  status: needFields.status.optional(),
  outcomeId: needFields.outcomeId,
});
export type NeedCreate = z.infer<typeof needCreateBody>;

export const needUpdateBody = z.strictObject({
  title: needFields.title.optional(),
  description: needFields.description,
  priority: needFields.priority.optional(),
  status: needFields.status.optional(),
  outcomeId: needFields.outcomeId,
});
export type NeedUpdate = z.infer<typeof needUpdateBody>;

export const needView = z.object({
  id: z.string(),
  programmeId: z.string(),
  outcomeId: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  priority: z.enum(capacityNeedPriorities),
  status: z.enum(capacityNeedStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const outcomeView = z.object({
  id: z.string(),
  programmeId: z.string(),
  position: z.number().int(),
  statement: z.string(),
});

export const planView = z.object({
  institutionId: z.string(),
  programmeId: z.string(),
  /** In plan order, each with its needs (high priority first). */
  outcomes: z.array(outcomeView.extend({ needs: z.array(needView) })),
  /** Needs not tied to any outcome (proposed, or whose outcome was deleted). */
  unassignedNeeds: z.array(needView),
  /** plan.edit, need.propose when the reader may. */
  allowedActions: z.array(z.string()),
});

export const outcomeDeleted = z.object({
  status: z.literal('deleted'),
  /** How many needs lost their outcome (they still exist, unassigned). */
  needsUnassigned: z.number().int(),
});
