import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

/**
 * Recomputes an expert's search fields (name keys and full-text document) from their stored profile. Call it in
 * the transaction of every write that changes what search reads: profile, skills, languages, CV text.
 */
export async function refreshSearchIndex(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`
    update expert_profiles p set
      name_keys = array_remove(array[lower(unaccent(p.first_name || ' ' || p.last_name)), p.name_ar], null),
      search_vector =
        setweight(to_tsvector('simple', unaccent(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, ''))), 'A') ||
        setweight(to_tsvector('simple', unaccent(coalesce(p.headline, '') || ' ' || coalesce(p.summary, ''))), 'B')
    where p.user_id = ${userId}`);
}
