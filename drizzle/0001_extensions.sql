-- Trigram similarity for names and skill labels, accent-insensitive matching; both ship with PostgreSQL (contrib)
-- and are loaded into PGlite by src/db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
