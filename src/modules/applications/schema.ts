import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assignments } from '../assignments/schema.ts';
import { expertDocuments, expertProfiles } from '../experts/schema.ts';
import { users } from '../identity/schema.ts';

/**
 * Where an application stands, as the applicant sees it. A focal point's choice is recorded on the row
 * (`hostSelectedAt`) and becomes `selected` only when staff confirm it.
 */
export const applicationStatuses = [
  'submitted',
  'under_review',
  'shortlisted',
  'selected',
  'not_selected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** An expert's application to an open call. One per expert per call. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => expertProfiles.userId, { onDelete: 'cascade' }),
    status: text('status', { enum: applicationStatuses }).notNull().default('submitted'),
    version: integer('version').notNull().default(1),
    motivation: text('motivation').notNull(),
    /** The expert confirmed being available in the ToR's window. */
    availabilityConfirmed: boolean('availability_confirmed').notNull(),
    /** The CV the expert chose to share with the host if shortlisted (null: none). */
    cvDocumentId: uuid('cv_document_id').references(() => expertDocuments.id, { onDelete: 'set null' }),
    /** Staff screening: criterion id → score 0–5, and the weighted total (0–100). */
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    totalScore: integer('total_score'),
    /** Staff's private screening note (never shown to the expert nor the host). */
    screeningNote: text('screening_note'),
    hostSelectedAt: timestamp('host_selected_at', { withTimezone: true }),
    hostSelectedBy: uuid('host_selected_by').references(() => users.id, { onDelete: 'set null' }),
    hostSelectionReason: text('host_selection_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_assignment_expert_idx').on(t.assignmentId, t.expertId),
    index('applications_expert_idx').on(t.expertId, t.submittedAt),
    index('applications_assignment_status_idx').on(t.assignmentId, t.status),
  ],
);

/** Every status change of an application, with who, when and why (the reason the applicant may read or not). */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: applicationStatuses }),
    toStatus: text('to_status', { enum: applicationStatuses }).notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.at)],
);

/** An expert's alert settings for new calls that fit their profile, and when the last daily digest went out. */
export const callAlertSettings = pgTable('call_alert_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => expertProfiles.userId, { onDelete: 'cascade' }),
  email: boolean('email').notNull().default(true),
  /** Digest only calls in these DAC sectors (empty: the profile's sectors). */
  sectors: text('sectors').array().notNull().default([]),
  lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
