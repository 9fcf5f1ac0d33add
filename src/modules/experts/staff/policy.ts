import { hasRole, type Actor } from '../../../authz/actor.ts';
import type { Policy } from '../../../authz/policy.ts';

/** Everyone who works with the whole roster reads its staff side: vetting, private notes, tags. */
const isStaff = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer', 'me_officer');

/**
 * Who changes the staff side. Vetting, notes, tags and merges are programme work; M&E officers read them for
 * their figures but do not judge experts.
 */
const isRosterEditor = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer');

/** What the note rules need: who wrote it. */
export interface NoteAccess {
  authorId: string | null;
}

/**
 * The staff side of a profile. Experts, focal points and donors match no rule; the routes answer them "not found",
 * as profile.read does, so nobody learns that a person is on the roster or that staff wrote about them.
 */
export const expertStaffPolicy: Policy = {
  'staff.read': isStaff,
  'vetting.record': isRosterEditor,
  'vetting.set_status': isRosterEditor,
  'note.create': isRosterEditor,
  'tags.update': isRosterEditor,
  'expert.merge': isRosterEditor,
};

/**
 * One note: its author edits it; its author or an admin deletes it (an admin clears what should not have been
 * written; nobody rewrites another's words).
 */
export const staffNotePolicy: Policy<NoteAccess> = {
  'note.update': (actor, note) => isRosterEditor(actor) && note.authorId === actor.userId,
  'note.delete': (actor, note) => isRosterEditor(actor) && (note.authorId === actor.userId || hasRole(actor, 'admin')),
};
