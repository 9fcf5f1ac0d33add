/** Mirrors of the server's institution contracts (src/modules/institutions/schemas.ts, plan-schemas.ts). */

export const institutionKinds = ['host', 'partner'] as const;
export type InstitutionKind = (typeof institutionKinds)[number];
export const institutionTypes = ['ministry', 'agency', 'university', 'hospital', 'ngo', 'private', 'other'] as const;
export type InstitutionType = (typeof institutionTypes)[number];
export const institutionSorts = ['name', '-name', 'country', '-updatedAt'] as const;
export const needPriorities = ['high', 'medium', 'low'] as const;
export type NeedPriority = (typeof needPriorities)[number];
export const needStatuses = ['open', 'in_progress', 'met', 'dropped'] as const;
export type NeedStatus = (typeof needStatuses)[number];

export interface InstitutionView {
  id: string;
  kind: InstitutionKind;
  type: InstitutionType;
  nameFr: string;
  nameAr: string | null;
  nameEn: string | null;
  country: string;
  region: string | null;
  province: string | null;
  city: string | null;
  sectors: string[];
  website: string | null;
  updatedAt: string;
  /** institution.read, institution.update, focal_points.read, focal_point.invite, plan.read, plan.edit, need.propose */
  allowedActions: string[];
}

export interface InstitutionPage {
  items: InstitutionView[];
  total: number;
  page: number;
  pageSize: number;
  allowedActions: string[];
}

/** The body of `POST /api/institutions` (and, field by field, of PATCH). */
export interface InstitutionInput {
  kind: InstitutionKind;
  type: InstitutionType;
  nameFr: string;
  nameAr: string | null;
  nameEn: string | null;
  country: string;
  region: string | null;
  province: string | null;
  city: string | null;
  sectors: string[];
  website: string | null;
}

export interface FocalPoint {
  id: string;
  name: string;
  email: string | null;
  status: 'active' | 'invited' | 'disabled';
}

export interface Need {
  id: string;
  programmeId: string;
  outcomeId: string | null;
  title: string;
  description: string | null;
  priority: NeedPriority;
  status: NeedStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Outcome {
  id: string;
  programmeId: string;
  position: number;
  statement: string;
  needs: Need[];
}

export interface Plan {
  institutionId: string;
  programmeId: string;
  outcomes: Outcome[];
  unassignedNeeds: Need[];
  allowedActions: string[];
}

export const institutionKeys = {
  all: ['institutions'] as const,
  one: (id: string) => ['institutions', 'one', id] as const,
  focalPoints: (id: string) => ['institutions', 'focal-points', id] as const,
  plan: (id: string, programmeId: string) => ['institutions', 'plan', id, programmeId] as const,
};

/** An institution's name in the reader's language when the register has one, else its French name. */
export function nameOf(institution: Pick<InstitutionView, 'nameFr' | 'nameAr' | 'nameEn'>, locale: string): string {
  if (locale === 'ar' && institution.nameAr) return institution.nameAr;
  if ((locale === 'en' || locale === 'nl') && institution.nameEn) return institution.nameEn;
  return institution.nameFr;
}
