import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { eligibleProfile, filterConditions, nameMatchOf, textQuery, type TextMatch } from './filters.ts';
import { facetNames, type RosterPage, type RosterQuery } from './schemas.ts';
import { rowsOf } from './sql.ts';

export { eligibleProfile, filterConditions } from './filters.ts';

interface SearchRow {
  total: number;
  items: RosterPage['items'];
  facets: { facet: string; count: number }[] | null;
}

/** How many tags the tag facet lists (the most frequent among the matches). */
const tagFacetSize = 50;

/** The full-text query of `q`, computed once (`''` when it has only stop words). */
export async function textQueryOf(tx: Tx, q: string): Promise<string> {
  const [row] = rowsOf<{ tsq: string | null }>(await tx.execute(sql`select (${textQuery(q)})::text as tsq`));
  return row?.tsq ?? '';
}

/**
 * The profiles `q` finds, as a UNION of sub-selects that each one index can answer (full text, name keys,
 * trigram name), every one carrying the filters and reading the columns the rest of the statement needs from the
 * row it found: an OR across them would hide the indexes from the planner, and joining back costs a look-up per
 * match.
 */
function hitsOf(match: TextMatch, columns: SQL, conditions: SQL[]): SQL {
  const branches = [match.nameByKeys];
  if (match.tsq) branches.unshift(sql`p.search_vector @@ ${match.tsq}::tsquery`);
  if (match.nameByTrigram) branches.push(match.nameByTrigram);
  return sql.join(
    branches.map(
      (branch) => sql`select ${columns} from expert_profiles p where ${sql.join([branch, ...conditions], sql` and `)}`,
    ),
    sql` union `,
  );
}

/**
 * The staff roster search in one statement after the text query: the matching profiles, their total, the facet
 * counts over all of them, and the requested page, ranked. Without parallel workers: each worker is a new
 * process that builds its caches for a statement of a few tens of milliseconds, and on two cores it competes with
 * the leader (p95 53 → 42 ms at 100,000 experts, docs/performance.md).
 */
export async function searchRoster(db: Tx, filter: RosterQuery): Promise<RosterPage> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return searchIn(tx, filter);
  });
}

async function searchIn(tx: Tx, filter: RosterQuery): Promise<RosterPage> {
  const q = filter.q?.trim() || undefined;
  const conditions = filterConditions(filter);
  const match = q ? nameMatchOf(q, await textQueryOf(tx, q)) : undefined;
  const tsq = match?.tsq ? sql`${match.tsq}::tsquery` : sql`null::tsquery`;
  const textMatch = match?.tsq ? sql`p.search_vector @@ ${tsq}` : sql`false`;
  const nameMatch = match
    ? match.nameByTrigram
      ? sql`(${match.nameByKeys} or ${match.nameByTrigram})`
      : match.nameByKeys
    : sql`false`;
  const sort = filter.sort ?? (q ? 'relevance' : 'name');
  const score =
    match && sort === 'relevance'
      ? sql`${match.tsq ? sql`ts_rank(p.rank_vector, ${tsq})` : sql`0`}
          + (case when ${match.nameByKeys} then 1 else 0 end)
          + ${match.latin ? sql`word_similarity(${match.latin}, p.name_search)` : sql`0`}`
      : sql`0::real`;
  const order = {
    relevance: sql`m.score desc, m.sort_name, m.user_id`,
    name: sql`m.sort_name, m.user_id`,
    '-updatedAt': sql`m.updated_at desc, m.user_id`,
  }[sort];
  // What the facets count travels with each match, so they need not read the profiles again.
  const columns = sql`p.user_id, p.updated_at, p.sort_name, ${score} as score, p.facet_keys`;
  const matches = match
    ? hitsOf(match, columns, [...conditions, eligibleProfile])
    : sql`select ${columns} from expert_profiles p where ${sql.join([eligibleProfile, ...conditions], sql` and `)}`;
  const result = await tx.execute(sql`
    with matched as materialized (${matches}),
    page as (
      select m.* from matched m order by ${order}
      limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}
    ),
    facets as (
      -- One pass over every match's keys counts all the facets but tags (the months are not a facet).
      select key as facet, count(*)::int as count
        from (select unnest(facet_keys) as key from matched) k where key not like 'm:%' group by key
      union all
      (select 't:' || t.tag, count(*)::int from matched m join expert_tags t using (user_id)
        group by t.tag order by 2 desc, 1 limit ${tagFacetSize})
    )
    select
      (select count(*)::int from matched) as total,
      (select json_agg(f order by f.count desc, f.facet) from facets f) as facets,
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
            case when ${textMatch} then 'text' end,
            case when ${textMatch} and exists (
              select 1 from expert_skills s where s.user_id = p.user_id
                and (to_tsvector('simple', unaccent(s.label)) || to_tsvector('french', unaccent(s.label))
                     || to_tsvector('english', unaccent(s.label)) || to_tsvector('dutch', unaccent(s.label))
                     || to_tsvector('arabic', s.label)) @@ ${tsq}) then 'skill' end], null)
        ) order by ${order})
        from page m join expert_profiles p using (user_id)), '[]') as items`);
  const [row] = rowsOf<SearchRow>(result);
  return {
    items: (row?.items ?? []).map((item) => ({ ...item, score: Number(item.score) })),
    total: row?.total ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
    facets: facetsOf(row?.facets ?? []),
  };
}

/** Which facet a key's prefix counts (see `facet_keys` in the schema). */
const facetOfPrefix: Record<string, keyof RosterPage['facets']> = {
  g: 'gender',
  v: 'vettingStatus',
  o: 'origin',
  r: 'residenceCountry',
  s: 'sector',
  l: 'language',
  t: 'tag',
};

/**
 * The facets from the key counts, most frequent first. A language counts its experts whatever their level
 * (`l:nl:C1` and `l:nl:B2` are both Dutch, and an expert has one level per language).
 */
function facetsOf(counts: { facet: string; count: number }[]): RosterPage['facets'] {
  const facets = Object.fromEntries(facetNames.map((name) => [name, []])) as unknown as RosterPage['facets'];
  const languages = new Map<string, number>();
  for (const { facet: key, count } of counts) {
    const separator = key.indexOf(':');
    const facet = facetOfPrefix[key.slice(0, separator)];
    const value = key.slice(separator + 1);
    if (facet === 'language') {
      const language = value.split(':')[0]!;
      languages.set(language, (languages.get(language) ?? 0) + count);
    } else if (facet) facets[facet].push({ value, count });
  }
  facets.language = [...languages].map(([value, count]) => ({ value, count }));
  for (const name of facetNames) {
    facets[name].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
  return facets;
}
