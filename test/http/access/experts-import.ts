import { auth, no, ok, type Row } from './types.ts';

/**
 * Roster import (programme officers and administrators) and export of a search (all programme staff). The walk
 * sends the import no file: an allowed caller gets 415 (access granted, nothing read), a refused one 403.
 */
export const expertImportRoutes: Record<string, Row> = {
  'POST /api/experts/import': { expect: [auth, ok, ok, no, no, no, no] },
  'GET /api/experts/export': { expect: [auth, ok, ok, ok, no, no, no] },
};
