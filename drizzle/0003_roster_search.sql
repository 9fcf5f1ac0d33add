ALTER TABLE "expert_profiles" ADD COLUMN "name_search" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "expert_profiles_name_trgm_idx" ON "expert_profiles" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
-- Hand-added (Drizzle does not model storage parameters): move long values (summary, the search document) out of
-- the heap row, so that filtering 10,000s of text matches by facets reads ~25 narrow rows per page instead of 2
-- wide ones (docs/performance.md, roster search).
ALTER TABLE "expert_profiles" SET (toast_tuple_target = 128);
