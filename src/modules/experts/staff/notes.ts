import { and, count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../../authz/actor.ts';
import { allowedActions, authorize } from '../../../authz/policy.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { users } from '../../identity/schema.ts';
import { expertStaffNotes } from '../schema.ts';
import { staffActions } from './access.ts';
import { staffNotePolicy } from './policy.ts';
import type { noteView, notesPage } from './schemas.ts';

type NoteView = z.infer<typeof noteView>;

interface Meta {
  actor: Actor;
  ip: string | null;
  now: Date;
}

type NoteRow = typeof expertStaffNotes.$inferSelect;

function present(row: NoteRow, authorName: string | null, actor: Actor): NoteView {
  return {
    id: row.id,
    body: row.body,
    author: row.authorId ? { id: row.authorId, name: authorName ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: allowedActions(actor, staffNotePolicy, { authorId: row.authorId }),
  };
}

/** The notes on one expert, newest first, a page at a time. */
export async function listNotes(
  tx: Tx,
  actor: Actor,
  expertId: string,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<z.infer<typeof notesPage>> {
  const rows = await tx
    .select({ note: expertStaffNotes, authorName: users.name })
    .from(expertStaffNotes)
    .leftJoin(users, eq(users.id, expertStaffNotes.authorId))
    .where(eq(expertStaffNotes.userId, expertId))
    .orderBy(desc(expertStaffNotes.createdAt), desc(expertStaffNotes.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx
    .select({ value: count() })
    .from(expertStaffNotes)
    .where(eq(expertStaffNotes.userId, expertId));
  return {
    items: rows.map(({ note, authorName }) => present(note, authorName, actor)),
    total: Number(total?.value ?? 0),
    page,
    pageSize,
    allowedActions: staffActions(actor, ['note.create']),
  };
}

async function presentOne(tx: Tx, row: NoteRow, actor: Actor): Promise<NoteView> {
  const [author] = row.authorId
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, row.authorId))
    : [];
  return present(row, author?.name ?? null, actor);
}

/**
 * The note audit events name the note and the expert, never the text: a note is personal data about the expert,
 * and the audit trail outlives an erasure.
 */
async function auditNote(tx: Tx, action: string, noteId: string, expertId: string, meta: Meta) {
  await recordAudit(tx, {
    actorId: meta.actor.userId,
    action,
    entityType: 'expert_staff_note',
    entityId: noteId,
    changes: { expertId },
    ip: meta.ip,
  });
}

/** Adds a note written by the actor. */
export async function addNote(tx: Tx, expertId: string, body: string, meta: Meta): Promise<NoteView> {
  const [row] = await tx
    .insert(expertStaffNotes)
    .values({ userId: expertId, authorId: meta.actor.userId, body, createdAt: meta.now, updatedAt: meta.now })
    .returning();
  await auditNote(tx, 'expert.note_added', row!.id, expertId, meta);
  return presentOne(tx, row!, meta.actor);
}

/** Loads a note of this expert for `action`; another expert's note, or none, is "not found". */
async function noteFor(tx: Tx, expertId: string, noteId: string, action: string, actor: Actor): Promise<NoteRow> {
  const [row] = await tx
    .select()
    .from(expertStaffNotes)
    .where(and(eq(expertStaffNotes.id, noteId), eq(expertStaffNotes.userId, expertId)))
    .for('update');
  if (!row) throw new AppError('not_found', 'No such note');
  authorize(actor, staffNotePolicy, action, { authorId: row.authorId });
  return row;
}

/** Rewrites the actor's own note. */
export async function editNote(tx: Tx, expertId: string, noteId: string, body: string, meta: Meta) {
  await noteFor(tx, expertId, noteId, 'note.update', meta.actor);
  const [row] = await tx
    .update(expertStaffNotes)
    .set({ body, updatedAt: meta.now })
    .where(eq(expertStaffNotes.id, noteId))
    .returning();
  await auditNote(tx, 'expert.note_edited', noteId, expertId, meta);
  return presentOne(tx, row!, meta.actor);
}

/** Deletes the actor's own note (an admin: any note). */
export async function deleteNote(tx: Tx, expertId: string, noteId: string, meta: Meta): Promise<void> {
  await noteFor(tx, expertId, noteId, 'note.delete', meta.actor);
  await tx.delete(expertStaffNotes).where(eq(expertStaffNotes.id, noteId));
  await auditNote(tx, 'expert.note_deleted', noteId, expertId, meta);
}
