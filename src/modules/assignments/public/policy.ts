import type { AssignmentState } from '../schema.ts';

/**
 * Who may see a call without signing in. There is no actor here, so the rule is about the call alone, and it is
 * applied in each query's WHERE (a call outside it is "not found", whatever the reason):
 *
 * - listed (page, feed): `published` with the deadline still ahead — the calls one can apply to;
 * - readable by address (page, attachments, calendar file): every state a call reaches once published, so a link
 *   shared last month still answers with "applications closed" rather than a dead end. Drafts, submitted,
 *   returned, approved and cancelled ToRs never leave the server.
 */
export const publiclyReadableStates = [
  'published',
  'closed',
  'filled',
  'completed',
] as const satisfies readonly AssignmentState[];

/** Whether a call readable by address still takes applications. */
export function isOpen(call: { state: AssignmentState; deadlineAt: Date }, now: Date): boolean {
  return call.state === 'published' && call.deadlineAt > now;
}
