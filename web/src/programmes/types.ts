/** Mirrors of the server's programme contracts (src/modules/programmes/schemas.ts), written by hand. */

export const programmeStatuses = ['planned', 'running', 'closed'] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];

/** `GET /api/programmes/{id}` and each item of `GET /api/programmes`. */
export interface ProgrammeView {
  id: string;
  code: string;
  name: string;
  donor: string;
  countries: string[];
  startsOn: string;
  endsOn: string | null;
  status: ProgrammeStatus;
  prioritySectors: string[];
  eligibleResidenceCountries: string[];
  description: string | null;
  matchingWeights: Record<string, number>;
  updatedAt: string;
  allowedActions: string[];
}

export interface ProgrammeList {
  items: ProgrammeView[];
  allowedActions: string[];
}

/** The body of `POST /api/programmes` (and, field by field, of PATCH). */
export interface ProgrammeInput {
  code: string;
  name: string;
  donor: string;
  countries: string[];
  startsOn: string;
  endsOn: string | null;
  status: ProgrammeStatus;
  prioritySectors: string[];
  eligibleResidenceCountries: string[];
  description: string | null;
  /** The matching weights the programme departs from the defaults with (component → 0–1). */
  matchingWeights: Record<string, number>;
}

export const programmeKeys = { all: ['programmes'] as const };
