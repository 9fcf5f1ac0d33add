/**
 * What the mission page's reporting panels read, mirroring by hand the server's zod schemas in
 * src/modules/missions/costs/schemas.ts, reporting/schemas.ts and surveys/schemas.ts: plain interfaces, so the
 * browser bundle does not pull in zod.
 */

export const costCategories = ['dsa', 'travel', 'insurance', 'visa', 'other'] as const;
export type CostCategory = (typeof costCategories)[number];
export type CostKind = 'planned' | 'actual';

/** The part of `GET /api/missions/{id}` the panels need; the mission page's fuller type fits it. */
export interface MissionView {
  id: string;
  reference: string;
  state: 'planned' | 'agreed' | 'ready' | 'in_progress' | 'reporting' | 'closed' | 'cancelled';
  modality: 'on_site' | 'online' | 'hybrid';
  startsOn: string;
  endsOn: string;
  version: number;
  /** Policy actions the reader holds on this mission (`mission.costs.read`, `mission.report.write`…). */
  actions: string[];
}

/** Every panel has the same props: the mission as loaded, and a callback after a change that may move it. */
export interface PanelProps {
  mission: MissionView;
  onChanged: () => void;
}

export interface DsaRate {
  id: string;
  country: string;
  city: string | null;
  amount: string;
  currency: string;
  validFrom: string;
  validTo: string | null;
  updatedAt: string;
}

export interface CostLine {
  id: string;
  category: CostCategory;
  kind: CostKind;
  description: string | null;
  amount: string;
  currency: string;
  rate: string;
  reportingAmount: string;
  reportingCurrency: string;
  dsaRateId: string | null;
  nights: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface CostTotals {
  planned: string;
  actual: string;
}

/** `GET /api/missions/{id}/costs`. */
export interface MissionCosts {
  missionId: string;
  reportingCurrency: string;
  editable: boolean;
  lines: CostLine[];
  totals: Record<string, CostTotals>;
  total: CostTotals;
  /** How the allowance is reckoned: the rate for the place on the start date and the nights, or why there is none. */
  dsa: {
    applicable: boolean;
    country: string;
    city: string | null;
    on: string;
    nights: number | null;
    rate: DsaRate | null;
    countryWide: boolean;
    amount: string | null;
    currency: string | null;
    problem: 'dsa_not_applicable' | 'dsa_rate_missing' | null;
  };
}

/** The body of `POST /api/missions/{id}/costs`. */
export interface CostInput {
  category: CostCategory;
  kind: CostKind;
  amount?: string;
  currency?: string;
  description?: string | null;
  nights?: number;
}

export interface Session {
  id: string;
  startsAt: string;
  durationMinutes: number;
  topic: string;
  participantsCount: number;
  attended: number | null;
  attendanceRecordedAt: string | null;
}

export const reportStatuses = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export interface Deliverable {
  title: string;
  fileId: string | null;
  fileName: string | null;
  mediaType: string | null;
  byteSize: number | null;
}

/** A file uploaded for the report (`POST /api/missions/{id}/report/files`). */
export interface ReportFile {
  id: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  uploadedAt: string;
}

export interface Report {
  status: ReportStatus;
  activities: string;
  deliverables: Deliverable[];
  results: string;
  recommendations: string;
  difficulties: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  updatedAt: string;
}

/** `GET /api/missions/{id}/report`: a draft is the expert's alone, others get `report: null`. */
export interface ReportAnswer {
  report: Report | null;
  missionState: string;
}

export const needMetAnswers = ['yes', 'partly', 'no'] as const;
export type NeedMet = (typeof needMetAnswers)[number];

export interface Evaluation {
  ratings: Record<string, number>;
  knowledgeTransferred: string;
  needMet: NeedMet;
  followUpWanted: boolean;
  comment: string | null;
  evaluatedAt: string;
}

/** `GET /api/missions/{id}/evaluation`: the question keys in order, and the evaluation once given. */
export interface EvaluationAnswer {
  questions: string[];
  evaluation: Evaluation | null;
}

export const surveyMoments = ['before', 'after', 'one_year'] as const;
export type SurveyMoment = (typeof surveyMoments)[number];

export interface SurveyRow {
  id: string;
  moment: SurveyMoment;
  respondentName: string;
  respondentEmail: string;
  locale: 'fr' | 'ar' | 'en' | 'nl';
  dueOn: string;
  sentAt: string | null;
  remindedAt: string | null;
  submittedAt: string | null;
}

export const followUpKinds = ['virtual_session', 'repeat_mission'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

export interface FollowUpCreated {
  id: string;
  reference: string;
  state: string;
  modality: MissionView['modality'];
  followUpOf: string;
  followUpKind: FollowUpKind;
  startsOn: string;
  endsOn: string;
  workingDays: number;
}

/** The action a panel needs: without it, the panel renders nothing. */
export const may = (mission: MissionView, action: string) => mission.actions.includes(action);
