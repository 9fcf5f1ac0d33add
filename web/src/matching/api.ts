import { api } from '../api/client.ts';
import type { AllocationRound, Candidates, RecommendedCalls, RoundPair } from './types.ts';

export const candidates = (assignmentId: string, limit: number) =>
  api<Candidates>('GET', `/assignments/${assignmentId}/candidates`, undefined, { limit });
export const recommendedCalls = () => api<RecommendedCalls>('GET', '/experts/me/recommended-calls');
export const runRound = (body: {
  assignmentIds: string[];
  locked: RoundPair[];
  excluded: RoundPair[];
  expertCapacity: number;
}) => api<AllocationRound>('POST', '/allocation-rounds', body);
export const acceptRound = (id: string, pairs?: RoundPair[]) =>
  api<AllocationRound>('POST', `/allocation-rounds/${id}/accept`, pairs ? { pairs } : {});
