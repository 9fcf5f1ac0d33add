import { z } from 'zod';

export const idParams = z.object({ id: z.uuid() });

export const candidatesQuery = z.object({
  /** How many ranked candidates to return (the best first). */
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

/** A code with its parameters, as the core gives it: the web app words it in the reader's language. */
const coded = z.looseObject({ code: z.string() });

const component = z.object({
  name: z.string(),
  value: z.number(),
  weight: z.number(),
  explanation: coded,
});

const expertRef = z.object({
  id: z.string(),
  name: z.string(),
  headline: z.string().nullable(),
  residenceCountry: z.string().nullable(),
});

export const candidatesView = z.object({
  assignment: z.object({ id: z.string(), reference: z.string(), title: z.string() }),
  ranked: z.array(z.object({ expert: expertRef, score: z.number(), components: z.array(component) })),
  /** The first `limit` experts the hard filters keep off, with every reason. */
  excluded: z.array(z.object({ expert: expertRef, reasons: z.array(coded) })),
  /** How many the filters keep off in all, and how many for each reason. */
  excludedTotal: z.number(),
  excludedByReason: z.record(z.string(), z.number()),
  /** The words of each skill key the explanations name, in the reader's language. */
  skillLabels: z.record(z.string(), z.string()),
});

const callRef = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  windowStartsOn: z.string(),
  windowEndsOn: z.string(),
});

export const recommendedCallsView = z.object({
  items: z.array(z.object({ call: callRef, score: z.number(), components: z.array(component) })),
  /** Open calls the filters keep this expert off, and why (a language level, the dates…). */
  notForYou: z.array(z.object({ call: callRef, reasons: z.array(coded) })),
  skillLabels: z.record(z.string(), z.string()),
});

const pair = z.strictObject({
  /** The expert (their user id). */
  expertId: z.uuid(),
  /** The call (ToR id). */
  assignmentId: z.uuid(),
});

export const roundBody = z.strictObject({
  /** The calls of the round: published or closed, each with its number of experts as its slots. */
  assignmentIds: z.array(z.uuid()).min(1).max(200),
  /** Pairs that must be in the proposal (each an eligible applicant of that call). */
  locked: z.array(pair).max(500).default([]),
  /** Pairs that must stay out of it. */
  excluded: z.array(pair).max(2000).default([]),
  /** How many calls one expert may take in this round. */
  expertCapacity: z.number().int().min(1).max(5).default(1),
});

export const acceptBody = z.strictObject({
  /** The pairs staff keep; omitted: every pair of the proposal. */
  pairs: z.array(pair).max(2000).optional(),
});

export const roundView = z.object({
  id: z.string(),
  status: z.enum(['proposed', 'accepted']),
  expertCapacity: z.number(),
  calls: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string(), slots: z.number() })),
  locked: z.array(z.object({ expertId: z.string(), assignmentId: z.string() })),
  excluded: z.array(z.object({ expertId: z.string(), assignmentId: z.string() })),
  pairs: z.array(
    z.object({
      expert: expertRef,
      assignmentId: z.string(),
      score: z.number(),
      locked: z.boolean(),
      /** Why the pair scores what it does: each component, its weight and what it found. */
      components: z.array(component),
    }),
  ),
  /** The words of each skill key the explanations name, in the reader's language. */
  skillLabels: z.record(z.string(), z.string()),
  filled: z.number(),
  slots: z.number(),
  total: z.number(),
  /** A greedy pass (best score first) on the same round, for comparison. */
  greedy: z.object({ filled: z.number(), total: z.number() }),
  /** Applicants the hard filters keep off a call of the round, with the first reason. */
  ineligible: z.array(z.object({ expert: expertRef, assignmentId: z.string(), reason: z.string() })),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
  /** After accepting: pairs whose application had left the running, with its status. */
  skipped: z.array(z.object({ expertId: z.string(), assignmentId: z.string(), status: z.string().nullable() })),
});
export type RoundView = z.infer<typeof roundView>;
