import { focalInstitutionIds, hasRole, type Actor } from '../../authz/actor.ts';
import type { Policy } from '../../authz/policy.ts';
import type { MissionState } from './schema.ts';

/** What the rules need to know about one mission; `MissionRow` carries it. */
export interface MissionAccess {
  expertId: string;
  institutionId: string;
  state: MissionState;
}

/** Staff who follow missions: officers organise them, M&E officers read them for results. */
const isStaff = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer', 'me_officer');
/** Organising (creating, moving, costs, reviewing reports) is programme work. */
const isOrganiser = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer');
const isExpertOf = (actor: Actor, mission: MissionAccess) =>
  actor.userId === mission.expertId && hasRole(actor, 'expert');
const isHostOf = (actor: Actor, mission: MissionAccess) => focalInstitutionIds(actor).includes(mission.institutionId);

/**
 * Who may do what with one mission. Refusals of `mission.read` are answered "not found". The host sees the mission,
 * its checklist and sessions, not its costs; the expert sees their own mission with its costs (the allowance).
 */
export const missionPolicy: Policy<MissionAccess> = {
  'mission.read': (actor, m) => isStaff(actor) || isExpertOf(actor, m) || isHostOf(actor, m),
  'mission.manage': (actor) => isOrganiser(actor),
  'mission.costs.read': (actor, m) => isStaff(actor) || isExpertOf(actor, m),
  'mission.costs.write': (actor) => isOrganiser(actor),
  'mission.agreement.accept': isExpertOf,
  /** Ticking a checklist item: staff any item, the expert and the host their own (checked per item). */
  'mission.checklist.tick': (actor, m) => isOrganiser(actor) || isExpertOf(actor, m) || isHostOf(actor, m),
  'mission.report.write': isExpertOf,
  'mission.report.review': (actor) => isOrganiser(actor),
  'mission.evaluate': isHostOf,
  'mission.sessions.plan': (actor, m) => isOrganiser(actor) || isExpertOf(actor, m) || isHostOf(actor, m),
  'mission.sessions.attendance': (actor, m) => isOrganiser(actor) || isHostOf(actor, m),
  'mission.surveys.manage': (actor, m) => isOrganiser(actor) || isHostOf(actor, m),
  /** Who answers the knowledge-transfer surveys and where each stands: staff and the host. */
  'mission.surveys.read': (actor, m) => isStaff(actor) || isHostOf(actor, m),
};

/** Record-free actions for /api/me: the web app builds its navigation from them. */
export const missionCapabilityPolicy: Policy = {
  'mission.list': (actor) => hasRole(actor, 'admin', 'programme_officer', 'me_officer', 'expert', 'focal_point'),
  'mission.create': (actor) => isOrganiser(actor),
  'dsa_rates.manage': (actor) => isOrganiser(actor),
  'internships.manage': (actor) => isOrganiser(actor),
  /** Programme agreement templates: staff read them, organisers write them. */
  'agreement_templates.read': (actor) => isStaff(actor),
  'agreement_templates.manage': (actor) => isOrganiser(actor),
  /** A personal calendar feed of one's missions: whoever takes part in missions. */
  'calendar_feed.manage': (actor) =>
    hasRole(actor, 'admin', 'programme_officer', 'me_officer', 'expert', 'focal_point'),
  /** The DSA and currency rate tables: staff read them (M&E officers check the reporting amounts). */
  'rates.read': (actor) => isStaff(actor),
  'currency_rates.manage': (actor) => isOrganiser(actor),
  /** Internships and trainings abroad: staff read all, focal points their institutions' (scoped in the query). */
  'internships.list': (actor) => isStaff(actor) || focalInstitutionIds(actor).length > 0,
  /**
   * The knowledge-transfer results (figures, no names): staff and donors read them, donors for the programmes of
   * their grants; focal points their institutions' figures (scoped in the query). Experts do not.
   */
  'mission.results.read': (actor) => isStaff(actor) || hasRole(actor, 'donor') || focalInstitutionIds(actor).length > 0,
};

/** The ticking rule for one item: its owner ticks it, staff tick any. */
export function mayTick(actor: Actor, mission: MissionAccess, owner: 'programme' | 'expert' | 'host'): boolean {
  if (isOrganiser(actor)) return true;
  if (owner === 'expert') return isExpertOf(actor, mission);
  if (owner === 'host') return isHostOf(actor, mission);
  return false;
}
