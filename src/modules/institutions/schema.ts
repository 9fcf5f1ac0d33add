import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A host institution in the country of origin, or a partner institution abroad. */
export const institutions = pgTable('institutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: ['host', 'partner'] }).notNull(),
  type: text('type', { enum: ['ministry', 'agency', 'university', 'hospital', 'ngo', 'private', 'other'] }).notNull(),
  nameFr: text('name_fr').notNull(),
  nameAr: text('name_ar'),
  nameEn: text('name_en'),
  /** ISO 3166-1 alpha-2. */
  country: text('country').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
