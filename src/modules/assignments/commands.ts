import { eq, like, sql } from 'drizzle-orm';
import { focalInstitutionIds, type Actor } from '../../authz/actor.ts';
import type { Tx } from '../../db/client.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { institutions } from '../institutions/schema.ts';
import { programmes } from '../programmes/schema.ts';
import { todayInMorocco } from './dates.ts';
import { mayCreateFor, requireEditable } from './policy.ts';
import type { AssignmentRow } from './repository.ts';
import { assignments } from './schema.ts';
import type { CreateBody, UpdateBody } from './schemas.ts';
import { checkContent, columnsOf, contentOf, type AssignmentContent } from './validate.ts';

export interface Meta {
  actor: Actor;
  ip: string | null;
  now: Date;
}

/** The prefix of a programme's references: the first part of its code, upper case (`cd4d-ma` → `CD4D`). */
export function referencePrefix(programmeCode: string, year: number): string {
  return `${(programmeCode.split('-')[0] ?? programmeCode).toUpperCase()}-${year}-`;
}

/**
 * The next free reference of a programme and year (`CD4D-2026-001`). A transaction-scoped advisory lock on the
 * prefix makes two creations at once wait for each other instead of picking the same number; the unique index is
 * the last guard.
 */
export async function nextReference(tx: Tx, programmeCode: string, year: number): Promise<string> {
  const prefix = referencePrefix(programmeCode, year);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`assignment-reference:${prefix}`}))`);
  const taken = await tx
    .select({ reference: assignments.reference })
    .from(assignments)
    .where(like(assignments.reference, `${prefix}%`));
  const last = Math.max(0, ...taken.map(({ reference }) => Number(reference.slice(prefix.length)) || 0));
  return `${prefix}${String(last + 1).padStart(3, '0')}`;
}

/** Fields whose before/after the audit keeps (long texts are named, not copied). */
function auditChanges(before: Partial<AssignmentContent> | null, after: AssignmentContent) {
  const changes: Record<string, { before?: unknown; after?: unknown }> = {};
  for (const key of Object.keys(after) as (keyof AssignmentContent)[]) {
    const was = before ? before[key] : undefined;
    if (JSON.stringify(was) === JSON.stringify(after[key])) continue;
    const long = key.startsWith('description') || key === 'needStatement';
    changes[key] = long ? { after: '(changed)' } : { ...(before ? { before: was } : {}), after: after[key] };
  }
  return changes;
}

/**
 * Creates a draft ToR. A focal point creates for their own institution only (and may leave it out when they serve
 * one); staff for any. The deadline must not be past.
 * @throws AppError `forbidden` (another institution), `validation_failed` (fields)
 */
export async function createAssignment(tx: Tx, body: CreateBody, meta: Meta): Promise<string> {
  const mine = focalInstitutionIds(meta.actor);
  const institutionId = body.institutionId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!institutionId) throw fieldError('institutionId', 'required', 'Name the host institution');
  if (!mayCreateFor(meta.actor, institutionId)) {
    throw new AppError('forbidden', 'A focal point drafts ToRs for their own institution only');
  }
  const [programme] = await tx
    .select({ id: programmes.id, code: programmes.code })
    .from(programmes)
    .where(eq(programmes.id, body.programmeId));
  if (!programme) throw fieldError('programmeId', 'not_found', 'No such programme');
  const [institution] = await tx
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.id, institutionId));
  if (!institution) throw fieldError('institutionId', 'not_found', 'No such institution');
  if (body.applicationDeadline < todayInMorocco(meta.now)) {
    throw fieldError('applicationDeadline', 'in_the_past', 'The deadline is already past');
  }
  const content = await checkContent(tx, contentOf(body), { programmeId: programme.id, institutionId });
  const reference = await nextReference(tx, programme.code, meta.now.getUTCFullYear());
  const [row] = await tx
    .insert(assignments)
    .values({
      ...columnsOf(content),
      reference,
      programmeId: programme.id,
      institutionId,
      state: 'draft',
      createdBy: meta.actor.userId,
      createdAt: meta.now,
      updatedAt: meta.now,
    })
    .returning({ id: assignments.id });
  await recordAudit(tx, {
    actorId: meta.actor.userId,
    action: 'assignment.created',
    entityType: 'assignment',
    entityId: row!.id,
    changes: { reference: { after: reference }, ...auditChanges(null, content) },
    ip: meta.ip,
  });
  return row!.id;
}

function contentOfRow(row: AssignmentRow): AssignmentContent {
  const { programmeId: _p, institutionId: _i, ...rest } = row;
  return contentOf(rest as unknown as CreateBody);
}

/**
 * Applies an edit to a locked ToR. Order of refusals: not editable in this state (409 `assignment_not_editable`),
 * then a stale `version` (409 `version_conflict`, with the current version), then the content. Once the call is
 * published, staff may only move the deadline later (an extension, announced to nobody: applicants see the new
 * date on the public page).
 */
export async function updateAssignment(tx: Tx, row: AssignmentRow, body: UpdateBody, meta: Meta): Promise<void> {
  requireEditable(meta.actor, row);
  if (body.version !== row.version) {
    throw new AppError('version_conflict', 'Someone changed this ToR since you loaded it', undefined, {
      currentVersion: row.version,
    });
  }
  const { version: _version, ...changes } = body;
  const before = contentOfRow(row);
  const merged = contentOf({ ...before, ...changes } as CreateBody);
  if (row.state === 'published') {
    const changed = Object.keys(auditChanges(before, merged)).filter((key) => key !== 'applicationDeadline');
    if (changed.length) {
      throw new AppError('assignment_not_editable', 'An open call only takes a later deadline', undefined, {
        state: row.state,
        editableFields: ['applicationDeadline'],
      });
    }
    if (merged.applicationDeadline < before.applicationDeadline) {
      throw fieldError('applicationDeadline', 'date_order', 'An open call’s deadline may only be extended');
    }
  }
  if (
    merged.applicationDeadline !== before.applicationDeadline &&
    merged.applicationDeadline < todayInMorocco(meta.now)
  ) {
    throw fieldError('applicationDeadline', 'in_the_past', 'The deadline is already past');
  }
  const content = await checkContent(tx, merged, { programmeId: row.programmeId, institutionId: row.institutionId });
  const diff = auditChanges(before, content);
  if (!Object.keys(diff).length) return;
  await tx
    .update(assignments)
    .set({ ...columnsOf(content), version: row.version + 1, updatedAt: meta.now })
    .where(eq(assignments.id, row.id));
  await recordAudit(tx, {
    actorId: meta.actor.userId,
    action: 'assignment.updated',
    entityType: 'assignment',
    entityId: row.id,
    changes: { ...diff, version: { before: row.version, after: row.version + 1 } },
    ip: meta.ip,
  });
}
