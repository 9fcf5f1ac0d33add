import { date, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const programmeStatuses = ['planned', 'running', 'closed'] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];

/** A programme (CD4D Maroc, TRQN III Maroc…): data, not code. Several live side by side. */
export const programmes = pgTable('programmes', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  donor: text('donor').notNull(),
  /** ISO 3166-1 alpha-2 codes of the countries of origin served. */
  countries: text('countries').array().notNull().default([]),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on'),
  status: text('status', { enum: programmeStatuses }).notNull(),
  /** OECD DAC 5-digit purpose codes the programme gives priority to. */
  prioritySectors: text('priority_sectors').array().notNull().default([]),
  /** Where experts must live to apply (ISO 3166-1 alpha-2); empty means anywhere. */
  eligibleResidenceCountries: text('eligible_residence_countries').array().notNull().default([]),
  description: text('description'),
  /** Weights of the matching score's components (skills, sectors…) where the programme departs from the defaults. */
  /** ISO 4217 code results and mission costs are reported in (the donor's currency). */
  reportingCurrency: text('reporting_currency').notNull().default('EUR'),
  matchingWeights: jsonb('matching_weights').$type<Record<string, number>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
