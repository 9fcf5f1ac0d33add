import { auth, no, ok, type Row } from './types.ts';

/** Only an expert has an own profile: every other role is refused on the /experts/me routes. */
const expertOnly: Row['expect'] = [auth, no, no, no, no, ok, no];

/** The expert profile, consents, export and erasure. */
export const expertProfileRoutes: Record<string, Row> = {
  'GET /api/experts/me': { expect: expertOnly },
  'PATCH /api/experts/me': { expect: expertOnly, body: {} },
  'POST /api/experts/me/consents': { expect: expertOnly, body: { purpose: 'directory', granted: false } },
  'POST /api/experts/me/confirm': { expect: expertOnly },
  'GET /api/experts/me/export': { expect: expertOnly },
  // A wrong password stops at 400 for the expert (access granted, nothing erased): the walk must not erase.
  'DELETE /api/experts/me': { expect: expertOnly, body: { password: 'not the password' } },
  // Staff read any profile; another expert's id is "not found" to an expert; focal points see only shortlisted
  // experts who consented (no shortlists exist yet); donors never see an expert.
  'GET /api/experts/:id': { expect: [auth, ok, ok, ok, no, no, no] },
};
