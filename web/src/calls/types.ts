// The public calls' API contracts (src/modules/assignments/public/schemas.ts), mirrored by hand.

export type CallLanguage = 'fr' | 'ar' | 'en' | 'nl';
export type Modality = 'on_site' | 'online' | 'hybrid';
export const modalities: Modality[] = ['on_site', 'online', 'hybrid'];
export type CallSort = 'deadline' | 'newest';

/** One open call as listed. */
export interface CallSummary {
  id: string;
  reference: string;
  /** The language `title` and `summary` are in (French when the asked one was missing). */
  lang: CallLanguage;
  title: string;
  summary: string;
  institution: string;
  country: string;
  region: string | null;
  city: string | null;
  modality: Modality;
  windowStartsOn: string;
  windowEndsOn: string;
  workingDays: number;
  expertsNeeded: number;
  applicationDeadline: string;
  deadlineAt: string;
  sectors: string[];
  languages: string[];
}

export interface CallList {
  items: CallSummary[];
  total: number;
  page: number;
  pageSize: number;
  sort: CallSort;
}

export interface CallAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  href: string;
}

/** A call's public page. */
export interface CallDetail extends Omit<CallSummary, 'summary' | 'languages'> {
  status: 'open' | 'closed';
  description: string;
  objectives: string[];
  deliverables: string[];
  skills: string[];
  occupation: string | null;
  languages: { language: string; minLevel: string }[];
  sdgTargets: string[];
  publishedAt: string | null;
  attachments: CallAttachment[];
}
