-- Hand-written function (Drizzle does not model functions): the facet keys of a profile row, for the generated
-- column below. Immutable: it reads its arguments only. Months of each availability window as `m:YYYY-MM`, so
-- that an availability filter is an exact GIN condition; a window longer than two years gives `m:long` instead of
-- its months, and a search for any period also asks for `m:long` (the row's windows are then checked exactly).
CREATE FUNCTION expert_facet_keys(
  gender text, vetting_status text, origin text, residence_country text,
  sectors text[], language_levels text[], available_dates datemultirange
) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array['g:' || gender, 'v:' || vetting_status, 'o:' || origin]
    || CASE WHEN residence_country IS NULL THEN '{}'::text[] ELSE array['r:' || residence_country] END
    || coalesce((SELECT array_agg('s:' || sector) FROM unnest(sectors) AS sector), '{}')
    || coalesce((SELECT array_agg('l:' || code) FROM unnest(language_levels) AS code), '{}')
    || coalesce((
      SELECT array_agg(DISTINCT month_key ORDER BY month_key) FROM (
        SELECT CASE WHEN upper(w) - lower(w) > 731 THEN 'm:long'
                    ELSE 'm:' || (m / 12) || '-' || lpad((m % 12 + 1)::text, 2, '0') END AS month_key
        FROM unnest(available_dates) AS w,
             generate_series(
               extract(year FROM lower(w))::int * 12 + extract(month FROM lower(w))::int - 1,
               CASE WHEN upper(w) - lower(w) > 731
                    THEN extract(year FROM lower(w))::int * 12 + extract(month FROM lower(w))::int - 1
                    ELSE extract(year FROM upper(w) - 1)::int * 12 + extract(month FROM upper(w) - 1)::int - 1 END
             ) AS m
      ) AS months), '{}')
$$;--> statement-breakpoint
DROP INDEX "expert_profiles_language_levels_idx";--> statement-breakpoint
DROP INDEX "expert_profiles_available_idx";--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "rank_vector" "tsvector" GENERATED ALWAYS AS (ts_filter(search_vector, '{a,b}')) STORED;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "facet_keys" text[] GENERATED ALWAYS AS (expert_facet_keys(gender, vetting_status, origin, residence_country, sectors, language_levels, available_dates)) STORED NOT NULL;--> statement-breakpoint
-- Hand-added: both kept in the heap row (compressed there when long), not moved to TOAST with the long texts
-- (toast_tuple_target = 128, migration 0003); the update recomputes the columns for the rows that exist.
ALTER TABLE "expert_profiles" ALTER COLUMN "facet_keys" SET STORAGE MAIN, ALTER COLUMN "rank_vector" SET STORAGE MAIN;--> statement-breakpoint
UPDATE "expert_profiles" SET "gender" = "gender";--> statement-breakpoint
CREATE INDEX "expert_profiles_facet_keys_idx" ON "expert_profiles" USING gin ("facet_keys") WITH (gin_pending_list_limit=256);