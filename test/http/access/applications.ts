import { anyUser, auth, no, ok, type Row } from './types.ts';

/** Only experts apply, list their own applications and set their call alerts. */
const experts: Row['expect'] = [auth, no, no, no, no, ok, no];
/**
 * Reading an application or a call's applications: staff, the applicant, the host's focal point for a shared
 * shortlist. The walk uses random ids, so whoever may look reaches "not found", the same answer as a refusal.
 */
const readers: Row['expect'] = [auth, ok, ok, ok, no, no, no];
/** Programme officers and admins screen; M&E officers read only. With random ids, everyone reaches "not found". */
const screeners: Row['expect'] = [auth, ok, ok, no, no, no, no];

/** Applications and selection, call alerts, the in-app inbox. */
export const applicationRoutes: Record<string, Row> = {
  'POST /api/assignments/:id/applications': {
    expect: experts,
    body: {
      motivation: 'A motivation of more than fifty characters, as the form requires it.',
      availabilityConfirmed: true,
    },
  },
  'GET /api/experts/me/applications': { expect: experts },
  'GET /api/applications/:id': { expect: readers },
  'POST /api/applications/:id/transitions': { expect: readers, body: { to: 'withdrawn' } },
  'POST /api/applications/:id/host-selection': { expect: readers, body: { reason: 'Walk' } },
  'DELETE /api/applications/:id/host-selection': { expect: readers },
  'GET /api/assignments/:id/applications': { expect: readers },
  'PUT /api/assignments/:id/scoring-criteria': {
    expect: screeners,
    body: { criteria: [{ id: 'walk', label: 'Walk', weight: 1 }] },
  },
  'PUT /api/applications/:id/scores': { expect: readers, body: { scores: { walk: 1 } } },
  'POST /api/assignments/:id/shortlist/share': { expect: readers },
  'GET /api/applications/:id/cv': { expect: readers },
  'GET /api/experts/me/call-alerts': { expect: experts },
  'PUT /api/experts/me/call-alerts': { expect: experts, body: { email: true, sectors: [] } },
  'GET /api/notifications': { expect: anyUser },
  'POST /api/notifications/:id/read': { expect: anyUser },
};
