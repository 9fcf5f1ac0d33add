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
  // Facet filters are conditions on `facet_keys` (see the schema): all of them are answered together, exactly,
  // by its GIN index. Within one facet the values are alternatives (&&); across facets all must hold.
  const anyOf = (keys: string[]) => conditions.push(sql`p.facet_keys && ${pgArray(keys)}::text[]`);
  if (filter.sector?.length) anyOf(filter.sector.map((sector) => `s:${sector}`));
  if (filter.residenceCountry?.length) anyOf(filter.residenceCountry.map((country) => `r:${country}`));
  if (filter.gender) anyOf([`g:${filter.gender}`]);
  if (filter.vettingStatus) anyOf([`v:${filter.vettingStatus}`]);
  if (filter.origin) anyOf([`o:${filter.origin}`]);
  if (filter.language) {
    const levels = filter.minLevel ? cefrLevels.slice(cefrLevels.indexOf(filter.minLevel)) : cefrLevels;
    anyOf(levels.map((level) => `l:${filter.language}:${level}`));
  }
  if (filter.occupation) conditions.push(sql`p.occupation like ${`${filter.occupation}%`}`);
  if (filter.stale !== undefined) {
    conditions.push(filter.stale ? sql`p.stale_since is not null` : sql`p.stale_since is null`);
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
    conditions.push(sql`${column} && daterange(${from}, ${to}, '[]')`);
    // The months of a closed period narrow through the index first; the windows above are then checked exactly.
    const months = monthKeys(filter.availableFrom, filter.availableTo);
    if (months) anyOf(months);
  }
  const tags = [...new Set(filter.tag ?? [])];
  if (tags.length) {
    // Experts having every tag: found through the tag index, then matched by primary key.
    conditions.push(sql`p.user_id in (select t.user_id from expert_tags t where t.tag = any(${pgArray(tags)}::text[])
      group by t.user_id having count(*) = ${tags.length})`);
  }
  return conditions;
}

/** Longest closed period whose months are looked up in the index; a longer one is checked on the rows alone. */
const maxIndexedMonths = 36;

/**
 * The `facet_keys` months (`m:YYYY-MM`) a window must have to overlap the period from `from` to `to`, with
 * `m:long` (windows over two years carry no months), or null when the period is open or too long to help.
 */
export function monthKeys(from: string | undefined, to: string | undefined): string[] | null {
  if (!from || !to || to < from) return null;
  const monthIndex = (isoDate: string) => Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1;
  const first = monthIndex(from);
  const last = monthIndex(to);
  if (last - first + 1 > maxIndexedMonths) return null;
  const keys = ['m:long'];
  for (let month = first; month <= last; month++) {
    keys.push(`m:${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`);
  }
  return keys;
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
