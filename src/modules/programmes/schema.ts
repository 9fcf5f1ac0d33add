import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A programme (CD4D Maroc, TRQN III Maroc…): data, not code. Extended by the demand-side module. */
export const programmes = pgTable('programmes', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  donor: text('donor').notNull(),
  /** ISO 3166-1 alpha-2 codes of the countries of origin served. */
  countries: text('countries').array().notNull().default([]),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on'),
  status: text('status', { enum: ['planned', 'running', 'closed'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
