import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { explainNameMatch } from '../../../names/index.ts';
import { eligibleProfile } from './repository.ts';
import { rowsOf } from './sql.ts';
import type { duplicatePair } from './schemas.ts';
import type { z } from 'zod';

type DuplicatePair = z.infer<typeof duplicatePair>;
type ReasonCode = DuplicatePair['reasons'][number]['code'];

/**
 * How much each reason alone says two profiles are one person; independent reasons combine as
 * 1 − Π(1 − weight). A shared phone number is the strongest sign, a shared name the commonest.
 */
export const reasonWeights: Record<ReasonCode, number> = { phone: 0.7, name: 0.6, email: 0.5, birth_date: 0.5 };

interface PairRow {
  left_id: string;
  right_id: string;
  codes: ReasonCode[];
  confidence: number;
  total: number;
}

interface Person {
  userId: string;
  firstName: string;
  lastName: string;
  nameAr: string | null;
}

/**
 * Likely duplicate pairs among searchable profiles, most likely first. Candidates come from equality joins only
 * (whole-name keys `=…`, normalised phone, e-mail local part, birth date), so the cost grows with the number of
 * coincidences, not with the square of the roster.
 */
export async function findDuplicates(
  tx: Tx,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<{ items: DuplicatePair[]; total: number }> {
  const weight = (code: ReasonCode) => sql.raw(String(reasonWeights[code]));
  const result = await tx.execute(sql`
    with people as (
      select p.user_id, p.name_keys, p.name_search, p.birth_date,
        nullif(right(regexp_replace(coalesce(p.phone, ''), '\\D', '', 'g'), 9), '') as phone_key,
        regexp_replace(split_part(lower(u.email), '@', 1), '\\+.*$|[._-]', '', 'g') as email_key
      from expert_profiles p join users u on u.id = p.user_id
      where ${eligibleProfile}
    ),
    whole as (select user_id, key from people, unnest(name_keys) as key where key like '=%'),
    pairs as (
      select a.user_id as left_id, b.user_id as right_id, 'name' as code
        from whole a join whole b on a.key = b.key and a.user_id < b.user_id
      union
      select a.user_id, b.user_id, 'phone'
        from people a join people b on a.phone_key = b.phone_key and a.user_id < b.user_id
        where length(a.phone_key) >= 8
      union
      select a.user_id, b.user_id, 'email'
        from people a join people b on a.email_key = b.email_key and a.user_id < b.user_id
        where length(a.email_key) >= 4
      union
      select a.user_id, b.user_id, 'birth_date'
        from people a join people b on a.birth_date = b.birth_date and a.user_id < b.user_id
        where exists (select 1 from unnest(a.name_keys) k where length(k) >= 3 and k = any(b.name_keys))
           or similarity(a.name_search, b.name_search) > 0.4
    ),
    scored as (
      select left_id, right_id, array_agg(code order by code) as codes,
        1 - exp(sum(ln(1 - case code when 'phone' then ${weight('phone')} when 'name' then ${weight('name')}
                                     when 'email' then ${weight('email')} else ${weight('birth_date')} end))) as confidence
      from pairs group by left_id, right_id
    )
    select left_id, right_id, codes, round(confidence::numeric, 3)::float8 as confidence, count(*) over ()::int as total
    from scored order by confidence desc, left_id, right_id
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  const pairs = rowsOf<PairRow>(result);
  if (pairs.length === 0) return { items: [], total: 0 };
  const ids = [...new Set(pairs.flatMap((pair) => [pair.left_id, pair.right_id]))];
  const people = rowsOf<Person>(
    await tx.execute(sql`
      select user_id as "userId", first_name as "firstName", last_name as "lastName", name_ar as "nameAr"
      from expert_profiles where user_id = any(${`{${ids.join(',')}}`}::uuid[])`),
  );
  const byId = new Map(people.map((person) => [person.userId, person]));
  const items = pairs.map((pair) => {
    const left = byId.get(pair.left_id)!;
    const right = byId.get(pair.right_id)!;
    return {
      left,
      right,
      confidence: Number(pair.confidence),
      reasons: pair.codes.map((code) =>
        code === 'name' || code === 'birth_date' ? { code, keys: explainNameMatch(left, right).slice(0, 3) } : { code },
      ),
    };
  });
  return { items, total: pairs[0]!.total };
}
