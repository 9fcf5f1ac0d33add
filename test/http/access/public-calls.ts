import { everyone, type Row } from './types.ts';

/**
 * Public calls: open to everyone, signed in or not (the walk's random ids get "not found" after access was
 * granted). What is visible is decided per call in the queries, never by who asks.
 */
export const publicCallRoutes: Record<string, Row> = {
  'GET /api/public/calls': { expect: everyone },
  'GET /api/public/calls.atom': { expect: everyone },
  'GET /api/public/calls/:id': { expect: everyone },
  'GET /api/public/calls/:id.ics': { expect: everyone },
  'GET /api/public/calls/:id/attachments/:attachmentId': { expect: everyone },
};
