/**
 * Terms of Reference as the matching engine reads them (src/matching/ranking/types.ts `TermsOfReference`): the
 * ToR's requirements, its programme's eligible residence countries and matching weights, and its host's names.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { TermsOfReference } from '../../matching/ranking/index.ts';
import { institutions } from '../institutions/schema.ts';
import { programmes } from '../programmes/schema.ts';
import { assignments, type AssignmentState } from './schema.ts';

/** A ToR for matching, with what the API shows of it and what allocation needs (its slots). */
export interface MatchableAssignment {
  tor: TermsOfReference;
  reference: string;
  titles: { fr: string; ar: string | null; en: string | null };
  state: AssignmentState;
  programmeId: string;
  institutionId: string;
  /** Experts the ToR needs: its slots in an allocation round. */
  slots: number;
  /** The programme's weights of the score's components (its departures from the defaults). */
  weights: Record<string, number>;
}

/** The ToRs with these ids (or every open call when `ids` is 'open'), keyed by id. */
export async function loadMatchableAssignments(
  tx: Tx,
  ids: readonly string[] | 'open',
): Promise<Map<string, MatchableAssignment>> {
  if (ids !== 'open' && ids.length === 0) return new Map();
  const rows = await tx
    .select({
      row: assignments,
      eligible: programmes.eligibleResidenceCountries,
      weights: programmes.matchingWeights,
      names: { fr: institutions.nameFr, ar: institutions.nameAr, en: institutions.nameEn },
    })
    .from(assignments)
    .innerJoin(programmes, eq(programmes.id, assignments.programmeId))
    .innerJoin(institutions, eq(institutions.id, assignments.institutionId))
    .where(ids === 'open' ? eq(assignments.state, 'published') : inArray(assignments.id, [...ids]))
    .orderBy(assignments.deadlineAt, assignments.id);
  return new Map(
    rows.map(({ row, eligible, weights, names }) => [
      row.id,
      {
        tor: {
          id: row.id,
          skills: row.skills,
          sectors: row.sectors,
          occupation: row.occupation,
          languages: row.languages,
          modality: row.modality,
          windowStartsOn: row.windowStartsOn,
          windowEndsOn: row.windowEndsOn,
          workingDays: row.workingDays,
          eligibleResidenceCountries: eligible,
          host: {
            institutionId: row.institutionId,
            names: [names.fr, names.ar, names.en].filter((name): name is string => !!name),
          },
        },
        reference: row.reference,
        titles: { fr: row.titleFr, ar: row.titleAr, en: row.titleEn },
        state: row.state,
        programmeId: row.programmeId,
        institutionId: row.institutionId,
        slots: row.expertsNeeded,
        weights,
      },
    ]),
  );
}
