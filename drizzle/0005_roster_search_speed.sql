DROP INDEX "expert_profiles_search_idx";--> statement-breakpoint
DROP INDEX "expert_profiles_name_keys_idx";--> statement-breakpoint
DROP INDEX "expert_profiles_name_trgm_idx";--> statement-breakpoint
DROP INDEX "expert_profiles_sectors_idx";--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "language_levels" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "sort_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "available_dates" datemultirange DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "available_on_site" datemultirange DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "available_online" datemultirange DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- Hand-added (Drizzle does not model column storage): keep the short values the search filters, ranks and counts
-- in the heap row. With toast_tuple_target = 128 (migration 0003) they were moved to TOAST like the long texts,
-- and each match then cost one TOAST look-up per array (docs/performance.md, roster search).
ALTER TABLE "expert_profiles"
  ALTER COLUMN "sectors" SET STORAGE MAIN,
  ALTER COLUMN "name_keys" SET STORAGE MAIN,
  ALTER COLUMN "name_search" SET STORAGE MAIN,
  ALTER COLUMN "language_levels" SET STORAGE MAIN,
  ALTER COLUMN "sort_name" SET STORAGE MAIN,
  ALTER COLUMN "available_dates" SET STORAGE MAIN,
  ALTER COLUMN "available_on_site" SET STORAGE MAIN,
  ALTER COLUMN "available_online" SET STORAGE MAIN;--> statement-breakpoint
-- Hand-added: fill the copies for the profiles that exist (the search index keeps them from now on, computed the
-- same way by writeSearchFields in src/modules/experts/search-index.ts); before the indexes are built again.
UPDATE "expert_profiles" p SET
  "sort_name" = lower(unaccent(p.last_name || ' ' || p.first_name)),
  "language_levels" = coalesce((SELECT array_agg(l.language || ':' || l.level ORDER BY l.language)
                                FROM "expert_languages" l WHERE l.user_id = p.user_id), '{}'),
  "available_dates" = coalesce((SELECT range_agg(daterange(a.starts_on, a.ends_on, '[]'))
                                FROM "expert_availability" a WHERE a.user_id = p.user_id), '{}'),
  "available_on_site" = coalesce((SELECT range_agg(daterange(a.starts_on, a.ends_on, '[]'))
                                  FROM "expert_availability" a WHERE a.user_id = p.user_id AND a.on_site), '{}'),
  "available_online" = coalesce((SELECT range_agg(daterange(a.starts_on, a.ends_on, '[]'))
                                 FROM "expert_availability" a WHERE a.user_id = p.user_id AND a.online), '{}');--> statement-breakpoint
CREATE INDEX "expert_profiles_available_idx" ON "expert_profiles" USING gist ("available_dates");--> statement-breakpoint
CREATE INDEX "expert_profiles_language_levels_idx" ON "expert_profiles" USING gin ("language_levels") WITH (gin_pending_list_limit=256);--> statement-breakpoint
CREATE INDEX "expert_profiles_search_idx" ON "expert_profiles" USING gin ("search_vector") WITH (gin_pending_list_limit=256);--> statement-breakpoint
CREATE INDEX "expert_profiles_name_keys_idx" ON "expert_profiles" USING gin ("name_keys") WITH (gin_pending_list_limit=256);--> statement-breakpoint
CREATE INDEX "expert_profiles_name_trgm_idx" ON "expert_profiles" USING gin ("name_search" gin_trgm_ops) WITH (gin_pending_list_limit=256);--> statement-breakpoint
CREATE INDEX "expert_profiles_sectors_idx" ON "expert_profiles" USING gin ("sectors") WITH (gin_pending_list_limit=256);
