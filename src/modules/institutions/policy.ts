import { focalInstitutionIds, hasRole, type Actor } from '../../authz/actor.ts';
import type { Policy } from '../../authz/policy.ts';

const isStaff = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer', 'me_officer');
const isEditor = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer');
const isFocalPointOf = (actor: Actor, institution: InstitutionRef) =>
  focalInstitutionIds(actor).includes(institution.id);

/** What the rules need to know about an institution: which one it is. */
export interface InstitutionRef {
  id: string;
}

/**
 * Record-free actions. Staff browse the register and donors read it too (institutions' names, places and sectors
 * are public: the programme publishes them); focal points see their own institution(s) only (the list is scoped in
 * its WHERE); experts have no use for the register and are refused.
 */
export const institutionCapabilities: Policy = {
  'institution.browse': (actor) => isStaff(actor) || hasRole(actor, 'donor'),
  'institution.create': isEditor,
  'institution.own': (actor) => focalInstitutionIds(actor).length > 0,
};

/**
 * One institution. Staff read everything and programme officers and admins change it. Donors read the record
 * (public facts) but neither its people nor its plan. A focal point reads their own institution, its focal points
 * and its development plan, and may propose capacity needs (staff then prioritise, link them to an outcome or drop
 * them): nobody knows the institution's needs better, and the CD4D method is demand-driven. Anyone else gets "not
 * found".
 */
export const institutionPolicy: Policy<InstitutionRef> = {
  'institution.read': (actor, institution) =>
    isStaff(actor) || hasRole(actor, 'donor') || isFocalPointOf(actor, institution),
  'institution.update': isEditor,
  'focal_points.read': (actor, institution) => isStaff(actor) || isFocalPointOf(actor, institution),
  'focal_points.read_email': isStaff,
  'focal_point.invite': isEditor,
  'plan.read': (actor, institution) => isStaff(actor) || isFocalPointOf(actor, institution),
  'plan.edit': isEditor,
  'need.propose': (actor, institution) => isEditor(actor) || isFocalPointOf(actor, institution),
};
