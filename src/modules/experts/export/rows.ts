/**
 * The rows of a roster export: every profile the staff search matches (not one page), with the fields staff may
 * read on a profile. Never staff notes, never erased profiles (the search already leaves those out).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { searchRoster } from '../search/repository.ts';
import type { RosterQuery } from '../search/schemas.ts';
import { pgArray, rowsOf } from '../search/sql.ts';
import { importFields, type ImportField } from '../import/fields.ts';

/** At most this many rows leave in one export; the response says when the search matched more. */
export const maxExportRows = 50_000;

/**
 * The columns, in order, under stable English keys. The importable ones are the import's field names, so an
 * exported file can be imported back; the last five are for reading only (the import ignores them).
 */
export const exportColumns = [
  ...importFields.filter((field): field is Exclude<ImportField, 'locale'> => field !== 'locale'),
  'vettingStatus',
  'stale',
  'origin',
  'confirmedAt',
  'updatedAt',
] as const;
export type ExportRow = Record<(typeof exportColumns)[number], string | null>;

const batchSize = 1_000;

/**
 * The user ids the search matches, in the search's own order, through the search itself (`searchRoster` with one
 * page as large as the cap), so the export holds exactly what staff see however the search evolves.
 */
export async function matchingIds(tx: Tx, filter: Omit<RosterQuery, 'page' | 'pageSize'>) {
  const page = await searchRoster(tx, { ...filter, page: 1, pageSize: maxExportRows } as RosterQuery);
  return { ids: page.items.map((item) => item.userId), total: page.total };
}

/** Loads the export's columns for these profiles, in the given order; lists are joined with "; ". */
export async function loadExportRows(tx: Tx, ids: string[]): Promise<ExportRow[]> {
  const byId = new Map<string, ExportRow>();
  for (let offset = 0; offset < ids.length; offset += batchSize) {
    const batch = ids.slice(offset, offset + batchSize);
    const result = await tx.execute(sql`
      select p.user_id as id, u.email, p.first_name as "firstName", p.last_name as "lastName", p.name_ar as "nameAr",
        p.gender, p.birth_date::text as "birthDate", p.phone,
        array_to_string(p.nationalities, '; ') as nationalities,
        p.residence_country as "residenceCountry", p.residence_city as "residenceCity",
        p.origin_country as "originCountry", p.occupation, array_to_string(p.sectors, '; ') as sectors,
        (select string_agg(l.language || ':' || l.level, '; ' order by l.language)
           from expert_languages l where l.user_id = p.user_id) as languages,
        (select string_agg(s.label, '; ' order by lower(s.label))
           from expert_skills s where s.user_id = p.user_id) as skills,
        p.headline, p.vetting_status as "vettingStatus",
        case when p.stale_since is null then 'false' else 'true' end as stale, p.origin,
        to_char(p.confirmed_at at time zone 'UTC', 'YYYY-MM-DD') as "confirmedAt",
        to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
      from expert_profiles p join users u on u.id = p.user_id
      where p.user_id = any(${pgArray(batch)}::uuid[]) and p.erased_at is null`);
    for (const row of rowsOf<ExportRow & { id: string }>(result)) {
      const { id, ...rest } = row;
      byId.set(id, rest);
    }
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}
