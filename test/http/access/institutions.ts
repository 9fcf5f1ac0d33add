import { anyUser, auth, no, ok, type Row } from './types.ts';

/** Programme officers and admins write programmes, institutions and plans; M&E officers read only. */
const editors: Row['expect'] = [auth, ok, ok, no, no, no, no];
/**
 * Record routes: the walk uses random ids, so every reader reaches "not found" after access is granted; the rows
 * say who is meant to pass (HTTP tests in src/modules/institutions prove the scoping on real records).
 */
const recordReaders: Row['expect'] = [auth, ok, ok, ok, ok, no, ok];
const planReaders: Row['expect'] = [auth, ok, ok, ok, ok, no, no];
const needProposers: Row['expect'] = [auth, ok, ok, no, ok, no, no];

const programme = {
  code: 'walk-programme',
  name: 'Walk',
  donor: 'Walk donor',
  countries: ['MA'],
  startsOn: '2026-01-01',
  status: 'planned',
};
const institution = { kind: 'partner', type: 'university', nameFr: 'Université de la marche', country: 'NL' };
const programmeId = '00000000-0000-4000-8000-000000000000';

/** Programmes, the institution register, focal points and development plans. */
export const institutionRoutes: Record<string, Row> = {
  // Programmes are public facts: every signed-in user reads them.
  'GET /api/programmes': { expect: anyUser },
  'POST /api/programmes': { expect: editors, body: programme },
  'GET /api/programmes/:id': { expect: anyUser },
  'PATCH /api/programmes/:id': { expect: editors, body: { name: 'Walk' } },
  // Staff and donors read the register, focal points their own institutions; experts are refused.
  'GET /api/institutions': { expect: [auth, ok, ok, ok, ok, no, ok] },
  'POST /api/institutions': { expect: editors, body: institution },
  'GET /api/institutions/:id': { expect: recordReaders },
  'PATCH /api/institutions/:id': { expect: editors, body: { city: 'Utrecht' } },
  'GET /api/institutions/:id/focal-points': { expect: planReaders },
  'GET /api/institutions/:id/plan': { expect: planReaders },
  'POST /api/institutions/:id/outcomes': { expect: editors, body: { programmeId, statement: 'Walk' } },
  'PATCH /api/institutions/:id/outcomes/:outcomeId': { expect: editors, body: { position: 1 } },
  'DELETE /api/institutions/:id/outcomes/:outcomeId': { expect: editors },
  'POST /api/institutions/:id/needs': { expect: needProposers, body: { programmeId, title: 'Walk' } },
  'PATCH /api/institutions/:id/needs/:needId': { expect: editors, body: { priority: 'high' } },
};
