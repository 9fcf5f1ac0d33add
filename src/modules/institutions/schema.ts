import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { programmes } from '../programmes/schema.ts';

export const institutionKinds = ['host', 'partner'] as const;
export const institutionTypes = ['ministry', 'agency', 'university', 'hospital', 'ngo', 'private', 'other'] as const;

/** A host institution in the country of origin, or a partner institution abroad (a Dutch university, hospital…). */
export const institutions = pgTable('institutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: institutionKinds }).notNull(),
  type: text('type', { enum: institutionTypes }).notNull(),
  nameFr: text('name_fr').notNull(),
  nameAr: text('name_ar'),
  nameEn: text('name_en'),
  /** ISO 3166-1 alpha-2. */
  country: text('country').notNull(),
  /** HCP code of the Moroccan region, for institutions in Morocco. */
  region: text('region'),
  /** HCP code of the Moroccan province or préfecture. */
  province: text('province'),
  city: text('city'),
  /** OECD DAC 5-digit purpose codes of the institution's fields. */
  sectors: text('sectors').array().notNull().default([]),
  website: text('website'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An outcome of a key institution's Theory of Change, within a programme: what the institution should be able to
 * do once its capacity needs are met. Together with the needs, the institution's development plan.
 */
export const institutionOutcomes = pgTable(
  'institution_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    /** Order in the plan (1, 2, 3…). */
    position: integer('position').notNull(),
    statement: text('statement').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('institution_outcomes_institution_idx').on(t.institutionId, t.programmeId, t.position)],
);

export const capacityNeedPriorities = ['high', 'medium', 'low'] as const;
export const capacityNeedStatuses = ['open', 'in_progress', 'met', 'dropped'] as const;

/** A capacity need of a host institution, tied to an outcome of its Theory of Change; ToRs answer needs. */
export const capacityNeeds = pgTable(
  'capacity_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    outcomeId: uuid('outcome_id').references(() => institutionOutcomes.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description'),
    priority: text('priority', { enum: capacityNeedPriorities }).notNull().default('medium'),
    status: text('status', { enum: capacityNeedStatuses }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('capacity_needs_institution_idx').on(t.institutionId, t.programmeId)],
);
