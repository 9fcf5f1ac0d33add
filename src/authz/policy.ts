import { AppError } from '../http/errors.ts';
import type { Actor } from './actor.ts';

/**
 * A rule says whether an actor may do an action, optionally on one resource. Policies are plain objects of
 * rules, one file per module (`src/modules/<module>/policy.ts`), imported by the routes that check them: nothing
 * is registered by import side effects, and an action without a rule is denied.
 */
export type Rule<Resource = never> = (actor: Actor, resource: Resource) => boolean;

export type Policy<Resource = never> = Record<string, Rule<Resource>>;

/** Whether the actor may do `action` under `policy`; unknown actions are denied. */
export function can<Resource>(
  actor: Actor | null,
  policy: Policy<Resource>,
  action: string,
  resource?: Resource,
): boolean {
  if (!actor) return false;
  const rule = policy[action];
  return rule ? rule(actor, resource as Resource) : false;
}

/**
 * Throws unless the actor may do the action. `hideExistence` answers "not found" instead of "forbidden", for
 * resources whose very existence is private to those who may see them.
 */
export function authorize<Resource>(
  actor: Actor | null,
  policy: Policy<Resource>,
  action: string,
  resource?: Resource,
  { hideExistence = false }: { hideExistence?: boolean } = {},
): void {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first');
  if (!can(actor, policy, action, resource)) {
    throw hideExistence ? new AppError('not_found', 'Not found') : new AppError('forbidden', `Not allowed: ${action}`);
  }
}

/** The actions of a policy the actor may do, to send with a response so the UI shows what the server allows. */
export function allowedActions<Resource>(actor: Actor | null, policy: Policy<Resource>, resource?: Resource): string[] {
  return Object.keys(policy).filter((action) => can(actor, policy, action, resource));
}
