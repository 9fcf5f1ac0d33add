import { api } from '../api/client.ts';
import type { Application, CallAlerts, CallApplications, NoticePage, PublicCall, ScoringCriterion } from './types.ts';

export const myApplicationsKey = ['applications', 'mine'] as const;
export const callApplicationsKey = (id: string) => ['applications', 'call', id] as const;
export const noticesKey = ['notifications'] as const;

export const publicCall = (id: string, lang: string) =>
  api<PublicCall>('GET', `/public/calls/${id}`, undefined, { lang });
export const applyTo = (
  callId: string,
  body: { motivation: string; availabilityConfirmed: boolean; cvDocumentId?: string },
) => api<Application>('POST', `/assignments/${callId}/applications`, body);
export const myApplications = () => api<{ items: Application[] }>('GET', '/experts/me/applications');
export const moveApplication = (id: string, to: string, reason?: string) =>
  api<Application>('POST', `/applications/${id}/transitions`, { to, ...(reason ? { reason } : {}) });
export const callApplications = (id: string, sort: 'score' | 'date') =>
  api<CallApplications>('GET', `/assignments/${id}/applications`, undefined, { sort });
export const saveCriteria = (id: string, criteria: ScoringCriterion[]) =>
  api<{ scoringCriteria: ScoringCriterion[] }>('PUT', `/assignments/${id}/scoring-criteria`, { criteria });
export const saveScores = (id: string, scores: Record<string, number>, screeningNote: string | null) =>
  api<Application>('PUT', `/applications/${id}/scores`, { scores, screeningNote });
export const shareShortlist = (id: string) =>
  api<{ shortlistSharedAt: string; shortlisted: number }>('POST', `/assignments/${id}/shortlist/share`);
export const hostSelect = (id: string, reason: string) =>
  api<Application>('POST', `/applications/${id}/host-selection`, { reason });
export const hostUnselect = (id: string) => api<Application>('DELETE', `/applications/${id}/host-selection`);
export const cvUrl = (id: string) => `/api/applications/${id}/cv`;
export const callAlerts = () => api<CallAlerts>('GET', '/experts/me/call-alerts');
export const saveCallAlerts = (body: { email: boolean; sectors: string[] }) =>
  api<CallAlerts>('PUT', '/experts/me/call-alerts', body);
export const notices = (page: number) => api<NoticePage>('GET', '/notifications', undefined, { page, pageSize: 20 });
export const markRead = (id: string) => api<unknown>('POST', `/notifications/${id}/read`);
