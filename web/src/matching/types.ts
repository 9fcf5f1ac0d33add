// Mirrors of the matching API's answers (src/modules/matching/schemas.ts).

/** A code with its parameters, worded by the web app (matching.explanations.*, matching.reasons.*). */
export interface Coded {
  code: string;
  [parameter: string]: unknown;
}

export interface ScoreComponent {
  name: string;
  value: number;
  weight: number;
  explanation: Coded;
}

export interface ExpertRef {
  id: string;
  name: string;
  headline: string | null;
  residenceCountry: string | null;
}

export interface Candidates {
  assignment: { id: string; reference: string; title: string };
  ranked: { expert: ExpertRef; score: number; components: ScoreComponent[] }[];
  excluded: { expert: ExpertRef; reasons: Coded[] }[];
  excludedTotal: number;
  excludedByReason: Record<string, number>;
  skillLabels: Record<string, string>;
}

export interface CallRef {
  id: string;
  reference: string;
  title: string;
  windowStartsOn: string;
  windowEndsOn: string;
}

export interface RecommendedCalls {
  items: { call: CallRef; score: number; components: ScoreComponent[] }[];
  notForYou: { call: CallRef; reasons: Coded[] }[];
  skillLabels: Record<string, string>;
}

export interface RoundPair {
  expertId: string;
  assignmentId: string;
}

/** Whether two pairs name the same expert on the same call. */
export const samePair = (a: RoundPair, b: RoundPair) => a.expertId === b.expertId && a.assignmentId === b.assignmentId;

export interface AllocationRound {
  id: string;
  status: 'proposed' | 'accepted';
  expertCapacity: number;
  calls: { id: string; reference: string; title: string; slots: number }[];
  locked: RoundPair[];
  excluded: RoundPair[];
  pairs: { expert: ExpertRef; assignmentId: string; score: number; locked: boolean; components: ScoreComponent[] }[];
  skillLabels: Record<string, string>;
  filled: number;
  slots: number;
  total: number;
  greedy: { filled: number; total: number };
  ineligible: { expert: ExpertRef; assignmentId: string; reason: string }[];
  createdAt: string;
  acceptedAt: string | null;
  skipped: (RoundPair & { status: string | null })[];
}
