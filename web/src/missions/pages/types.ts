/** `GET /api/internships` items, mirroring src/modules/missions/internships/schemas.ts by hand. */
export interface Internship {
  id: string;
  programmeId: string;
  institutionId: string;
  kind: 'internship' | 'training';
  traineeName: string;
  traineeEmail: string | null;
  partnerInstitution: string;
  country: string;
  city: string | null;
  startsOn: string;
  endsOn: string;
  topic: string;
  costAmount: string | null;
  costCurrency: string | null;
  report: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A `{value, label}` choice for a select. */
export interface Option {
  value: string;
  label: string;
}
