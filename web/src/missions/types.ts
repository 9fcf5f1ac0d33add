/**
 * The missions API as the web app reads it, mirroring src/modules/missions/schemas.ts (the server's contract) by
 * hand: plain interfaces, so the browser bundle does not pull in zod.
 */
import type { Page } from '../api/types.ts';

export const missionStates = ['planned', 'agreed', 'ready', 'in_progress', 'reporting', 'closed', 'cancelled'] as const;
export type MissionState = (typeof missionStates)[number];

export const missionModalities = ['on_site', 'online', 'hybrid'] as const;
export type MissionModality = (typeof missionModalities)[number];

/** Sort orders `GET /api/missions` accepts; a leading minus reverses. */
export const missionSorts = ['-starts_on', 'starts_on', 'reference', 'state'] as const;
export type MissionSort = (typeof missionSorts)[number];

export const checklistOwners = ['programme', 'expert', 'host'] as const;
export type ChecklistOwner = (typeof checklistOwners)[number];

/** The standard checklist items; anything else is a custom item that carries its own label. */
export const standardChecklistKeys = ['invitation', 'visa', 'travel', 'insurance', 'briefing'] as const;

export interface PersonRef {
  id: string;
  name: string;
}

/** One line of `GET /api/missions`. */
export interface MissionSummary {
  id: string;
  reference: string;
  state: MissionState;
  modality: MissionModality;
  startsOn: string;
  endsOn: string;
  workingDays: number;
  tor: { id: string; reference: string; title: string };
  host: PersonRef;
  expert: PersonRef;
  followUpOf: string | null;
}

export type MissionList = Page<MissionSummary>;

export interface MissionEvent {
  from: MissionState | null;
  to: MissionState;
  reason: string | null;
  at: string;
  actor: PersonRef | null;
}

/** `GET /api/missions/{id}`. */
export interface Mission extends MissionSummary {
  version: number;
  /** The ToR's window: the mission's dates stay inside it. */
  torWindow: { startsOn: string; endsOn: string };
  programmeId: string;
  applicationId: string | null;
  country: string;
  city: string | null;
  hostContact: { name: string; email: string | null; phone: string | null };
  followUpKind: 'virtual_session' | 'repeat_mission' | null;
  agreement: { acceptedAt: string | null; language: string | null; sha256: string | null };
  cancelReason: string | null;
  closedAt: string | null;
  history: MissionEvent[];
  /** The states the reader may move the mission to now. */
  moves: MissionState[];
  /** Policy actions the reader holds on this mission (`mission.manage`, `mission.agreement.accept`…). */
  actions: string[];
}

export interface ChecklistItem {
  id: string;
  key: string;
  label: string | null;
  owner: ChecklistOwner;
  dueOn: string | null;
  mandatory: boolean;
  notApplicable: boolean;
  doneAt: string | null;
  doneBy: PersonRef | null;
  note: string | null;
  canTick: boolean;
  overdue: boolean;
}

/** `GET /api/missions/{id}/checklist`. */
export interface Checklist {
  missionId: string;
  state: MissionState;
  version: number;
  complete: boolean;
  items: ChecklistItem[];
}

/** One item of `PUT /api/missions/{id}/checklist`: only the fields given change. */
export interface ChecklistChange {
  id: string;
  done?: boolean;
  notApplicable?: boolean;
  dueOn?: string | null;
  owner?: ChecklistOwner;
  note?: string | null;
}

/** The body of `POST /api/missions`. */
export interface MissionCreate {
  applicationId: string;
  startsOn: string;
  endsOn: string;
  workingDays: number;
  modality?: MissionModality;
  city?: string;
  hostContactName: string;
  hostContactEmail?: string;
  hostContactPhone?: string;
}
