import { hasRole, type Actor } from '../../../authz/actor.ts';
import type { Policy } from '../../../authz/policy.ts';

/**
 * Importing writes people into the roster in bulk: programme officers (who run the roster) and administrators.
 * The M&E officer reads and exports the roster but does not change it.
 */
const mayImport = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer');

/** Exporting is reading the roster in bulk: any programme staff who may search it. */
const isStaff = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer', 'me_officer');

export const rosterTransferPolicy: Policy = {
  'roster.import': mayImport,
  'roster.export': isStaff,
};
