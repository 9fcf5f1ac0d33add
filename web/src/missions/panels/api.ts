import { api, apiUrl, postForm } from '../../api/client.ts';
import type {
  CostInput,
  CostLine,
  EvaluationAnswer,
  FollowUpCreated,
  FollowUpKind,
  MissionCosts,
  NeedMet,
  ReportAnswer,
  ReportFile,
  Session,
  SurveyRow,
} from './types.ts';

const base = (id: string) => `/missions/${encodeURIComponent(id)}`;

/** Query keys of the panels, under the mission's own key so refreshing a mission refreshes them too. */
export const panelKeys = {
  costs: (id: string) => ['missions', id, 'costs'] as const,
  sessions: (id: string) => ['missions', id, 'sessions'] as const,
  report: (id: string) => ['missions', id, 'report'] as const,
  evaluation: (id: string) => ['missions', id, 'evaluation'] as const,
  surveys: (id: string) => ['missions', id, 'surveys'] as const,
};

export const missionCosts = (id: string) => api<MissionCosts>('GET', `${base(id)}/costs`);
export const addCost = (id: string, body: CostInput) => api<CostLine>('POST', `${base(id)}/costs`, body);
export const updateCost = (id: string, costId: string, body: Partial<Omit<CostInput, 'category'>>) =>
  api<CostLine>('PUT', `${base(id)}/costs/${encodeURIComponent(costId)}`, body);
export const deleteCost = (id: string, costId: string) =>
  api<{ status: 'deleted' }>('DELETE', `${base(id)}/costs/${encodeURIComponent(costId)}`);

export const missionSessions = (id: string) => api<{ items: Session[] }>('GET', `${base(id)}/sessions`);
export const planSession = (
  id: string,
  body: { startsAt: string; durationMinutes: number; topic: string; participantsCount: number },
) => api<Session>('POST', `${base(id)}/sessions`, body);
export const recordAttendance = (id: string, sessionId: string, attended: number) =>
  api<Session>('PUT', `${base(id)}/sessions/${encodeURIComponent(sessionId)}/attendance`, { attended });

export interface ReportInput {
  activities: string;
  deliverables: { title: string; fileId?: string }[];
  results: string;
  recommendations: string;
  difficulties?: string;
  submit: boolean;
}
export const missionReport = (id: string) => api<ReportAnswer>('GET', `${base(id)}/report`);
export const saveReport = (id: string, body: ReportInput) => api<ReportAnswer>('POST', `${base(id)}/report`, body);
/** Uploads a deliverable file for the mission's report; the report names it by id when saved. */
export function uploadReportFile(id: string, file: File): Promise<ReportFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  return postForm<ReportFile>(`${base(id)}/report/files`, body);
}
/** Where a deliverable file downloads from. */
export const reportFileUrl = (id: string, fileId: string) =>
  apiUrl(`${base(id)}/report/files/${encodeURIComponent(fileId)}/content`);
/** What a deliverable may be, for the file picker (the server checks the bytes). */
export const deliverableTypes =
  '.pdf,.docx,.xlsx,.pptx,application/pdf,' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document,' +
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,' +
  'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const reviewReport = (id: string, decision: 'accept' | 'return', comment?: string) =>
  api<ReportAnswer>('POST', `${base(id)}/report/review`, { decision, ...(comment ? { comment } : {}) });

export interface EvaluationInput {
  ratings: Record<string, number>;
  knowledgeTransferred: string;
  needMet: NeedMet;
  followUpWanted: boolean;
  comment?: string;
}
export const missionEvaluation = (id: string) => api<EvaluationAnswer>('GET', `${base(id)}/evaluation`);
export const evaluate = (id: string, body: EvaluationInput) =>
  api<EvaluationAnswer>('POST', `${base(id)}/evaluation`, body);

export const missionSurveys = (id: string) => api<{ items: SurveyRow[] }>('GET', `${base(id)}/surveys`);
export const addRespondent = (id: string, body: { name: string; email: string; locale: string }) =>
  api<unknown>('POST', `${base(id)}/survey-respondents`, body);

export const requestFollowUp = (
  id: string,
  body: { kind: FollowUpKind; startsOn: string; endsOn: string; workingDays: number; reason?: string },
) => api<FollowUpCreated>('POST', `${base(id)}/follow-ups`, body);
