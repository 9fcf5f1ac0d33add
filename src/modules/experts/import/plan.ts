/**
 * What an import would do with each row, decided against the database: create a person, update a profile the
 * import owns, leave it unchanged, or leave alone a profile its expert owns. Read-only: the dry run stops here.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import type { Locale } from '../../identity/schema.ts';
import { pgArray, rowsOf } from '../search/sql.ts';
import type { ImportedValues, Problem, RowDraft } from './rows.ts';

/** What the import does with one row. */
export const rowOutcomes = ['create', 'update', 'unchanged', 'skipped_registered', 'error'] as const;
export type RowOutcome = (typeof rowOutcomes)[number];

/** The person an e-mail address already belongs to, with what the import may compare. */
export interface ExistingPerson {
  id: string;
  email: string;
  status: 'active' | 'invited' | 'disabled';
  locale: Locale;
  isExpert: boolean;
  origin: 'registration' | 'import' | null;
  values: Required<Omit<ImportedValues, 'locale'>>;
}

export interface PlannedRow {
  draft: RowDraft;
  outcome: RowOutcome;
  existing: ExistingPerson | undefined;
}

const lookupBatch = 5_000;

/**
 * The accounts and profiles of these e-mail addresses, in batches. Reads identity's users and role grants beside
 * the profiles in one statement: an import of 20,000 rows cannot afford a lookup per person.
 */
export async function loadExisting(tx: Tx, emails: string[]): Promise<Map<string, ExistingPerson>> {
  const found = new Map<string, ExistingPerson>();
  for (let offset = 0; offset < emails.length; offset += lookupBatch) {
    const batch = emails.slice(offset, offset + lookupBatch);
    const result = await tx.execute(sql`
      select u.id, u.email, u.status, u.locale,
        exists (select 1 from role_assignments r where r.user_id = u.id and r.role = 'expert') as "isExpert",
        p.origin,
        json_build_object(
          'firstName', p.first_name, 'lastName', p.last_name, 'nameAr', p.name_ar, 'gender', p.gender,
          'birthDate', p.birth_date, 'phone', p.phone, 'nationalities', p.nationalities,
          'residenceCountry', p.residence_country, 'residenceCity', p.residence_city,
          'originCountry', p.origin_country, 'occupation', p.occupation, 'sectors', p.sectors,
          'headline', p.headline,
          'languages', coalesce((select json_agg(json_build_object('language', l.language, 'level', l.level))
                                 from expert_languages l where l.user_id = u.id), '[]'),
          'skills', coalesce((select json_agg(s.label) from expert_skills s where s.user_id = u.id), '[]')
        ) as values
      from users u left join expert_profiles p on p.user_id = u.id
      where u.email = any(${pgArray(batch)}::text[])`);
    for (const person of rowsOf<ExistingPerson>(result)) found.set(person.email, person);
  }
  return found;
}

const sorted = (values: readonly string[]) => [...values].sort();

/** A field's value in a form where equal means the same to the roster (lists are sets, skills ignore case). */
function comparable(field: keyof ImportedValues, value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (field === 'languages') {
    return JSON.stringify(
      sorted((value as { language: string; level: string }[]).map((l) => `${l.language}:${l.level}`)),
    );
  }
  if (field === 'skills') return JSON.stringify(sorted((value as string[]).map((label) => label.toLowerCase())));
  if (Array.isArray(value)) return JSON.stringify(sorted(value as string[]));
  return JSON.stringify(value);
}

/** The imported fields whose values differ from the stored profile's; the account's locale is set on creation only. */
export function changedFields(values: ImportedValues, existing: ExistingPerson): (keyof ImportedValues)[] {
  return (Object.keys(values) as (keyof ImportedValues)[]).filter(
    (field) =>
      field !== 'locale' &&
      comparable(field, values[field]) !== comparable(field, existing.values[field as keyof ExistingPerson['values']]),
  );
}

/**
 * Decides each row's outcome. A row with an error is `error`. An address nobody has is `create`. An address of a
 * staff or other non-expert account is an error (`not_an_expert`). A profile created by an earlier import whose
 * account was never claimed is the import's: `update` when an imported field differs, else `unchanged`. Any other
 * expert (self-registered, or an imported one who has since signed in and so owns the profile) is
 * `skipped_registered`: the import never overwrites what an expert wrote.
 */
export function planRows(drafts: RowDraft[], existing: Map<string, ExistingPerson>): PlannedRow[] {
  return drafts.map((draft) => {
    const person = draft.email ? existing.get(draft.email) : undefined;
    if (person && !person.isExpert) {
      draft.problems.push({
        row: draft.row,
        column: null,
        field: 'email',
        code: 'not_an_expert',
        message: 'This e-mail address belongs to an account that is not an expert',
        severity: 'error',
      });
    }
    if (draft.problems.some((problem) => problem.severity === 'error')) {
      return { draft, outcome: 'error', existing: person };
    }
    if (!person) return { draft, outcome: 'create', existing: undefined };
    if (person.origin !== 'import' || person.status !== 'invited') {
      return { draft, outcome: 'skipped_registered', existing: person };
    }
    return { draft, outcome: changedFields(draft.values, person).length ? 'update' : 'unchanged', existing: person };
  });
}

/** Problems listed in a report at most; the count says how many there were in all. */
export const maxReportedProblems = 10_000;

/** The report a dry run (and a real import) answers. */
export function reportOf(planned: PlannedRow[], fileProblems: Problem[]) {
  const counts = Object.fromEntries(rowOutcomes.map((outcome) => [outcome, 0])) as Record<RowOutcome, number>;
  for (const row of planned) counts[row.outcome] += 1;
  const problems = [...fileProblems, ...planned.flatMap((row) => row.draft.problems)];
  return {
    counts: { rows: planned.length, ...counts },
    rows: planned.map((row) => ({ row: row.draft.row, email: row.draft.email, outcome: row.outcome })),
    problems: problems.slice(0, maxReportedProblems),
    problemCount: problems.length,
    errorCount: problems.filter((problem) => problem.severity === 'error').length,
  };
}
