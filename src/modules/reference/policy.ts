import type { Policy } from '../../authz/policy.ts';

/**
 * The skills vocabulary. Reference lists themselves are public (no rule needed); suggestions are for any
 * signed-in user, since experts, staff and focal points all type skills (profiles, Terms of Reference, search).
 */
export const skillsPolicy: Policy = {
  'skill.suggest': () => true,
};
