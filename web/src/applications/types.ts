/**
 * The applications API as the web app reads it, mirroring src/modules/applications/schemas.ts (the server's
 * contract) by hand: plain interfaces, so the browser bundle does not pull in zod.
 */
export const applicationStatuses = [
  'submitted',
  'under_review',
  'shortlisted',
  'selected',
  'not_selected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export interface ApplicationEvent {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  reason: string | null;
  at: string;
}

export interface Application {
  id: string;
  status: ApplicationStatus;
  version: number;
  call: {
    id: string;
    reference: string;
    titleFr: string;
    titleAr: string | null;
    titleEn: string | null;
    state: string;
    deadlineAt: string;
    windowStartsOn: string;
    windowEndsOn: string;
  };
  motivation: string;
  availabilityConfirmed: boolean;
  cv: { id: string; fileName: string } | null;
  submittedAt: string;
  updatedAt: string;
  applicant?: {
    id: string;
    name: string;
    headline: string | null;
    languages: { language: string; level: string }[];
    sectors: string[];
  };
  events?: ApplicationEvent[];
  scores?: Record<string, number>;
  totalScore?: number | null;
  screeningNote?: string | null;
  hostSelection?: { at: string; reason: string | null } | null;
  allowedActions: string[];
}

export interface ScoringCriterion {
  id: string;
  label: string;
  weight: number;
}

export interface CallApplications {
  items: Application[];
  scoringCriteria: ScoringCriterion[];
  shortlistSharedAt: string | null;
  expertsNeeded: number;
  allowedActions: string[];
}

export interface CallAlerts {
  email: boolean;
  sectors: string[];
  lastDigestAt: string | null;
}

export interface Notice {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NoticePage {
  items: Notice[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

/** The public call, as /api/public/calls/:id answers (the part the application form shows). */
export interface PublicCall {
  id: string;
  reference: string;
  title: string;
  institution: string;
  status: 'open' | 'closed';
  windowStartsOn: string;
  windowEndsOn: string;
  deadlineAt: string;
}

/** The call's title in the reader's language, French when it has none in theirs (as the server's e-mails do). */
export function callTitle(call: Pick<Application['call'], 'titleFr' | 'titleAr' | 'titleEn'>, locale: string): string {
  if (locale === 'ar' && call.titleAr) return call.titleAr;
  if ((locale === 'en' || locale === 'nl') && call.titleEn) return call.titleEn;
  return call.titleFr;
}
