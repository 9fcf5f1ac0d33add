/**
 * Component weights are programme settings: a programme overrides any subset of the defaults, and the result is
 * normalised to sum 1 so that a score stays in [0, 1] whatever the scale staff typed.
 */
import { componentNames, type ComponentName } from './codes.ts';
import type { Weights } from './types.ts';

/** The default weights (they sum to 1): skills first, since they are what a ToR is about. */
export const defaultWeights: Readonly<Weights> = Object.freeze({
  skills: 0.35,
  sectors: 0.1,
  occupation: 0.1,
  languages: 0.1,
  availability: 0.1,
  experience: 0.1,
  evaluations: 0.1,
  freshness: 0.05,
});

/** Why a set of weights was refused; `component` names the offending entry when there is one. */
export class WeightsError extends Error {
  constructor(
    readonly code: 'weights.unknown_component' | 'weights.invalid' | 'weights.zero_sum',
    readonly component: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'WeightsError';
  }
}

/**
 * The defaults with `overrides` applied, normalised to sum 1. Throws `WeightsError` for an unknown component, a
 * weight that is negative or not a finite number, or weights that sum to 0.
 */
export function resolveWeights(overrides: Partial<Record<string, number>> = {}): Weights {
  const merged: Weights = { ...defaultWeights };
  for (const [name, weight] of Object.entries(overrides)) {
    if (weight === undefined) continue;
    if (!(componentNames as readonly string[]).includes(name)) {
      throw new WeightsError('weights.unknown_component', name, `Unknown score component: ${name}`);
    }
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new WeightsError('weights.invalid', name, `Weight of ${name} must be a finite number ≥ 0`);
    }
    merged[name as ComponentName] = weight;
  }
  const sum = componentNames.reduce((total, name) => total + merged[name], 0);
  if (!(sum > 0)) throw new WeightsError('weights.zero_sum', null, 'Weights must sum to more than 0');
  for (const name of componentNames) merged[name] /= sum;
  return merged;
}
