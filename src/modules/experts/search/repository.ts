import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { nameQuery, normaliseLatin } from '../../../names/index.ts';
import { cefrLevels } from '../schema.ts';
import type { RosterPage, RosterQuery } from './schemas.ts';
import { pgArray, rowsOf } from './sql.ts';

/** Profiles search may show: not erased, and with an active consent to processing (withdrawal hides at once). */
export const eligibleProfile = sql`p.erased_at is null and exists (
  select 1 from consents c where c.user_id = p.user_id and c.purpose = 'processing' and c.withdrawn_at is null)`;

/**
 * The search text as a query in every configuration, OR-ed: a profile matches when all the words match under one
 * language's stemming. `simple` catches words no stemmer knows (names, acronyms).
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

/** The filter conditions of a search, besides eligibility and the text. */
export function filterConditions(filter: RosterQuery): SQL[] {
  const conditions: SQL[] = [];
  if (filter.sector?.length) conditions.push(sql`p.sectors && ${pgArray(filter.sector)}::text[]`);
  if (filter.occupation) conditions.push(sql`p.occupation like ${`${filter.occupation}%`}`);
  if (filter.residenceCountry?.length) {
    conditions.push(sql`p.residence_country = any(${pgArray(filter.residenceCountry)}::text[])`);
  }
  if (filter.gender) conditions.push(sql`p.gender = ${filter.gender}`);
  if (filter.vettingStatus) conditions.push(sql`p.vetting_status = ${filter.vettingStatus}`);
  if (filter.stale !== undefined) {
    conditions.push(filter.stale ? sql`p.stale_since is not null` : sql`p.stale_since is null`);
  }
  if (filter.language) {
    const levels = filter.minLevel ? cefrLevels.slice(cefrLevels.indexOf(filter.minLevel)) : cefrLevels;
    conditions.push(sql`exists (select 1 from expert_languages l where l.user_id = p.user_id
      and l.language = ${filter.language} and l.level = any(${pgArray(levels)}::text[]))`);
  }
  if (filter.availableFrom || filter.availableTo || filter.modality) {
    // Overlap of two closed date ranges: the window starts by the period's end and ends after its start.
    const window: SQL[] = [];
    if (filter.availableTo) window.push(sql`a.starts_on <= ${filter.availableTo}::date`);
    if (filter.availableFrom) window.push(sql`a.ends_on >= ${filter.availableFrom}::date`);
    if (!filter.availableFrom && !filter.availableTo) window.push(sql`a.ends_on >= current_date`);
    if (filter.modality === 'on_site') window.push(sql`a.on_site`);
    if (filter.modality === 'online') window.push(sql`a.online`);
    conditions.push(sql`exists (select 1 from expert_availability a where a.user_id = p.user_id
      and ${sql.join(window, sql` and `)})`);
  }
  return conditions;
}

interface SearchRow {
  total: number;
  items: RosterPage['items'];
  facets: { facet: keyof RosterPage['facets']; value: string; count: number }[] | null;
}

/**
 * The staff roster search in one statement: the matching profiles (text, name keys, trigram name), their total,
 * the facet counts over all of them, and the requested page, ranked.
 */
export async function searchRoster(tx: Tx, filter: RosterQuery): Promise<RosterPage> {
  const q = filter.q?.trim() || undefined;
  const conditions = [eligibleProfile, ...filterConditions(filter)];
  let score = sql`0::real`;
  let tsq = sql`null::tsquery`;
  let nameMatch = sql`false`;
  if (q) {
    const latin = normaliseLatin(q);
    tsq = textQuery(q);
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
    // Trigram similarity on the short name field catches typos the keys miss (Mohaned); never on long texts.
    // Written `name_search %> q` (not `q <% name_search`): the form of the index condition, so the planner knows the
    // bitmap already proved it and does not re-check the whole OR, and so de-TOAST every document, row by row.
    const nameByTrigram = latin ? sql`p.name_search %> ${latin}` : sql`false`;
    nameMatch = sql`(${nameByKeys} or ${nameByTrigram})`;
    conditions.push(sql`(p.search_vector @@ (select tsq from query) or ${nameByKeys} or ${nameByTrigram})`);
    score = sql`ts_rank(p.search_vector, (select tsq from query))
        + (case when ${nameByKeys} then 1 else 0 end)
        + ${latin ? sql`word_similarity(${latin}, p.name_search)` : sql`0`}`;
  }
  const sort = filter.sort ?? (q ? 'relevance' : 'name');
  const order = {
    relevance: sql`m.score desc, m.sort_name, m.user_id`,
    name: sql`m.sort_name, m.user_id`,
    '-updatedAt': sql`m.updated_at desc, m.user_id`,
  }[sort];
  const result = await tx.execute(sql`
    with query as (select ${tsq} as tsq),
    matched as materialized (
      -- What the facets count travels with each match, so they need not read the profiles again.
      select p.user_id, p.updated_at, lower(unaccent(p.last_name || ' ' || p.first_name)) as sort_name,
        ${sort === 'relevance' ? score : sql`0::real`} as score,
        p.gender, p.vetting_status, p.residence_country, p.sectors
      from expert_profiles p
      where ${sql.join(conditions, sql` and `)}
    ),
    page as (
      select m.* from matched m order by ${order}
      limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}
    ),
    facets as (
      select 'gender' as facet, gender as value, count(*)::int as count from matched group by gender
      union all
      select 'vettingStatus', vetting_status, count(*)::int from matched group by vetting_status
      union all
      select 'residenceCountry', residence_country, count(*)::int
        from matched where residence_country is not null group by residence_country
      union all
      select 'sector', s.code, count(*)::int from matched cross join unnest(sectors) as s(code) group by s.code
      union all
      select 'language', l.language, count(*)::int
        from matched m join expert_languages l using (user_id) group by l.language
    )
    select
      (select count(*)::int from matched) as total,
      (select json_agg(f order by f.facet, f.count desc, f.value) from facets f) as facets,
      coalesce((select json_agg(json_build_object(
          'userId', p.user_id, 'firstName', p.first_name, 'lastName', p.last_name, 'nameAr', p.name_ar,
          'gender', p.gender, 'residenceCountry', p.residence_country, 'occupation', p.occupation,
          'sectors', p.sectors, 'vettingStatus', p.vetting_status, 'stale', p.stale_since is not null,
          'score', round(m.score::numeric, 4),
          'languages', coalesce((select json_agg(json_build_object('language', l.language, 'level', l.level)
                                                 order by l.language)
                                 from expert_languages l where l.user_id = p.user_id), '[]'),
          -- Why it matched, for the page's rows only: testing every match would read every document again.
          'matchedOn', array_remove(array[
            case when ${nameMatch} then 'name' end,
            case when p.search_vector @@ (select tsq from query) then 'text' end,
            case when p.search_vector @@ (select tsq from query) and exists (
              select 1 from expert_skills s where s.user_id = p.user_id
                and (to_tsvector('simple', unaccent(s.label)) || to_tsvector('french', unaccent(s.label))
                     || to_tsvector('english', unaccent(s.label)) || to_tsvector('dutch', unaccent(s.label))
                     || to_tsvector('arabic', s.label)) @@ (select tsq from query)) then 'skill' end], null)
        ) order by ${order})
        from page m join expert_profiles p using (user_id)), '[]') as items`);
  const [row] = rowsOf<SearchRow>(result);
  const facets: RosterPage['facets'] = {
    sector: [],
    residenceCountry: [],
    gender: [],
    language: [],
    vettingStatus: [],
  };
  for (const entry of row?.facets ?? []) facets[entry.facet].push({ value: entry.value, count: entry.count });
  return {
    items: (row?.items ?? []).map((item) => ({ ...item, score: Number(item.score) })),
    total: row?.total ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
    facets,
  };
}
