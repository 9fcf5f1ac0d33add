import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/schema.ts';

/** A pair staff fixed before running a round: an expert kept on (locked) or kept off (excluded) a ToR. */
export interface RoundPair {
  expertId: string;
  assignmentId: string;
}

/** A pair of the proposal, with its score and the explanation codes shown to staff. */
export interface ProposedPair extends RoundPair {
  score: number;
  locked: boolean;
  /** The score's components as the engine explained them that day (name, value, weight, explanation code). */
  components?: { name: string; value: number; weight: number; explanation: { code: string } }[];
}

/** What a round proposed: the exact optimum, and the greedy baseline's figures beside it for comparison. */
export interface RoundProposal {
  pairs: ProposedPair[];
  filled: number;
  slots: number;
  total: number;
  greedy: { filled: number; total: number };
  /** Applicants of the round's ToRs that the hard filters kept off, with the first reason code. */
  excluded: { expertId: string; assignmentId: string; reason: string }[];
}

export const allocationRoundStatuses = ['proposed', 'accepted'] as const;

/**
 * An allocation round (issue 5): the open ToRs staff picked, the pairs they locked or excluded, the engine's
 * proposal, and, once accepted, who turned which pairs into shortlist entries. Kept for the audit trail: a round
 * shows why each expert went where.
 */
export const allocationRounds = pgTable(
  'allocation_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentIds: uuid('assignment_ids').array().notNull(),
    locked: jsonb('locked').$type<RoundPair[]>().notNull().default([]),
    excluded: jsonb('excluded').$type<RoundPair[]>().notNull().default([]),
    /** How many ToRs one expert may take in this round. */
    expertCapacity: integer('expert_capacity').notNull().default(1),
    proposal: jsonb('proposal').$type<RoundProposal>().notNull(),
    status: text('status', { enum: allocationRoundStatuses }).notNull().default('proposed'),
    /** The pairs staff accepted (all proposed pairs, or the subset they kept). */
    accepted: jsonb('accepted').$type<RoundPair[]>(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [index('allocation_rounds_created_idx').on(t.createdAt)],
);
