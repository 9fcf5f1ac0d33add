import { auth, no, ok, type Row } from './types.ts';

/** Staff read a ToR's ranked candidates; with a random id, they reach "not found". */
const staff: Row['expect'] = [auth, ok, ok, ok, no, no, no];
/** Programme officers and admins run and accept allocation rounds. */
const roundRunners: Row['expect'] = [auth, ok, ok, no, no, no, no];

/** The matching engine: candidates, calls for an expert, allocation rounds. */
export const matchingRoutes: Record<string, Row> = {
  'GET /api/assignments/:id/candidates': { expect: staff },
  'GET /api/experts/me/recommended-calls': { expect: [auth, no, no, no, no, ok, no] },
  'POST /api/allocation-rounds': {
    expect: roundRunners,
    body: { assignmentIds: ['00000000-0000-4000-8000-000000000000'] },
  },
  'GET /api/allocation-rounds/:id': { expect: roundRunners },
  'POST /api/allocation-rounds/:id/accept': { expect: roundRunners, body: {} },
};
