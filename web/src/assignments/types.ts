// Mirrors of the server's ToR contracts (src/modules/assignments/schemas.ts), written by hand.

export const assignmentStates = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'published',
  'closed',
  'filled',
  'completed',
  'cancelled',
] as const;
export type AssignmentState = (typeof assignmentStates)[number];

export const modalities = ['on_site', 'online', 'hybrid'] as const;
export type Modality = (typeof modalities)[number];

export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof cefrLevels)[number];

export const assignmentSorts = ['updated', 'deadline', 'reference', 'title'] as const;

export interface Named {
  id: string;
  nameFr: string;
  nameAr: string | null;
  nameEn: string | null;
}

export interface AssignmentSummary {
  id: string;
  reference: string;
  state: AssignmentState;
  version: number;
  titleFr: string;
  titleAr: string | null;
  titleEn: string | null;
  programme: { id: string; code: string; name: string };
  institution: Named;
  modality: Modality;
  windowStartsOn: string;
  windowEndsOn: string;
  applicationDeadline: string;
  deadlineAt: string;
  updatedAt: string;
}

export interface AssignmentList {
  items: AssignmentSummary[];
  total: number;
  page: number;
  pageSize: number;
  counts: Partial<Record<AssignmentState, number>>;
}

export interface Attachment {
  id: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  public: boolean;
  uploadedAt: string;
}

/** The fields the form edits. */
export interface AssignmentFields {
  titleFr: string;
  titleAr: string | null;
  titleEn: string | null;
  descriptionFr: string;
  descriptionAr: string | null;
  descriptionEn: string | null;
  needId: string | null;
  needStatement: string | null;
  objectives: string[];
  deliverables: string[];
  skills: { label: string; conceptId: string | null }[];
  sectors: string[];
  occupation: string | null;
  languages: { language: string; minLevel: CefrLevel }[];
  modality: Modality;
  region: string | null;
  city: string | null;
  windowStartsOn: string;
  windowEndsOn: string;
  workingDays: number;
  expertsNeeded: number;
  applicationDeadline: string;
  sdgTargets: string[];
  scoringCriteria: { id: string; label: string; weight: number }[];
}

export interface Assignment extends AssignmentSummary, AssignmentFields {
  needId: string | null;
  need: { id: string; title: string } | null;
  publishedAt: string | null;
  createdAt: string;
  returnComment: string | null;
  attachments: Attachment[];
  allowedActions: string[];
  editableFields: string[];
}

export interface HistoryEntry {
  id: string;
  from: AssignmentState;
  to: AssignmentState;
  comment: string | null;
  actor: { id: string; name: string } | null;
  at: string;
}

export interface FormOptions {
  programmes: { id: string; code: string; name: string }[];
  institutions: Named[];
  needs: { id: string; title: string; institutionId: string; programmeId: string }[];
}

/** The life-cycle buttons: the action the server allows, and the state it moves to. */
export const moves = [
  { action: 'assignment.submit', to: 'submitted' },
  { action: 'assignment.approve', to: 'approved' },
  { action: 'assignment.return', to: 'returned' },
  { action: 'assignment.publish', to: 'published' },
  { action: 'assignment.close', to: 'closed' },
  { action: 'assignment.fill', to: 'filled' },
  { action: 'assignment.complete', to: 'completed' },
  { action: 'assignment.cancel', to: 'cancelled' },
] as const;

/** The name of an institution in the reader's language, French when there is none. */
export function nameIn(named: Named, locale: string): string {
  return (locale === 'ar' ? named.nameAr : locale === 'en' ? named.nameEn : null) ?? named.nameFr;
}

/** The title in the reader's language, French when there is none. */
export function titleIn(tor: { titleFr: string; titleAr: string | null; titleEn: string | null }, locale: string) {
  return (locale === 'ar' ? tor.titleAr : locale === 'en' ? tor.titleEn : null) || tor.titleFr;
}
