import { hasRole } from '../../authz/actor.ts';
import type { Policy } from '../../authz/policy.ts';

/**
 * The skills vocabulary. Reference lists themselves are public (no rule needed); suggestions are for any
 * signed-in user, since experts, staff and focal points all type skills (profiles, Terms of Reference, search).
 */
export const skillsPolicy: Policy = {
  'skill.suggest': () => true,
};

/** Programme officers and admins extend the vocabulary; everyone who types skills reads it through suggestions. */
export const vocabularyPolicy: Policy = {
  'skill_concept.create': (actor) => hasRole(actor, 'admin', 'programme_officer'),
};
