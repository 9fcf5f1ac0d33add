/**
 * What a mission is shown with: its ToR's reference and titles, the host's name, the expert's name and language.
 * Read in one query for a page of missions (the list would otherwise read three tables per row).
 */
import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Locale } from '../identity/schema.ts';
import { assignments } from '../assignments/schema.ts';
import { institutions } from '../institutions/schema.ts';
import { users } from '../identity/schema.ts';
import type { MissionRow } from './repository.ts';

export interface MissionContext {
  torReference: string;
  titles: { fr: string; ar: string | null; en: string | null };
  deliverables: string[];
  /** The ToR's window: the mission's dates stay inside it. */
  torWindow: { startsOn: string; endsOn: string };
  hostNames: { fr: string; ar: string | null; en: string | null };
  expertName: string;
  expertEmail: string;
  expertLocale: Locale;
}

/** The ToR title in the reader's language, French when it has none in theirs. */
export function titleIn(context: Pick<MissionContext, 'titles'>, locale: Locale): string {
  const { titles } = context;
  if (locale === 'ar' && titles.ar) return titles.ar;
  if ((locale === 'en' || locale === 'nl') && titles.en) return titles.en;
  return titles.fr;
}

/** The host's name in the reader's language, French when it has none in theirs. */
export function hostIn(context: Pick<MissionContext, 'hostNames'>, locale: Locale): string {
  const names = context.hostNames;
  if (locale === 'ar' && names.ar) return names.ar;
  if ((locale === 'en' || locale === 'nl') && names.en) return names.en;
  return names.fr;
}

/** The context of one mission. */
export async function contextOf(tx: Tx, mission: MissionRow): Promise<MissionContext> {
  return (await contextsOf(tx, [mission])).get(mission.id)!;
}

/**
 * The context of many missions in three batched reads (a read-only join for listing; writes go through the owning
 * modules).
 */
export async function contextsOf(tx: Tx, rows: readonly MissionRow[]): Promise<Map<string, MissionContext>> {
  const torIds = [...new Set(rows.map((row) => row.assignmentId))];
  const hostIds = [...new Set(rows.map((row) => row.institutionId))];
  const expertIds = [...new Set(rows.map((row) => row.expertId))];
  if (!rows.length) return new Map();
  const tors = new Map(
    (
      await tx
        .select({
          id: assignments.id,
          reference: assignments.reference,
          titleFr: assignments.titleFr,
          titleAr: assignments.titleAr,
          titleEn: assignments.titleEn,
          deliverables: assignments.deliverables,
          windowStartsOn: assignments.windowStartsOn,
          windowEndsOn: assignments.windowEndsOn,
        })
        .from(assignments)
        .where(inArray(assignments.id, torIds))
    ).map((tor) => [tor.id, tor]),
  );
  const hosts = new Map(
    (
      await tx
        .select({ id: institutions.id, fr: institutions.nameFr, ar: institutions.nameAr, en: institutions.nameEn })
        .from(institutions)
        .where(inArray(institutions.id, hostIds))
    ).map((host) => [host.id, host]),
  );
  const experts = new Map(
    (
      await tx
        .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
        .from(users)
        .where(inArray(users.id, expertIds))
    ).map((expert) => [expert.id, expert]),
  );
  return new Map(
    rows.map((row) => {
      const tor = tors.get(row.assignmentId);
      const expert = experts.get(row.expertId);
      return [
        row.id,
        {
          torReference: tor?.reference ?? '',
          titles: { fr: tor?.titleFr ?? '', ar: tor?.titleAr ?? null, en: tor?.titleEn ?? null },
          deliverables: tor?.deliverables ?? [],
          torWindow: { startsOn: tor?.windowStartsOn ?? row.startsOn, endsOn: tor?.windowEndsOn ?? row.endsOn },
          hostNames: hosts.get(row.institutionId) ?? { fr: '', ar: null, en: null },
          expertName: expert?.name ?? '',
          expertEmail: expert?.email ?? '',
          expertLocale: expert?.locale ?? 'fr',
        },
      ];
    }),
  );
}

/** Names of the people who moved a mission or ticked its items. */
export async function userNames(tx: Tx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}
