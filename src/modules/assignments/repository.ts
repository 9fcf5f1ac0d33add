import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { focalInstitutionIds, hasRole, type Actor } from '../../authz/actor.ts';
import type { Tx } from '../../db/client.ts';
import { users } from '../identity/schema.ts';
import { capacityNeeds, institutions } from '../institutions/schema.ts';
import { programmes } from '../programmes/schema.ts';
import { assignmentAttachments, assignments, assignmentTransitions } from './schema.ts';
import type { ListQuery } from './schemas.ts';

export type AssignmentRow = typeof assignments.$inferSelect;

/** One ToR, locked for the rest of the transaction when `forUpdate` (every write locks before it reads). */
export async function findAssignment(tx: Tx, id: string, forUpdate = false): Promise<AssignmentRow | undefined> {
  const query = tx.select().from(assignments).where(eq(assignments.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** What a ToR's page shows beside its own columns: programme, institution, need, attachments, last return. */
export async function loadRelated(tx: Tx, row: AssignmentRow) {
  const [programme] = await tx
    .select({ id: programmes.id, code: programmes.code, name: programmes.name })
    .from(programmes)
    .where(eq(programmes.id, row.programmeId));
  const [institution] = await tx
    .select({
      id: institutions.id,
      nameFr: institutions.nameFr,
      nameAr: institutions.nameAr,
      nameEn: institutions.nameEn,
    })
    .from(institutions)
    .where(eq(institutions.id, row.institutionId));
  const need = row.needId
    ? ((
        await tx
          .select({ id: capacityNeeds.id, title: capacityNeeds.title })
          .from(capacityNeeds)
          .where(eq(capacityNeeds.id, row.needId))
      )[0] ?? null)
    : null;
  const attachments = await tx
    .select({
      id: assignmentAttachments.id,
      fileName: assignmentAttachments.fileName,
      mediaType: assignmentAttachments.mediaType,
      byteSize: assignmentAttachments.byteSize,
      public: assignmentAttachments.public,
      uploadedAt: assignmentAttachments.uploadedAt,
    })
    .from(assignmentAttachments)
    .where(eq(assignmentAttachments.assignmentId, row.id))
    .orderBy(asc(assignmentAttachments.uploadedAt));
  let returnComment: string | null = null;
  if (row.state === 'returned') {
    const [last] = await tx
      .select({ comment: assignmentTransitions.comment })
      .from(assignmentTransitions)
      .where(and(eq(assignmentTransitions.assignmentId, row.id), eq(assignmentTransitions.toState, 'returned')))
      .orderBy(desc(assignmentTransitions.at))
      .limit(1);
    returnComment = last?.comment ?? null;
  }
  return { programme: programme!, institution: institution!, need, attachments, returnComment };
}
export type Related = Awaited<ReturnType<typeof loadRelated>>;

/** Who may appear in a list: staff see everything, focal points their institutions' ToRs, others nothing. */
function scopeOf(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'admin', 'programme_officer', 'me_officer')) return undefined;
  const mine = focalInstitutionIds(actor);
  return mine.length ? inArray(assignments.institutionId, mine) : sql`false`;
}

const sortColumns = {
  updated: assignments.updatedAt,
  deadline: assignments.deadlineAt,
  reference: assignments.reference,
  title: assignments.titleFr,
};

/** A page of the ToRs the actor may see, filtered and sorted, with the count per state (state filter aside). */
export async function listAssignments(tx: Tx, actor: Actor, query: ListQuery) {
  const base: SQL[] = [];
  const scope = scopeOf(actor);
  if (scope) base.push(scope);
  if (query.programmeId) base.push(eq(assignments.programmeId, query.programmeId));
  if (query.institutionId) base.push(eq(assignments.institutionId, query.institutionId));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    base.push(
      or(
        ilike(assignments.reference, pattern),
        ilike(assignments.titleFr, pattern),
        ilike(assignments.titleAr, pattern),
        ilike(assignments.titleEn, pattern),
      )!,
    );
  }
  const where = and(...base, ...(query.state ? [eq(assignments.state, query.state)] : []));
  const column = sortColumns[query.sort];
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await tx
    .select({
      row: assignments,
      programme: { id: programmes.id, code: programmes.code, name: programmes.name },
      institution: {
        id: institutions.id,
        nameFr: institutions.nameFr,
        nameAr: institutions.nameAr,
        nameEn: institutions.nameEn,
      },
    })
    .from(assignments)
    .innerJoin(programmes, eq(programmes.id, assignments.programmeId))
    .innerJoin(institutions, eq(institutions.id, assignments.institutionId))
    .where(where)
    .orderBy(direction(column), asc(assignments.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.select({ value: count() }).from(assignments).where(where);
  const perState = await tx
    .select({ state: assignments.state, value: count() })
    .from(assignments)
    .where(and(...base))
    .groupBy(assignments.state);
  return {
    rows,
    total: Number(total?.value ?? 0),
    counts: Object.fromEntries(perState.map((entry) => [entry.state, Number(entry.value)])),
  };
}

/** The moves of a ToR, oldest first, with the actors' names. */
export async function listHistory(tx: Tx, assignmentId: string) {
  return tx
    .select({
      id: assignmentTransitions.id,
      from: assignmentTransitions.fromState,
      to: assignmentTransitions.toState,
      comment: assignmentTransitions.comment,
      actorId: assignmentTransitions.actorId,
      actorName: users.name,
      at: assignmentTransitions.at,
    })
    .from(assignmentTransitions)
    .leftJoin(users, eq(users.id, assignmentTransitions.actorId))
    .where(eq(assignmentTransitions.assignmentId, assignmentId))
    .orderBy(asc(assignmentTransitions.at), asc(assignmentTransitions.id));
}

/**
 * The choices of the ToR form: running programmes, the host institutions the actor may draft for (a focal
 * point: their own) and those institutions' capacity needs still open or in progress.
 */
export async function formOptions(tx: Tx, actor: Actor) {
  const mine = hasRole(actor, 'admin', 'programme_officer') ? null : focalInstitutionIds(actor);
  const programmeRows = await tx
    .select({ id: programmes.id, code: programmes.code, name: programmes.name })
    .from(programmes)
    .where(eq(programmes.status, 'running'))
    .orderBy(asc(programmes.name));
  const institutionRows = await tx
    .select({
      id: institutions.id,
      nameFr: institutions.nameFr,
      nameAr: institutions.nameAr,
      nameEn: institutions.nameEn,
    })
    .from(institutions)
    .where(mine ? (mine.length ? inArray(institutions.id, mine) : sql`false`) : eq(institutions.kind, 'host'))
    .orderBy(asc(institutions.nameFr));
  const needs = institutionRows.length
    ? await tx
        .select({
          id: capacityNeeds.id,
          title: capacityNeeds.title,
          institutionId: capacityNeeds.institutionId,
          programmeId: capacityNeeds.programmeId,
        })
        .from(capacityNeeds)
        .where(
          and(
            inArray(
              capacityNeeds.institutionId,
              institutionRows.map((row) => row.id),
            ),
            inArray(capacityNeeds.status, ['open', 'in_progress']),
          ),
        )
        .orderBy(asc(capacityNeeds.title))
    : [];
  return { programmes: programmeRows, institutions: institutionRows, needs };
}
