import { auth, no, ok, type Row } from './types.ts';

/** Programme staff (admin, programme officer, M&E officer) only; focal points, experts and donors are refused. */
const staffOnly: Row['expect'] = [auth, ok, ok, ok, no, no, no];

/** The staff roster search, saved searches and duplicates. */
export const expertSearchRoutes: Record<string, Row> = {
  'GET /api/experts': { expect: staffOnly },
  'GET /api/experts/saved-searches': { expect: staffOnly },
  'POST /api/experts/saved-searches': { expect: staffOnly, body: { name: 'Walk', query: { q: 'santé' } } },
  'DELETE /api/experts/saved-searches/:id': { expect: staffOnly },
  'GET /api/experts/duplicates': { expect: staffOnly },
};
