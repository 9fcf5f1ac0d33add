import { auth, no, ok, type Row } from './types.ts';

/** Staff and focal points reach ToRs (focal points only their institution's); experts and donors never. */
const readers: Row['expect'] = [auth, ok, ok, ok, ok, no, no];
/** Programme officers, admins and focal points draft; M&E officers read only. */
const drafters: Row['expect'] = [auth, ok, ok, no, ok, no, no];

/**
 * Terms of Reference. The walk uses random ids, so every caller who gets past the capability check meets "not
 * found" for the ToR itself (which `no` and `ok` both accept): the columns say what each role is meant to reach.
 */
export const assignmentRoutes: Record<string, Row> = {
  'GET /api/assignments': { expect: readers },
  // No institution: a focal point drafts for their own; the random programme then fails validation (400).
  'POST /api/assignments': {
    expect: drafters,
    body: {
      programmeId: '00000000-0000-4000-8000-000000000000',
      titleFr: 'Walk',
      descriptionFr: 'Walk',
      modality: 'online',
      windowStartsOn: '2099-02-01',
      windowEndsOn: '2099-02-28',
      workingDays: 5,
      applicationDeadline: '2099-01-15',
    },
  },
  'GET /api/assignments/form-options': { expect: drafters },
  'GET /api/assignments/:id': { expect: readers },
  'PATCH /api/assignments/:id': { expect: drafters, body: { version: 1 } },
  'POST /api/assignments/:id/transitions': { expect: drafters, body: { to: 'submitted' } },
  'GET /api/assignments/:id/history': { expect: readers },
  'POST /api/assignments/:id/attachments': { expect: drafters },
  'GET /api/assignments/:id/attachments/:attachmentId': { expect: readers },
  'DELETE /api/assignments/:id/attachments/:attachmentId': { expect: drafters },
};
