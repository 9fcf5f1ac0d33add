import { sql, type SQL } from 'drizzle-orm';
import { nameQuery, normaliseLatin } from '../../../names/index.ts';
import { cefrLevels } from '../schema.ts';
import type { RosterQuery } from './schemas.ts';
import { pgArray } from './sql.ts';

/** Profiles search may show: not erased, and with an active consent to processing (withdrawal hides at once). */
export const eligibleProfile = sql`p.erased_at is null and exists (
  select 1 from consents c where c.user_id = p.user_id and c.purpose = 'processing' and c.withdrawn_at is null)`;

/**
 * The search text as one query in every configuration, OR-ed: a profile matches when all the words match under
 * one language's stemming. `simple` catches words no stemmer knows (names, acronyms). Evaluated once, by
 * `textQueryOf`, and sent back as a value, so the planner estimates the match from the column's statistics.
 */
export function textQuery(q: string): SQL {
  const text = q.replace(/[\u064B-\u065F\u0670\u0640]/g, '');
  return sql.join(
    ['simple', 'french', 'english', 'dutch', 'arabic'].map(
      (config) => sql`websearch_to_tsquery(${sql.raw(`'${config}'`)}, unaccent(${text}))`,
    ),
    sql` || `,
  );
}

/**
 * The filter conditions of a search, besides eligibility and the text: each reads the profile row only (the
 * languages and availability windows are copied onto it by the search index), so no filter costs a look-up
 * per candidate, except tags, which are found through their own index first.
 */
export function filterConditions(filter: RosterQuery): SQL[] {
  const conditions: SQL[] = [];
  if (filter.sector?.length) conditions.push(sql`p.sectors && ${pgArray(filter.sector)}::text[]`);
  if (filter.occupation) conditions.push(sql`p.occupation like ${`${filter.occupation}%`}`);
  if (filter.residenceCountry?.length) {
    conditions.push(sql`p.residence_country = any(${pgArray(filter.residenceCountry)}::text[])`);
  }
  if (filter.gender) conditions.push(sql`p.gender = ${filter.gender}`);
  if (filter.vettingStatus) conditions.push(sql`p.vetting_status = ${filter.vettingStatus}`);
  if (filter.origin) conditions.push(sql`p.origin = ${filter.origin}`);
  if (filter.stale !== undefined) {
    conditions.push(filter.stale ? sql`p.stale_since is not null` : sql`p.stale_since is null`);
  }
  if (filter.language) {
    const levels = filter.minLevel ? cefrLevels.slice(cefrLevels.indexOf(filter.minLevel)) : cefrLevels;
    const codes = levels.map((level) => `${filter.language}:${level}`);
    conditions.push(sql`p.language_levels && ${pgArray(codes)}::text[]`);
  }
  if (filter.availableFrom || filter.availableTo || filter.modality) {
    // A window overlapping the closed period, edges included; an open end is unbounded, and without dates the
    // period is "from today on" (windows not yet over).
    const column = { on_site: sql`p.available_on_site`, online: sql`p.available_online`, any: sql`p.available_dates` }[
      filter.modality ?? 'any'
    ];
    const from = filter.availableFrom
      ? sql`${filter.availableFrom}::date`
      : filter.availableTo
        ? sql`null::date`
        : sql`current_date`;
    const to = filter.availableTo ? sql`${filter.availableTo}::date` : sql`null::date`;
    const period = sql`daterange(${from}, ${to}, '[]')`;
    conditions.push(sql`${column} && ${period}`);
    // Implied by the modality's windows, and answered by the index on every window: narrows before reading rows.
    if (filter.modality) conditions.push(sql`p.available_dates && ${period}`);
  }
  const tags = [...new Set(filter.tag ?? [])];
  if (tags.length) {
    // Experts having every tag: found through the tag index, then matched by primary key.
    conditions.push(sql`p.user_id in (select t.user_id from expert_tags t where t.tag = any(${pgArray(tags)}::text[])
      group by t.user_id having count(*) = ${tags.length})`);
  }
  return conditions;
}

/** How the text `q` finds profiles: each branch is answered by one index. */
export interface TextMatch {
  /** The full-text query, computed once, as text (`''` when `q` has only stop words). */
  tsq: string;
  /** Every word of `q` is one of the name's words (any spelling or script), or `q` run together is. */
  nameByKeys: SQL;
  /** Trigram word similarity with the short Latin name: typos the keys do not absorb. */
  nameByTrigram: SQL | null;
  latin: string;
}

/** The name conditions of a text search (the full-text query is computed by the database: `textQueryOf`). */
export function nameMatchOf(q: string, tsq: string): TextMatch {
  const latin = normaliseLatin(q);
  // Every word of the text must be one of the name's words (any order, any spelling), or the whole text the
  // name run together: "Mohamed El Amrani" is not every Mohamed, and the conjunction keeps the bitmap small.
  const { each, whole } = nameQuery(q);
  const everyWord = each.length
    ? sql`(${sql.join(
        each.map((alternatives) => sql`p.name_keys && ${pgArray(alternatives)}::text[]`),
        sql` and `,
      )})`
    : sql`false`;
  const nameByKeys = whole.length ? sql`(${everyWord} or p.name_keys && ${pgArray(whole)}::text[])` : everyWord;
  // Written `name_search %> q` (not `q <% name_search`): the form of the index condition.
  const nameByTrigram = latin ? sql`p.name_search %> ${latin}` : null;
  return { tsq, nameByKeys, nameByTrigram, latin };
}
