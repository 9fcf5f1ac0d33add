import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../experts/schema.ts';
import { users } from '../identity/schema.ts';
import { capacityNeeds, institutions } from '../institutions/schema.ts';
import { programmes } from '../programmes/schema.ts';

/**
 * The life cycle of a Terms of Reference. `returned` is a draft sent back by staff with comments; `published`
 * means the call is open; `closed` once the deadline has passed; `filled` when the selection is done.
 */
export const assignmentStates = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'published',
  'closed',
  'filled',
  'completed',
  'cancelled',
] as const;
export type AssignmentState = (typeof assignmentStates)[number];

export const modalities = ['on_site', 'online', 'hybrid'] as const;
export type Modality = (typeof modalities)[number];

/** A required language and its minimum CEFR level. */
export interface RequiredLanguage {
  language: string;
  minLevel: 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';
}

/** A required skill: the words of the ToR, and the vocabulary concept when one was picked. */
export interface RequiredSkill {
  label: string;
  conceptId: string | null;
}

/** A criterion of the call's screening grid; scores are 0–5, weighted. */
export interface ScoringCriterion {
  id: string;
  label: string;
  weight: number;
}

/** Terms of Reference: one assignment a host institution asks for, and its public call once published. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human reference shown everywhere (e.g. `CD4D-2026-014`), unique. */
    reference: text('reference').notNull(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    needId: uuid('need_id').references(() => capacityNeeds.id, { onDelete: 'set null' }),
    state: text('state', { enum: assignmentStates }).notNull().default('draft'),
    /** Optimistic concurrency: every update sends the version it read; a stale one gets 409. */
    version: integer('version').notNull().default(1),
    titleFr: text('title_fr').notNull(),
    titleAr: text('title_ar'),
    titleEn: text('title_en'),
    descriptionFr: text('description_fr').notNull(),
    descriptionAr: text('description_ar'),
    descriptionEn: text('description_en'),
    /** The need in the host's words, when it is not (only) a capacity need of the development plan. */
    needStatement: text('need_statement'),
    objectives: text('objectives').array().notNull().default([]),
    deliverables: text('deliverables').array().notNull().default([]),
    skills: jsonb('skills').$type<RequiredSkill[]>().notNull().default([]),
    /** OECD DAC 5-digit purpose codes. */
    sectors: text('sectors').array().notNull().default([]),
    /** ISCO-08 unit group code. */
    occupation: text('occupation'),
    languages: jsonb('languages').$type<RequiredLanguage[]>().notNull().default([]),
    modality: text('modality', { enum: modalities }).notNull(),
    /** HCP region code and city, for on-site and hybrid work. */
    region: text('region'),
    city: text('city'),
    windowStartsOn: date('window_starts_on').notNull(),
    windowEndsOn: date('window_ends_on').notNull(),
    workingDays: integer('working_days').notNull(),
    expertsNeeded: integer('experts_needed').notNull().default(1),
    /** Last day to apply (Morocco time); `deadlineAt` is the instant applications close. */
    applicationDeadline: date('application_deadline').notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    /** SDG targets (`4.4`, `3.8`…). */
    sdgTargets: text('sdg_targets').array().notNull().default([]),
    scoringCriteria: jsonb('scoring_criteria').$type<ScoringCriterion[]>().notNull().default([]),
    /** When staff shared the shortlist with the host institution (null: not shared). */
    shortlistSharedAt: timestamp('shortlist_shared_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assignments_reference_idx').on(t.reference),
    index('assignments_state_idx').on(t.state, t.deadlineAt),
    index('assignments_institution_idx').on(t.institutionId, t.state),
    index('assignments_programme_idx').on(t.programmeId, t.state),
  ],
);

/** Every state change of a ToR, with who, when and the comment (a return's comments live here). */
export const assignmentTransitions = pgTable(
  'assignment_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    fromState: text('from_state', { enum: assignmentStates }).notNull(),
    toState: text('to_state', { enum: assignmentStates }).notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assignment_transitions_assignment_idx').on(t.assignmentId, t.at)],
);

/** A file attached to a ToR (PDF or DOCX, checked from the bytes). Public once the call is published. */
export const assignmentAttachments = pgTable(
  'assignment_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** Whether the public call page offers it (an internal annex stays private). */
    public: boolean('public').notNull().default(true),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assignment_attachments_assignment_idx').on(t.assignmentId)],
);
