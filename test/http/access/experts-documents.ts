import { auth, no, ok, type Row } from './types.ts';

/** Only an expert has own documents: every other role is refused on the /experts/me/documents routes. */
const expertOnly: Row['expect'] = [auth, no, no, no, no, ok, no];
/**
 * Another expert's documents follow the profile's read rule: staff read them; focal points only for shortlisted
 * experts who consented (no shortlists exist yet); experts and donors never ("not found").
 */
const profileReaders: Row['expect'] = [auth, ok, ok, ok, no, no, no];

/** CV and diploma upload, list, download, deletion and skill suggestions. */
export const expertDocumentRoutes: Record<string, Row> = {
  'GET /api/experts/me/documents': { expect: expertOnly },
  // Without a multipart body the expert gets 415 (access granted, nothing stored).
  'POST /api/experts/me/documents': { expect: expertOnly },
  'GET /api/experts/me/documents/:id/content': { expect: expertOnly },
  'DELETE /api/experts/me/documents/:id': { expect: expertOnly },
  'GET /api/experts/me/documents/:id/skill-suggestions': { expect: expertOnly },
  'POST /api/experts/me/documents/:id/skill-suggestions': { expect: expertOnly, body: { conceptIds: ['irrigation'] } },
  'GET /api/experts/:id/documents': { expect: profileReaders },
  'GET /api/experts/:id/documents/:documentId/content': { expect: profileReaders },
};
