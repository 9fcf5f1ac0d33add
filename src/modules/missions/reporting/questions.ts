/**
 * The host's evaluation questions, as data: each is rated from 1 (poor) to 5 (excellent). The web app words them
 * by key (`missions.evaluation.questions.<key>`); `overall` also feeds the matching engine (`evaluationsByExpert`).
 */
export const evaluationQuestionKeys = ['preparation', 'expertise', 'communication', 'relevance', 'overall'] as const;
export type EvaluationQuestionKey = (typeof evaluationQuestionKeys)[number];
