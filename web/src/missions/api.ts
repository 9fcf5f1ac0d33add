import { api } from '../api/client.ts';
import type { Checklist, ChecklistChange, Mission, MissionCreate, MissionList, MissionState } from './types.ts';

export const missionsKey = ['missions'] as const;
export const missionKey = (id: string) => ['mission', id] as const;
export const checklistKey = (id: string) => ['mission', id, 'checklist'] as const;
export const agreementKey = (id: string) => ['mission', id, 'agreement'] as const;
export const calendarFeedKey = ['calendar-feed'] as const;

export interface MissionListQuery {
  states: MissionState[];
  programmeId?: string;
  assignmentId?: string;
  sort: string;
  page: number;
  pageSize: number;
}

export const listMissions = (query: MissionListQuery) =>
  api<MissionList>('GET', '/missions', undefined, {
    state: query.states.join(','),
    programmeId: query.programmeId,
    assignmentId: query.assignmentId,
    sort: query.sort,
    page: query.page,
    pageSize: query.pageSize,
  });
export const getMission = (id: string) => api<Mission>('GET', `/missions/${id}`);
export const createMission = (body: MissionCreate) => api<Mission>('POST', '/missions', body);
export const moveMission = (id: string, body: { to: MissionState; reason?: string; version: number }) =>
  api<Mission>('POST', `/missions/${id}/transitions`, body);
/** New dates for a mission not yet started; an accepted agreement must then be accepted again. */
export const rescheduleMission = (
  id: string,
  body: { startsOn: string; endsOn: string; workingDays: number; reason: string; version: number },
) => api<Mission>('PUT', `/missions/${id}/schedule`, body);
export const getChecklist = (id: string) => api<Checklist>('GET', `/missions/${id}/checklist`);
export const saveChecklist = (id: string, items: ChecklistChange[]) =>
  api<Checklist>('PUT', `/missions/${id}/checklist`, { items });

/** `GET /api/missions/{id}/agreement`: the text in the expert's language and French, and its fingerprint. */
export interface AgreementView {
  missionId: string;
  reference: string;
  state: MissionState;
  /** The mission's version: sent back when accepting. */
  version: number;
  /** The language the agreement is issued in, with French. */
  expertLanguage: string;
  /** The language of this reading (the first part; French is always the last). */
  language: string;
  parts: { locale: string; text: string }[];
  /** Sent back when accepting, to accept exactly this text. */
  sha256: string;
  /** The host does not see the planned allowance. */
  amountsHidden: boolean;
  /** True when `parts` are the text the expert accepted, kept word for word (the PDF is that text too). */
  textAccepted: boolean;
  accepted: {
    at: string;
    by: { id: string; name: string } | null;
    language: string | null;
    sha256: string | null;
    /** False once the template or the mission changed after the acceptance (the accepted text is kept). */
    matchesCurrent: boolean;
  } | null;
  canAccept: boolean;
}
export const getAgreement = (id: string) => api<AgreementView>('GET', `/missions/${id}/agreement`);
/** The PDF in `language` then French (French alone for `fr`). */
export const agreementPdfUrl = (id: string, language: string) =>
  `/api/missions/${id}/agreement.pdf?language=${encodeURIComponent(language)}`;
export const acceptAgreement = (id: string, body: { version: number; sha256: string; language: string }) =>
  api<AgreementView>('POST', `/missions/${id}/agreement/accept`, body);

/** `GET /api/calendar-feeds`: whether the reader has a live feed, and since when (never its address). */
export interface CalendarFeedStatus {
  active: boolean;
  createdAt: string | null;
}
export const getCalendarFeed = () => api<CalendarFeedStatus>('GET', '/calendar-feeds');
/** Makes a new feed (replacing any live one); its secret address is in this answer only. */
export const createCalendarFeed = () => api<{ url: string; createdAt: string }>('POST', '/calendar-feeds');
export const revokeCalendarFeed = () => api<unknown>('DELETE', '/calendar-feeds');
