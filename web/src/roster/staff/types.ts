/**
 * The staff side's API shapes as the web app reads them, mirroring src/modules/experts/staff/schemas.ts and
 * src/modules/experts/merge/schemas.ts (the server's contract).
 */
import type { Page } from '../../api/types.ts';
import type { VettingStatus } from '../../experts/types.ts';

export const vettingSubjects = ['documents', 'references'] as const;
export type VettingSubject = (typeof vettingSubjects)[number];
export const vettingOutcomes = ['verified', 'problem'] as const;
export type VettingOutcome = (typeof vettingOutcomes)[number];

/** A staff member as the staff side names them; null when the account is gone. */
export type StaffRef = { id: string; name: string } | null;

export interface VettingCheck {
  id: string;
  subject: VettingSubject;
  outcome: VettingOutcome;
  note: string | null;
  checkedBy: StaffRef;
  checkedAt: string;
}

export interface VettingView {
  status: VettingStatus;
  subjects: { subject: VettingSubject; current: VettingCheck | null; history: VettingCheck[] }[];
  readyToVet: boolean;
  allowedActions: string[];
}

export interface StaffNote {
  id: string;
  body: string;
  author: StaffRef;
  createdAt: string;
  updatedAt: string;
  allowedActions: string[];
}

export interface NotesPage extends Page<StaffNote> {
  allowedActions: string[];
}

export interface ExpertTags {
  tags: { tag: string; addedBy: StaffRef; addedAt: string }[];
  allowedActions: string[];
}

export interface TagCount {
  tag: string;
  count: number;
}

export const movedKeys = [
  'languages',
  'skills',
  'education',
  'experience',
  'availability',
  'documents',
  'vettingChecks',
  'notes',
  'tags',
  'applications',
  'missions',
] as const;
export type MovedKey = (typeof movedKeys)[number];

export interface MergeResult {
  keptId: string;
  duplicateId: string;
  moved: Record<MovedKey, number>;
  filled: string[];
}

/** Query keys of the staff side, so a change refreshes exactly what it touched. */
export const staffKeys = {
  vetting: (id: string) => ['experts', 'staff', id, 'vetting'] as const,
  notes: (id: string) => ['experts', 'staff', id, 'notes'] as const,
  tags: (id: string) => ['experts', 'staff', id, 'tags'] as const,
  tagCounts: ['experts', 'tags'] as const,
};
