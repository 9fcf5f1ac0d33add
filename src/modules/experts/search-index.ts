import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { nameKeys, nameSearchText } from '../../names/index.ts';
import { findSkillConcept } from '../reference/skills.ts';
import { configsFor, searchConfigs, type SearchConfig } from './search/language.ts';
import { pgArray, rowsOf } from './search/sql.ts';

/** Everything the search fields are computed from, for one profile. */
export interface SearchSource {
  userId: string;
  firstName: string;
  lastName: string;
  nameAr: string | null;
  headline: string | null;
  summary: string | null;
  skills: { label: string; conceptId: string | null; conceptLabels: Record<string, string> | null }[];
  experience: { title: string; description: string | null }[];
  education: string[];
  /** Text extracted from the expert's CVs (documents/), null when there is none. */
  cvText: string | null;
}

/** The computed search fields of one profile, as the bulk update reads them. */
export interface SearchFields {
  user_id: string;
  keys: string[];
  name_search: string;
  names: string;
  /** Weight B text: headline, skills and their concept labels, indexed in all four configurations. */
  b: string;
  /** Weight C (summary, experience, education) and D (CV) text, grouped by configuration. */
  c: Record<SearchConfig, string>;
  d: Record<SearchConfig, string>;
}

/** Harakat and tatweel, which Arabic stemming and unaccent leave in place. */
const stripArabicMarks = (text: string) => text.replace(/[\u064B-\u065F\u0670\u0640]/g, '');

function byConfig(texts: (string | null | undefined)[]): Record<SearchConfig, string> {
  const grouped = Object.fromEntries(searchConfigs.map((config) => [config, [] as string[]])) as Record<
    SearchConfig,
    string[]
  >;
  for (const text of texts) {
    if (!text?.trim()) continue;
    for (const config of configsFor(text)) grouped[config].push(stripArabicMarks(text));
  }
  return Object.fromEntries(searchConfigs.map((config) => [config, grouped[config].join('\n')])) as Record<
    SearchConfig,
    string
  >;
}

/** Pure: the search fields of one profile (name keys, trigram name, weighted texts). */
export function searchFieldsOf(source: SearchSource): SearchFields {
  const skillTexts = source.skills.flatMap((skill) => {
    const concept = skill.conceptId ? findSkillConcept(skill.conceptId) : undefined;
    const labels = concept ? Object.values(concept.labels) : Object.values(skill.conceptLabels ?? {});
    return [skill.label, ...labels];
  });
  return {
    user_id: source.userId,
    keys: nameKeys(source),
    name_search: nameSearchText(source),
    names: stripArabicMarks([source.firstName, source.lastName, source.nameAr ?? ''].join(' ')),
    b: stripArabicMarks([source.headline ?? '', ...skillTexts].join('\n')),
    c: byConfig([
      source.summary,
      ...source.experience.flatMap((entry) => [entry.title, entry.description]),
      ...source.education,
    ]),
    d: byConfig([source.cvText]),
  };
}

/** Loads what the search fields are computed from, for a set of profiles. */
export async function loadSearchSources(tx: Tx, userIds: string[]): Promise<SearchSource[]> {
  const result = await tx.execute(sql`
    select p.user_id as "userId", p.first_name as "firstName", p.last_name as "lastName", p.name_ar as "nameAr",
      p.headline, p.summary,
      coalesce((select json_agg(json_build_object('label', s.label, 'conceptId', s.concept_id,
                                                  'conceptLabels', c.labels))
                from expert_skills s left join skill_concepts c on c.id = s.concept_id
                where s.user_id = p.user_id), '[]') as skills,
      coalesce((select json_agg(json_build_object('title', e.title, 'description', e.description) order by e.position)
                from expert_experience e where e.user_id = p.user_id), '[]') as experience,
      coalesce((select json_agg(concat_ws(' ', d.degree, d.field, d.institution) order by d.position)
                from expert_education d where d.user_id = p.user_id), '[]') as education,
      (select string_agg(x.extracted_text, E'\n' order by x.uploaded_at)
         from expert_documents x where x.user_id = p.user_id and x.kind = 'cv') as "cvText"
    from expert_profiles p
    where p.user_id = any(${pgArray(userIds)}::uuid[])`);
  return rowsOf<SearchSource>(result);
}

/** The expert's availability windows (those matching `which`) as one multirange, edges included. */
const windows = (which: SQL) =>
  sql`coalesce((select range_agg(daterange(a.starts_on, a.ends_on, '[]')) from expert_availability a
                where a.user_id = p.user_id and ${which}), '{}')`;

/**
 * Writes computed search fields in one statement. The documents are built by PostgreSQL: names in `simple`
 * (A, no stemming: a name is not a word), headline and skills in the four languages (B), longer texts in the
 * language they were written in (C), CV text likewise (D). Accents are removed on both sides of the match.
 * It also stores the name's sort key, and copies the languages and availability windows already stored for each
 * profile onto its row.
 */
export async function writeSearchFields(tx: Tx, fields: SearchFields[]): Promise<void> {
  if (fields.length === 0) return;
  const rows = fields.map(({ c, d, ...rest }) => ({
    ...rest,
    ...Object.fromEntries(
      searchConfigs.flatMap((config) => [
        [`c_${config}`, c[config]],
        [`d_${config}`, d[config]],
      ]),
    ),
  }));
  const weighted = (weight: 'B' | 'C' | 'D', column: (config: SearchConfig) => string) =>
    sql.join(
      searchConfigs.map(
        (config) =>
          sql`setweight(to_tsvector(${sql.raw(`'${config}'`)}, unaccent(${sql.raw(column(config))})), ${sql.raw(`'${weight}'`)})`,
      ),
      sql` || `,
    );
  await tx.execute(sql`
    update expert_profiles p set
      name_keys = v.keys,
      name_search = v.name_search,
      search_vector = setweight(to_tsvector('simple', unaccent(v.names)), 'A')
        || ${weighted('B', () => 'v.b')}
        || ${weighted('C', (config) => `v.c_${config}`)}
        || ${weighted('D', (config) => `v.d_${config}`)},
      -- Copies of the sort key, languages and availability windows, so the search reads the profile row alone.
      sort_name = lower(unaccent(p.last_name || ' ' || p.first_name)),
      language_levels = coalesce((select array_agg(l.language || ':' || l.level order by l.language)
                                  from expert_languages l where l.user_id = p.user_id), '{}'),
      available_dates = ${windows(sql`true`)},
      available_on_site = ${windows(sql`a.on_site`)},
      available_online = ${windows(sql`a.online`)}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
      user_id uuid, keys text[], name_search text, names text, b text,
      c_french text, c_english text, c_dutch text, c_arabic text,
      d_french text, d_english text, d_dutch text, d_arabic text)
    where p.user_id = v.user_id`);
}

/** `refreshSearchIndex` for many profiles at once (demo data, imports, benchmarks): one read, one write. */
export async function refreshSearchIndexes(tx: Tx, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const sources = await loadSearchSources(tx, userIds);
  await writeSearchFields(tx, sources.map(searchFieldsOf));
}

/**
 * Recomputes an expert's search fields (name keys, trigram name and full-text document) from their stored
 * profile. Call it in the transaction of every write that changes what search reads: profile, skills,
 * experience, education, languages, availability, CV text.
 */
export async function refreshSearchIndex(tx: Tx, userId: string): Promise<void> {
  await refreshSearchIndexes(tx, [userId]);
}
