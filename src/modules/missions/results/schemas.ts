import { z } from 'zod';
import { modalities } from '../../assignments/schema.ts';
import { internshipKinds } from '../internships/schemas.ts';
import { missionStates } from '../schema.ts';

const isoDate = z.iso.date();

export const resultsQuery = z.strictObject({
  /** Only this programme's figures; all the programmes the reader may see when omitted. */
  programmeId: z.uuid().optional(),
  /** Only missions and internships starting on or after this day. */
  from: isoDate.optional(),
  /** Only missions and internships starting on or before this day. */
  to: isoDate.optional(),
});
export type ResultsQuery = z.infer<typeof resultsQuery>;

/** A count for every value of an enum, zero included, so a chart or a table has all its rows. */
const countsOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.object(Object.fromEntries(values.map((value) => [value, z.number().int()])) as Record<T[number], z.ZodNumber>);

export const resultsView = z.object({
  programmeId: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** The day (in Morocco) the figures were read: internships ended before it count as completed. */
  asOf: z.string(),
  /** `all`: every institution of the programmes read; `institutions`: only the focal point's own. */
  scope: z.enum(['all', 'institutions']),
  missions: z.object({
    byState: countsOf(missionStates),
    /** Cancelled missions are left out. */
    byModality: countsOf(modalities),
    /** Distinct experts with a mission that is not cancelled. */
    experts: z.number().int(),
    /** Working days of the closed missions. */
    workingDays: z.number().int(),
    /** Distinct host institutions with a mission that is not cancelled. */
    hostInstitutions: z.number().int(),
    /** Online sessions whose attendance the host recorded, and the participants they counted. */
    sessions: z.object({ held: z.number().int(), participants: z.number().int() }),
  }),
  internships: z.object({
    byKind: countsOf(internshipKinds),
    /** Those whose last day is before `asOf`. */
    completed: z.number().int(),
    /** Distinct people (by e-mail address, else by name). */
    trainees: z.number().int(),
    /** Days abroad: each stay from its first to its last day, both included. */
    daysAbroad: z.number().int(),
    /** Countries of the partner institutions (ISO 3166-1 alpha-2), sorted. */
    countries: z.array(z.string()),
  }),
  /** Closed missions plus completed internships and trainings. */
  knowledgeTransferActivities: z.number().int(),
});
export type ResultsView = z.infer<typeof resultsView>;
