import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/schema.ts';

/** PostgreSQL's full-text document type; written by the search index, never by hand. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Raw bytes: PGlite and node-postgres both hand back a Uint8Array (Buffer) for bytea. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** A set of date ranges (PostgreSQL 14+, PGlite alike), as PostgreSQL prints it: `{[2027-01-04,2027-01-19)}`. */
const dateMultirange = customType<{ data: string }>({ dataType: () => 'datemultirange' });

/** Storage parameters of a GIN index that search reads on every request (the limit is in kB). */
const shortPendingList = { gin_pending_list_limit: 256 };

export const genders = ['female', 'male', 'undisclosed'] as const;
export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const vettingStatuses = ['unvetted', 'in_review', 'vetted', 'rejected'] as const;
/** How a profile came into the roster: the expert registered, or staff imported it from an older roster. */
export const profileOrigins = ['registration', 'import'] as const;
export const documentKinds = ['cv', 'diploma'] as const;
/** The only file types accepted, recognised from the bytes (never from the name or the declared type). */
export const documentMediaTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
/** What text extraction gave: text, no text at all (a scanned PDF), or an error the file caused. */
export const extractionOutcomes = ['extracted', 'empty', 'failed'] as const;
/** What staff check before vetting an expert. */
export const vettingSubjects = ['documents', 'references'] as const;
export const vettingOutcomes = ['verified', 'problem'] as const;

/**
 * An expert's profile: one row per expert user. Erasure blanks the personal fields and sets `erasedAt`, keeping
 * the row (and so the anonymous aggregates: gender, residence country, sectors) for the programme's figures.
 */
export const expertProfiles = pgTable(
  'expert_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** The full name in Arabic script, when the expert gives it. */
    nameAr: text('name_ar'),
    gender: text('gender', { enum: genders }).notNull().default('undisclosed'),
    birthDate: date('birth_date'),
    phone: text('phone'),
    /** ISO 3166-1 alpha-2. */
    nationalities: text('nationalities').array().notNull().default([]),
    residenceCountry: text('residence_country'),
    residenceCity: text('residence_city'),
    originCountry: text('origin_country'),
    /** ISCO-08 unit group code (4 digits). */
    occupation: text('occupation'),
    /** OECD DAC 5-digit purpose codes. */
    sectors: text('sectors').array().notNull().default([]),
    /** HCP codes of the Moroccan regions the expert would work in. */
    preferredRegions: text('preferred_regions').array().notNull().default([]),
    headline: text('headline'),
    summary: text('summary'),
    vettingStatus: text('vetting_status', { enum: vettingStatuses }).notNull().default('unvetted'),
    origin: text('origin', { enum: profileOrigins }).notNull().default('registration'),
    /** Last time the expert confirmed their interest; a year without it makes the profile stale. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
    staleSince: timestamp('stale_since', { withTimezone: true }),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    /** Transliteration-aware keys of the names (see the search index), so spellings and scripts meet. */
    nameKeys: text('name_keys').array().notNull().default([]),
    /** The Latin name, lower case without accents, for trigram similarity (typos the keys do not absorb). */
    nameSearch: text('name_search').notNull().default(''),
    /** Weighted full-text document over the profile and CV text, in the expert's languages. */
    searchVector: tsvector('search_vector'),
    /**
     * The names, headline and skills part of the document (weights A and B), which relevance ranks by: short
     * enough to stay in the row, where ranking by the whole document read each match's TOASTed text
     * (docs/decisions/0009-relevance-ranks-profile-fields.md).
     */
    rankVector: tsvector('rank_vector').generatedAlwaysAs(sql`ts_filter(search_vector, '{a,b}')`),
    /**
     * Copies kept by the search index, so that the search filters and counts facets on the profile row alone
     * (no per-row look-ups in other tables nor functions; docs/performance.md): each spoken language with its level
     * (`nl:C1`), the sort key of the name, and the availability windows as one multirange for any modality, one for
     * on site and one for online.
     */
    languageLevels: text('language_levels').array().notNull().default([]),
    /** The name as the roster sorts it: last name then first, lower case, without accents. */
    sortName: text('sort_name').notNull().default(''),
    availableDates: dateMultirange('available_dates')
      .notNull()
      .default(sql`'{}'`),
    availableOnSite: dateMultirange('available_on_site')
      .notNull()
      .default(sql`'{}'`),
    availableOnline: dateMultirange('available_online')
      .notNull()
      .default(sql`'{}'`),
    /**
     * Every filterable value of the row as one array (`g:female`, `v:vetted`, `o:import`, `r:NL`, `s:12110`,
     * `l:nl:C1`, `m:2027-03` per month of a window, `m:long` for windows over two years), recomputed by PostgreSQL
     * on every write. One GIN index answers all the facet filters exactly, so that the text index and the filters
     * meet in a bitmap and only the matching rows are read; a lossy index (GiST on the windows) made PostgreSQL
     * re-read every candidate's TOASTed text document (docs/performance.md).
     */
    facetKeys: text('facet_keys')
      .array()
      .notNull()
      .generatedAlwaysAs(
        sql`expert_facet_keys(gender, vetting_status, origin, residence_country, sectors, language_levels, available_dates)`,
      ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The search's GIN indexes keep a short pending list (256 kB, not the default 4 MB): every search scans the
    // whole list of not-yet-merged entries of each index, which after a bulk import and before a vacuum cost tens
    // of milliseconds per search (docs/performance.md); bulk writes still batch their index updates.
    index('expert_profiles_search_idx').using('gin', t.searchVector).with(shortPendingList),
    index('expert_profiles_name_keys_idx').using('gin', t.nameKeys).with(shortPendingList),
    index('expert_profiles_name_trgm_idx').using('gin', t.nameSearch.op('gin_trgm_ops')).with(shortPendingList),
    index('expert_profiles_sectors_idx').using('gin', t.sectors).with(shortPendingList),
    index('expert_profiles_residence_idx').on(t.residenceCountry),
    // Every facet filter, availability months included, narrows a text match before the rows are read.
    index('expert_profiles_facet_keys_idx').using('gin', t.facetKeys).with(shortPendingList),
  ],
);

/** A language the expert speaks, with a CEFR level. ISO 639 codes (`ary` Darija, `zgh` Tamazight). */
export const expertLanguages = pgTable(
  'expert_languages',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => expertProfiles.userId, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    level: text('level', { enum: cefrLevels }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.language] }),
    index('expert_languages_language_idx').on(t.language, t.level),
  ],
);

export const expertEducation = pgTable(
  'expert_education',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => expertProfiles.userId, { onDelete: 'cascade' }),
    degree: text('degree').notNull(),
    field: text('field'),
    institution: text('institution').notNull(),
    country: text('country'),
    yearCompleted: smallint('year_completed'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('expert_education_user_idx').on(t.userId)],
);

export const expertExperience = pgTable(
  'expert_experience',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => expertProfiles.userId, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    employer: text('employer').notNull(),
    country: text('country'),
    startsOn: date('starts_on').notNull(),
    /** Null while the position is current. */
    endsOn: date('ends_on'),
    description: text('description'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('expert_experience_user_idx').on(t.userId)],
);

/**
 * A concept added to the skills vocabulary by staff, with labels and synonyms in fr, ar, en and nl. The built-in
 * vocabulary lives in the code (src/modules/reference), so that an empty database stays empty.
 */
export const skillConcepts = pgTable('skill_concepts', {
  /** Stable key, e.g. `hospital-management`. */
  id: text('id').primaryKey(),
  /** `{fr, ar, en, nl}` preferred labels. */
  labels: jsonb('labels').$type<Record<'fr' | 'ar' | 'en' | 'nl', string>>().notNull(),
  /** `{fr: [...], ...}` other ways people write it. */
  synonyms: jsonb('synonyms').$type<Partial<Record<'fr' | 'ar' | 'en' | 'nl', string[]>>>().notNull().default({}),
  /** DAC sector codes the concept belongs to, for matching. */
  sectors: text('sectors').array().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A skill on a profile: the words the expert used, normalised to a concept when one fits. */
export const expertSkills = pgTable(
  'expert_skills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => expertProfiles.userId, { onDelete: 'cascade' }),
    /** Key of the vocabulary concept: built in (src/modules/reference) or added by staff (skill_concepts). */
    conceptId: text('concept_id'),
    label: text('label').notNull(),
    /** `manual` when typed; `cv` when suggested from the CV and confirmed by the expert. */
    source: text('source', { enum: ['manual', 'cv'] })
      .notNull()
      .default('manual'),
  },
  (t) => [
    index('expert_skills_user_idx').on(t.userId),
    index('expert_skills_concept_idx').on(t.conceptId),
    uniqueIndex('expert_skills_user_label_key').on(t.userId, sql`lower(${t.label})`),
  ],
);

/** A window in which the expert can work, on site and/or online. */
export const expertAvailability = pgTable(
  'expert_availability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => expertProfiles.userId, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    onSite: boolean('on_site').notNull(),
    online: boolean('online').notNull(),
  },
  (t) => [index('expert_availability_user_idx').on(t.userId, t.startsOn, t.endsOn)],
);

/** A staff member's saved roster search. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The query string parameters of GET /api/experts. */
    query: jsonb('query').$type<Record<string, string | string[]>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_searches_user_idx').on(t.userId)],
);

/**
 * A CV or diploma: metadata here, bytes in `expert_document_contents` so that lists never read megabytes.
 * The text extracted from CVs feeds the search index and the skill suggestions.
 */
export const expertDocuments = pgTable(
  'expert_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => expertProfiles.userId, { onDelete: 'cascade' }),
    kind: text('kind', { enum: documentKinds }).notNull(),
    /** The name the file had on the expert's computer, for display and download only. */
    fileName: text('file_name').notNull(),
    mediaType: text('media_type', { enum: documentMediaTypes }).notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    extraction: text('extraction', { enum: extractionOutcomes }).notNull(),
    extractedText: text('extracted_text'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('expert_documents_user_idx').on(t.userId, t.kind)],
);

/** The bytes of one document. */
export const expertDocumentContents = pgTable('expert_document_contents', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => expertDocuments.id, { onDelete: 'cascade' }),
  content: bytea('content').notNull(),
});

/** One vetting check by a staff member: the latest per subject is the current state; older ones are history. */
export const expertVettingChecks = pgTable(
  'expert_vetting_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => expertProfiles.userId, { onDelete: 'cascade' }),
    subject: text('subject', { enum: vettingSubjects }).notNull(),
    outcome: text('outcome', { enum: vettingOutcomes }).notNull(),
    note: text('note'),
    checkedBy: uuid('checked_by').references(() => users.id, { onDelete: 'set null' }),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('expert_vetting_checks_user_idx').on(t.userId, t.subject, t.checkedAt)],
);

/** A private note by staff about an expert; experts and focal points never see these. */
export const expertStaffNotes = pgTable(
  'expert_staff_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => expertProfiles.userId, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('expert_staff_notes_user_idx').on(t.userId, t.createdAt)],
);

/** A staff tag on an expert, stored normalised (trimmed, lower case) so that "Santé" and "santé " are one tag. */
export const expertTags = pgTable(
  'expert_tags',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => expertProfiles.userId, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tag] }), index('expert_tags_tag_idx').on(t.tag)],
);

/** One roster import run by staff (not a dry run): who, when, which file, what it did. */
export const expertImports = pgTable('expert_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  rowCount: integer('row_count').notNull(),
  createdCount: integer('created_count').notNull(),
  updatedCount: integer('updated_count').notNull(),
  unchangedCount: integer('unchanged_count').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});
