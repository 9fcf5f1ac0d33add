import { auth, no, ok, type Row } from './types.ts';

/** Programme staff read the staff side; everyone else is refused (experts, focal points, donors: "not found"). */
const staffRead: Row['expect'] = [auth, ok, ok, ok, no, no, no];
/** Programme officers and admins change it; M&E officers read only. */
const editors: Row['expect'] = [auth, ok, ok, no, no, no, no];

/**
 * Vetting, private notes, tags, merge. The walk uses random ids, so editors reach "not found" (access granted);
 * the refusals come before the lookup.
 */
export const expertStaffRoutes: Record<string, Row> = {
  'GET /api/experts/tags': { expect: staffRead },
  'GET /api/experts/:id/vetting': { expect: staffRead },
  'POST /api/experts/:id/vetting-checks': { expect: editors, body: { subject: 'documents', outcome: 'verified' } },
  'PATCH /api/experts/:id/vetting-status': {
    expect: editors,
    body: { status: 'in_review', expectedStatus: 'unvetted' },
  },
  'GET /api/experts/:id/notes': { expect: staffRead },
  'POST /api/experts/:id/notes': { expect: editors, body: { body: 'Walk' } },
  // Whose note it is decides (the note policy): for a note that does not exist every staff reader gets 404.
  'PATCH /api/experts/:id/notes/:noteId': { expect: staffRead, body: { body: 'Walk' } },
  'DELETE /api/experts/:id/notes/:noteId': { expect: staffRead },
  'GET /api/experts/:id/tags': { expect: staffRead },
  'PUT /api/experts/:id/tags': { expect: editors, body: { tags: ['walk'] } },
  'POST /api/experts/:id/merge': { expect: editors, body: { duplicateId: '00000000-0000-4000-8000-000000000000' } },
};
