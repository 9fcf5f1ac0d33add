import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { rowsOf } from '../search/sql.ts';
import type { MovedColumn } from './coverage.ts';
import type { MovedKey } from './schemas.ts';

/** Moves one kind of child row from the duplicate to the kept profile; answers how many rows it brought over. */
type Mover = (tx: Tx, keptId: string, duplicateId: string) => Promise<number>;

const countOf = async (tx: Tx, query: SQL) => rowsOf<unknown>(await tx.execute(query)).length;

/** Every remaining row of the duplicate goes to the kept profile. */
const moveAll =
  (table: string): Mover =>
  (tx, keptId, duplicateId) =>
    countOf(
      tx,
      sql`update ${sql.raw(table)} set user_id = ${keptId}::uuid where user_id = ${duplicateId}::uuid returning user_id`,
    );

/**
 * An ordered list (education, experience): entries the kept profile already has, word for word (case aside), are
 * dropped; the others follow the kept profile's own entries in their order.
 */
const appendDistinct =
  (table: string, sameAs: string): Mover =>
  async (tx, keptId, duplicateId) => {
    await tx.execute(sql`delete from ${sql.raw(table)} d where d.user_id = ${duplicateId}::uuid and exists (
      select 1 from ${sql.raw(table)} k where k.user_id = ${keptId}::uuid and ${sql.raw(sameAs)})`);
    return countOf(
      tx,
      sql`update ${sql.raw(table)} set user_id = ${keptId}::uuid,
        position = position + (select coalesce(max(position) + 1, 0) from ${sql.raw(table)} where user_id = ${keptId}::uuid)
      where user_id = ${duplicateId}::uuid returning id`,
    );
  };

/** How the merge treats each column that refers to an expert (see coverage.ts), and the count it reports. */
export const movers: Record<MovedColumn, { key: MovedKey; move: Mover }> = {
  // Languages: one row per language; when both profiles name it, the higher CEFR level stands (A1 < … < C2 is
  // also their text order).
  'expert_languages.user_id': {
    key: 'languages',
    move: async (tx, keptId, duplicateId) => {
      const raised = await countOf(
        tx,
        sql`update expert_languages k set level = d.level from expert_languages d
          where k.user_id = ${keptId}::uuid and d.user_id = ${duplicateId}::uuid and d.language = k.language and d.level > k.level
          returning k.language`,
      );
      await tx.execute(sql`delete from expert_languages d where d.user_id = ${duplicateId}::uuid and exists (
        select 1 from expert_languages k where k.user_id = ${keptId}::uuid and k.language = d.language)`);
      return raised + (await moveAll('expert_languages')(tx, keptId, duplicateId));
    },
  },
  // Skills: a union by label, compared as the unique index compares them (lower case).
  'expert_skills.user_id': {
    key: 'skills',
    move: async (tx, keptId, duplicateId) => {
      await tx.execute(sql`delete from expert_skills d where d.user_id = ${duplicateId}::uuid and exists (
        select 1 from expert_skills k where k.user_id = ${keptId}::uuid and lower(k.label) = lower(d.label))`);
      return moveAll('expert_skills')(tx, keptId, duplicateId);
    },
  },
  'expert_education.user_id': {
    key: 'education',
    move: appendDistinct(
      'expert_education',
      `lower(k.degree) = lower(d.degree) and lower(k.institution) = lower(d.institution)
       and lower(coalesce(k.field, '')) = lower(coalesce(d.field, '')) and k.year_completed is not distinct from d.year_completed`,
    ),
  },
  'expert_experience.user_id': {
    key: 'experience',
    move: appendDistinct(
      'expert_experience',
      `lower(k.title) = lower(d.title) and lower(k.employer) = lower(d.employer)
       and k.starts_on = d.starts_on and k.ends_on is not distinct from d.ends_on`,
    ),
  },
  'expert_availability.user_id': {
    key: 'availability',
    move: async (tx, keptId, duplicateId) => {
      await tx.execute(sql`delete from expert_availability d where d.user_id = ${duplicateId}::uuid and exists (
        select 1 from expert_availability k where k.user_id = ${keptId}::uuid and k.starts_on = d.starts_on
          and k.ends_on = d.ends_on and k.on_site = d.on_site and k.online = d.online)`);
      return moveAll('expert_availability')(tx, keptId, duplicateId);
    },
  },
  // Documents keep their bytes (expert_document_contents hangs on the document id, which does not change).
  'expert_documents.user_id': { key: 'documents', move: moveAll('expert_documents') },
  // Every check with its date and checker: the history stays true, the latest per subject is the current state.
  'expert_vetting_checks.user_id': { key: 'vettingChecks', move: moveAll('expert_vetting_checks') },
  'expert_staff_notes.user_id': { key: 'notes', move: moveAll('expert_staff_notes') },
  // Tags: a union; a tag on both keeps the kept profile's "added by".
  'expert_tags.user_id': {
    key: 'tags',
    move: async (tx, keptId, duplicateId) => {
      const added = await countOf(
        tx,
        sql`insert into expert_tags (user_id, tag, added_by, added_at)
          select ${keptId}::uuid, tag, added_by, added_at from expert_tags where user_id = ${duplicateId}::uuid
          on conflict do nothing returning tag`,
      );
      await tx.execute(sql`delete from expert_tags where user_id = ${duplicateId}::uuid`);
      return added;
    },
  },
  // Applications: where both applied to the same call, the one further along stands (selected, then shortlisted,
  // under review, submitted, not selected, withdrawn; the older one on a tie) and the other is deleted with its
  // history; every other application moves with its history.
  'applications.expert_id': {
    key: 'applications',
    move: async (tx, keptId, duplicateId) => {
      await tx.execute(sql`
        with ranked as (
          select id, row_number() over (partition by assignment_id order by
            array_position(array['selected','shortlisted','under_review','submitted','not_selected','withdrawn'], status),
            submitted_at) as place
          from applications where expert_id in (${keptId}::uuid, ${duplicateId}::uuid))
        delete from applications a using ranked r where a.id = r.id and r.place > 1`);
      return countOf(
        tx,
        sql`update applications set expert_id = ${keptId}::uuid where expert_id = ${duplicateId}::uuid returning id`,
      );
    },
  },
  // Missions are the expert's record of work: every one moves, whatever its state.
  'missions.expert_id': {
    key: 'missions',
    move: (tx, keptId, duplicateId) =>
      countOf(
        tx,
        sql`update missions set expert_id = ${keptId}::uuid where expert_id = ${duplicateId}::uuid returning id`,
      ),
  },
};
