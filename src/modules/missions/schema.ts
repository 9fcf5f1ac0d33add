import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from '../applications/schema.ts';
import { assignments, modalities } from '../assignments/schema.ts';
import { bytea, expertProfiles } from '../experts/schema.ts';
import { users } from '../identity/schema.ts';
import { institutions } from '../institutions/schema.ts';
import { programmes } from '../programmes/schema.ts';

/**
 * A mission's life: planned (created from a selection) → agreed (the expert accepted the agreement) → ready (the
 * checklist is done) → in progress → reporting → closed; or cancelled, with a reason, from any state before closed.
 */
export const missionStates = ['planned', 'agreed', 'ready', 'in_progress', 'reporting', 'closed', 'cancelled'] as const;
export type MissionState = (typeof missionStates)[number];

/** One expert on one ToR: where programmes lost track in spreadsheets. */
export const missions = pgTable(
  'missions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human reference (`CD4D-2026-014-M1`), unique. */
    reference: text('reference').notNull(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    /** The selection it comes from; one mission per selected application. */
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'set null' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => expertProfiles.userId),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    modality: text('modality', { enum: modalities }).notNull(),
    state: text('state', { enum: missionStates }).notNull().default('planned'),
    version: integer('version').notNull().default(1),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    workingDays: integer('working_days').notNull(),
    /** Where the expert works on site (the DSA rate is looked up for it). */
    country: text('country').notNull().default('MA'),
    city: text('city'),
    /** The host's contact person for the mission. */
    hostContactName: text('host_contact_name').notNull(),
    hostContactEmail: text('host_contact_email'),
    hostContactPhone: text('host_contact_phone'),
    /** The mission this one follows up (a virtual follow-up session or a repeat mission), keeping the link. */
    followUpOf: uuid('follow_up_of').references((): AnyPgColumn => missions.id, { onDelete: 'set null' }),
    followUpKind: text('follow_up_kind', { enum: ['virtual_session', 'repeat_mission'] }),
    /** The agreement the expert accepted: its language, its text exactly as accepted, its fingerprint, who and when. */
    agreementLanguage: text('agreement_language'),
    agreementText: text('agreement_text'),
    agreementSha256: text('agreement_sha256'),
    agreementAcceptedAt: timestamp('agreement_accepted_at', { withTimezone: true }),
    agreementAcceptedBy: uuid('agreement_accepted_by').references(() => users.id, { onDelete: 'set null' }),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('missions_reference_idx').on(t.reference),
    // A cancelled mission frees its selection for a new one.
    uniqueIndex('missions_application_idx')
      .on(t.applicationId)
      .where(sql`state <> 'cancelled'`),
    index('missions_expert_idx').on(t.expertId, t.startsOn),
    index('missions_institution_idx').on(t.institutionId, t.startsOn),
    index('missions_state_idx').on(t.state, t.startsOn),
    index('missions_assignment_idx').on(t.assignmentId),
  ],
);

/** Every state change of a mission, with who, when and why. */
export const missionEvents = pgTable(
  'mission_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    fromState: text('from_state', { enum: missionStates }),
    toState: text('to_state', { enum: missionStates }).notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mission_events_mission_idx').on(t.missionId, t.at)],
);

export const checklistOwners = ['programme', 'expert', 'host'] as const;
export type ChecklistOwner = (typeof checklistOwners)[number];

/** The logistics checklist: briefing, travel, visa, insurance, invitation letter…, each with its owner and due date. */
export const missionChecklistItems = pgTable(
  'mission_checklist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    /** A standard item's key (`briefing`, `travel`, `visa`, `insurance`, `invitation`) or `custom`. */
    key: text('key').notNull(),
    /** The text of a custom item (standard items are translated by key). */
    label: text('label'),
    owner: text('owner', { enum: checklistOwners }).notNull(),
    dueOn: date('due_on'),
    /** A mandatory item cannot be marked not applicable (the pre-departure briefing in CD4D). */
    mandatory: boolean('mandatory').notNull().default(false),
    notApplicable: boolean('not_applicable').notNull().default(false),
    position: integer('position').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
  },
  (t) => [index('mission_checklist_mission_idx').on(t.missionId, t.position)],
);

/** Daily subsistence allowance per night, per country and city (null: the rest of the country), for a period. */
export const dsaRates = pgTable(
  'dsa_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    country: text('country').notNull(),
    city: text('city'),
    amount: numeric('amount', { precision: 12, scale: 2 }).notNull(),
    currency: text('currency').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dsa_rates_place_idx').on(t.country, t.city, t.validFrom)],
);

/** How much one unit of a currency is worth in a programme's reporting currency, from a date: stored, not fetched. */
export const currencyRates = pgTable(
  'currency_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    currency: text('currency').notNull(),
    reportingCurrency: text('reporting_currency').notNull(),
    rate: numeric('rate', { precision: 18, scale: 8 }).notNull(),
    validFrom: date('valid_from').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('currency_rates_pair_idx').on(t.currency, t.reportingCurrency, t.validFrom)],
);

export const costCategories = ['dsa', 'travel', 'insurance', 'visa', 'other'] as const;
export type CostCategory = (typeof costCategories)[number];

/**
 * A cost line of a mission, planned or actual, in the currency paid and in the programme's reporting currency at
 * the rate stored with the line. Lines are changed only through commands that audit the before and after.
 */
export const missionCosts = pgTable(
  'mission_costs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    category: text('category', { enum: costCategories }).notNull(),
    kind: text('kind', { enum: ['planned', 'actual'] }).notNull(),
    description: text('description'),
    amount: numeric('amount', { precision: 12, scale: 2 }).notNull(),
    currency: text('currency').notNull(),
    /** Units of the reporting currency per unit of `currency`, as stored when the line was written. */
    rate: numeric('rate', { precision: 18, scale: 8 }).notNull(),
    reportingAmount: numeric('reporting_amount', { precision: 12, scale: 2 }).notNull(),
    reportingCurrency: text('reporting_currency').notNull(),
    /** For DSA lines: the rate applied and the nights counted. */
    dsaRateId: uuid('dsa_rate_id').references(() => dsaRates.id, { onDelete: 'set null' }),
    nights: integer('nights'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mission_costs_mission_idx').on(t.missionId, t.createdAt)],
);

/** A session of an online or hybrid mission, and the attendance the host recorded. */
export const missionSessions = pgTable(
  'mission_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    topic: text('topic').notNull(),
    /** Planned participants; `attended` is what the host recorded. */
    participantsCount: integer('participants_count').notNull(),
    attended: integer('attended'),
    attendanceRecordedAt: timestamp('attendance_recorded_at', { withTimezone: true }),
    attendanceRecordedBy: uuid('attendance_recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mission_sessions_mission_idx').on(t.missionId, t.startsAt)],
);

export const reportStatuses = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** The expert's mission report: one per mission, submitted then accepted or returned by staff. */
export const missionReports = pgTable('mission_reports', {
  missionId: uuid('mission_id')
    .primaryKey()
    .references(() => missions.id, { onDelete: 'cascade' }),
  status: text('status', { enum: reportStatuses }).notNull().default('draft'),
  activities: text('activities').notNull(),
  results: text('results').notNull(),
  recommendations: text('recommendations').notNull(),
  difficulties: text('difficulties'),
  /** Deliverables: their titles and, for each, the report file (mission_report_files) holding it. */
  deliverables: jsonb('deliverables').$type<{ title: string; fileId: string | null }[]>().notNull().default([]),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
  reviewComment: text('review_comment'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A file the expert delivered with the mission report (a study, a training deck, a spreadsheet): it belongs to the
 * mission, not to the expert's profile, so the host and staff read it and it outlives profile clean-ups.
 */
export const missionReportFiles = pgTable(
  'mission_report_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    /** The name the file had on the expert's computer, for display and download only. */
    fileName: text('file_name').notNull(),
    /** Recognised from the bytes at upload, never the declared type. */
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mission_report_files_mission_idx').on(t.missionId)],
);

/** The host's evaluation of a mission, by the focal point: one per mission. */
export const missionEvaluations = pgTable('mission_evaluations', {
  missionId: uuid('mission_id')
    .primaryKey()
    .references(() => missions.id, { onDelete: 'cascade' }),
  /** Satisfaction 1–5 per question key. */
  ratings: jsonb('ratings').$type<Record<string, number>>().notNull(),
  knowledgeTransferred: text('knowledge_transferred').notNull(),
  needMet: text('need_met', { enum: ['yes', 'partly', 'no'] }).notNull(),
  followUpWanted: boolean('follow_up_wanted').notNull(),
  comment: text('comment'),
  evaluatedBy: uuid('evaluated_by').references(() => users.id, { onDelete: 'set null' }),
  evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const surveyMoments = ['before', 'after', 'one_year'] as const;
export type SurveyMoment = (typeof surveyMoments)[number];

/**
 * A knowledge-transfer survey sent to one member of the host's staff at one moment: reachable by a personal link
 * (only its hash is stored), sent and reminded by e-mail when due, answered once.
 */
export const missionSurveys = pgTable(
  'mission_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    moment: text('moment', { enum: surveyMoments }).notNull(),
    respondentName: text('respondent_name').notNull(),
    respondentEmail: text('respondent_email').notNull(),
    locale: text('locale').notNull().default('fr'),
    tokenHash: text('token_hash').notNull(),
    /** The reminder's link (its hash): the first e-mail's link keeps working beside it. */
    reminderTokenHash: text('reminder_token_hash'),
    /** The day the survey is due to be sent (one year after closing for `one_year`). */
    dueOn: date('due_on').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    answers: jsonb('answers').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mission_surveys_token_idx').on(t.tokenHash),
    uniqueIndex('mission_surveys_reminder_token_idx').on(t.reminderTokenHash),
    index('mission_surveys_mission_idx').on(t.missionId, t.moment),
    index('mission_surveys_due_idx').on(t.dueOn),
  ],
);

/**
 * A programme's agreement template in one language: text with `{{placeholders}}` (expert, host, dates,
 * deliverables, allowance, insurance, code of conduct). Without a row, the built-in template of that language applies.
 */
export const agreementTemplates = pgTable(
  'agreement_templates',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.locale] })],
);

/** A user's calendar feed: a secret URL (only its hash is stored) that can be revoked and replaced. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_feeds_token_idx').on(t.tokenHash), index('calendar_feeds_user_idx').on(t.userId)],
);

/**
 * The reverse flow: a member of a host institution's staff trained or interning at a partner institution abroad.
 * Counted with the missions in the results.
 */
export const internships = pgTable(
  'internships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    kind: text('kind', { enum: ['internship', 'training'] }).notNull(),
    traineeName: text('trainee_name').notNull(),
    traineeEmail: text('trainee_email'),
    partnerInstitution: text('partner_institution').notNull(),
    country: text('country').notNull(),
    city: text('city'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    topic: text('topic').notNull(),
    costAmount: numeric('cost_amount', { precision: 12, scale: 2 }),
    costCurrency: text('cost_currency'),
    report: text('report'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('internships_programme_idx').on(t.programmeId, t.startsOn)],
);
