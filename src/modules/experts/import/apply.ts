/**
 * Writes a planned import in the caller's transaction: new people (account, expert role, profile, languages,
 * skills), changed fields of profiles the import owns, the search index of everyone touched, the import's record
 * and one audit event. Multi-row statements in batches: 10,000 rows take a few dozen statements, not 100,000.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../audit/service.ts';
import { loadStaffVocabulary } from '../../reference/repository.ts';
import { matchIn, matchSkillConcept } from '../../reference/skills.ts';
import { expertImports } from '../schema.ts';
import { refreshSearchIndexes } from '../search-index.ts';
import { pgArray } from '../search/sql.ts';
import type { ImportField } from './fields.ts';
import { changedFields, type PlannedRow } from './plan.ts';

/**
 * The consent version recorded for imported people: the programme vouches that they agreed to its processing in
 * the roster the file comes from. They see it on their privacy page once they claim the account, and can withdraw.
 */
export const importedConsentVersion = 'import';

const batchSize = 2_000;

/** Profile columns an import writes, by field, with their types for `jsonb_to_recordset`. */
const profileColumns = {
  firstName: ['first_name', 'text'],
  lastName: ['last_name', 'text'],
  nameAr: ['name_ar', 'text'],
  gender: ['gender', 'text'],
  birthDate: ['birth_date', 'date'],
  phone: ['phone', 'text'],
  nationalities: ['nationalities', 'text[]'],
  residenceCountry: ['residence_country', 'text'],
  residenceCity: ['residence_city', 'text'],
  originCountry: ['origin_country', 'text'],
  occupation: ['occupation', 'text'],
  sectors: ['sectors', 'text[]'],
  headline: ['headline', 'text'],
} as const satisfies Partial<Record<ImportField, readonly [string, string]>>;
type ProfileField = keyof typeof profileColumns;
const profileFields = Object.keys(profileColumns) as ProfileField[];

function* batches<T>(items: T[]): Generator<T[]> {
  for (let offset = 0; offset < items.length; offset += batchSize) yield items.slice(offset, offset + batchSize);
}

/** `jsonb_to_recordset` over rows of JSON, with the given `name type` column list. */
const recordset = (rows: object[], columns: string) =>
  sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${sql.raw(columns)})`;

/** Maps skill labels to vocabulary concepts: the built-in vocabulary, then the concepts staff added. */
async function skillMatcher(tx: Tx): Promise<(label: string) => string | null> {
  const staff = await loadStaffVocabulary(tx);
  return (label) => matchSkillConcept(label) ?? matchIn(staff, label);
}

type Person = { id: string; row: PlannedRow };

async function insertLanguages(tx: Tx, people: Person[]) {
  const languages = people.flatMap(({ id, row }) => (row.draft.values.languages ?? []).map((l) => ({ id, ...l })));
  for (const batch of batches(languages)) {
    await tx.execute(sql`insert into expert_languages (user_id, language, level)
      select id, language, level from ${recordset(batch, 'id uuid, language text, level text')}`);
  }
}

async function insertSkills(tx: Tx, people: Person[], match: (label: string) => string | null) {
  const skills = people.flatMap(({ id, row }) =>
    (row.draft.values.skills ?? []).map((label) => ({ id, label, concept: match(label) })),
  );
  for (const batch of batches(skills)) {
    await tx.execute(sql`insert into expert_skills (user_id, label, concept_id, source)
      select id, label, concept, 'manual' from ${recordset(batch, 'id uuid, label text, concept text')}`);
  }
}

async function createPeople(tx: Tx, rows: PlannedRow[], now: Date, match: (label: string) => string | null) {
  const people = rows.map((row) => ({ id: randomUUID(), row }));
  for (const batch of batches(people)) {
    const accounts = batch.map(({ id, row }) => ({
      id,
      email: row.draft.email!,
      name: `${row.draft.values.firstName} ${row.draft.values.lastName}`,
      locale: row.draft.values.locale ?? 'fr',
    }));
    const accountsSet = recordset(accounts, 'id uuid, email text, name text, locale text');
    // Invited, without a password: the person claims the account by resetting the password.
    await tx.execute(sql`insert into users (id, email, name, locale, status)
      select id, email, name, locale, 'invited' from ${accountsSet}`);
    await tx.execute(sql`insert into role_assignments (user_id, role) select id, 'expert' from ${accountsSet}`);
    await tx.execute(sql`insert into consents (user_id, purpose, version, granted_at)
      select id, 'processing', ${importedConsentVersion}, ${now.toISOString()}::timestamptz from ${accountsSet}`);
    const profiles = batch.map(({ id, row }) => ({ user_id: id, ...columnValues(row.draft.values) }));
    await tx.execute(sql`insert into expert_profiles (user_id, origin, confirmed_at, created_at, updated_at,
        ${sql.raw(profileFields.map((field) => profileColumns[field][0]).join(', '))})
      select user_id, 'import', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz,
        ${now.toISOString()}::timestamptz,
        ${sql.raw(
          profileFields
            .map((field) => {
              const [column] = profileColumns[field];
              // Columns the file does not give take the table's defaults.
              if (field === 'gender') return `coalesce(v.gender, 'undisclosed')`;
              if (field === 'nationalities' || field === 'sectors') return `coalesce(v.${column}, '{}')`;
              return `v.${column}`;
            })
            .join(', '),
        )}
      from ${recordset(profiles, `user_id uuid, ${profileFields.map((f) => profileColumns[f].join(' ')).join(', ')}`)}`);
  }
  await insertLanguages(tx, people);
  await insertSkills(tx, people, match);
  return people.map((person) => person.id);
}

/** The profile columns of a row's values, by column name, for the fields the file gives. */
function columnValues(values: PlannedRow['draft']['values']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of profileFields) if (values[field] !== undefined) out[profileColumns[field][0]] = values[field];
  return out;
}

async function updatePeople(tx: Tx, rows: PlannedRow[], now: Date, match: (label: string) => string | null) {
  const people = rows.map((row) => ({
    id: row.existing!.id,
    row,
    changed: changedFields(row.draft.values, row.existing!),
  }));
  // Each changed field is written for the rows where it changed only, so an unchanged cell keeps its stored value.
  for (const field of profileFields) {
    const [column, type] = profileColumns[field];
    const changed = people.filter((person) => person.changed.includes(field));
    for (const batch of batches(changed)) {
      const values = batch.map(({ id, row }) => ({ id, value: row.draft.values[field] ?? null }));
      const assigned: SQL =
        field === 'nationalities' || field === 'sectors'
          ? sql.raw(`coalesce(v.value, '{}')`)
          : field === 'gender'
            ? sql.raw(`coalesce(v.value, 'undisclosed')`)
            : sql.raw('v.value');
      await tx.execute(sql`update expert_profiles p set ${sql.raw(column)} = ${assigned},
          updated_at = ${now.toISOString()}::timestamptz
        from ${recordset(values, `id uuid, value ${type}`)} where p.user_id = v.id`);
    }
  }
  const renamed = people.filter((p) => p.changed.includes('firstName') || p.changed.includes('lastName'));
  for (const batch of batches(renamed)) {
    const names = batch.map(({ id, row }) => ({
      id,
      name: `${row.draft.values.firstName ?? row.existing!.values.firstName} ${row.draft.values.lastName ?? row.existing!.values.lastName}`,
    }));
    await tx.execute(sql`update users u set name = v.name, updated_at = ${now.toISOString()}::timestamptz
      from ${recordset(names, 'id uuid, name text')} where u.id = v.id`);
  }
  // Lists are replaced whole for the people whose list changed.
  const languages = people.filter((person) => person.changed.includes('languages'));
  const skills = people.filter((person) => person.changed.includes('skills'));
  for (const batch of batches(languages)) {
    await tx.execute(sql`delete from expert_languages where user_id = any(${pgArray(batch.map((p) => p.id))}::uuid[])`);
    await tx.execute(sql`update expert_profiles set updated_at = ${now.toISOString()}::timestamptz
      where user_id = any(${pgArray(batch.map((p) => p.id))}::uuid[])`);
  }
  for (const batch of batches(skills)) {
    await tx.execute(sql`delete from expert_skills where user_id = any(${pgArray(batch.map((p) => p.id))}::uuid[])`);
    await tx.execute(sql`update expert_profiles set updated_at = ${now.toISOString()}::timestamptz
      where user_id = any(${pgArray(batch.map((p) => p.id))}::uuid[])`);
  }
  await insertLanguages(tx, languages);
  await insertSkills(tx, skills, match);
  return people.map((person) => person.id);
}

/** A lock only imports take, so that two imports of overlapping files run one after the other. */
const importLockKey = 0x1_3e_a7;

/** Serialises imports: the second waits for the first to commit, then plans against what it wrote. */
export async function lockImports(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${importLockKey})`);
}

export interface ImportRecord {
  importId: string;
  createdIds: string[];
  updatedIds: string[];
}

/**
 * Applies a plan without errors: creates, updates, reindexes, records the import and audits it (counts and the
 * file's hash only: the audit outlives erasure, so it holds no one's data).
 */
export async function applyImport(
  tx: Tx,
  planned: PlannedRow[],
  meta: { actorId: string; fileName: string; sha256: string; ip: string | null; now: Date },
): Promise<ImportRecord> {
  const match = await skillMatcher(tx);
  const createdIds = await createPeople(
    tx,
    planned.filter((row) => row.outcome === 'create'),
    meta.now,
    match,
  );
  const updatedIds = await updatePeople(
    tx,
    planned.filter((row) => row.outcome === 'update'),
    meta.now,
    match,
  );
  const touched = [...createdIds, ...updatedIds];
  for (const batch of batches(touched)) await refreshSearchIndexes(tx, batch);
  const count = (outcome: PlannedRow['outcome']) => planned.filter((row) => row.outcome === outcome).length;
  const [record] = await tx
    .insert(expertImports)
    .values({
      importedBy: meta.actorId,
      fileName: meta.fileName.slice(0, 255),
      sha256: meta.sha256,
      rowCount: planned.length,
      createdCount: createdIds.length,
      updatedCount: updatedIds.length,
      unchangedCount: count('unchanged'),
      importedAt: meta.now,
    })
    .returning({ id: expertImports.id });
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'expert.roster_imported',
    entityType: 'expert_import',
    entityId: record!.id,
    changes: {
      rows: planned.length,
      created: createdIds.length,
      updated: updatedIds.length,
      unchanged: count('unchanged'),
      skippedRegistered: count('skipped_registered'),
      sha256: meta.sha256,
    },
    ip: meta.ip,
  });
  return { importId: record!.id, createdIds, updatedIds };
}
