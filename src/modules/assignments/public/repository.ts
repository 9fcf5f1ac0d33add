import { and, asc, desc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { institutions } from '../../institutions/schema.ts';
import { assignmentAttachments, assignments } from '../schema.ts';
import { publiclyReadableStates } from './policy.ts';
import type { CallListQuery } from './schemas.ts';

/** The public columns of a call: nothing about who wrote it, its version, its need or its screening grid. */
const publicColumns = {
  id: assignments.id,
  reference: assignments.reference,
  state: assignments.state,
  titleFr: assignments.titleFr,
  titleAr: assignments.titleAr,
  titleEn: assignments.titleEn,
  descriptionFr: assignments.descriptionFr,
  descriptionAr: assignments.descriptionAr,
  descriptionEn: assignments.descriptionEn,
  institutionFr: institutions.nameFr,
  institutionAr: institutions.nameAr,
  institutionEn: institutions.nameEn,
  country: institutions.country,
  region: assignments.region,
  city: assignments.city,
  modality: assignments.modality,
  windowStartsOn: assignments.windowStartsOn,
  windowEndsOn: assignments.windowEndsOn,
  workingDays: assignments.workingDays,
  expertsNeeded: assignments.expertsNeeded,
  applicationDeadline: assignments.applicationDeadline,
  deadlineAt: assignments.deadlineAt,
  sectors: assignments.sectors,
  languages: assignments.languages,
  publishedAt: assignments.publishedAt,
  updatedAt: assignments.updatedAt,
};

const detailColumns = {
  ...publicColumns,
  objectives: assignments.objectives,
  deliverables: assignments.deliverables,
  skills: assignments.skills,
  occupation: assignments.occupation,
  sdgTargets: assignments.sdgTargets,
};

export type PublicCallRow = Omit<Awaited<ReturnType<typeof listOpenCalls>>['rows'][number], 'total'>;
export type PublicCallDetailRow = NonNullable<Awaited<ReturnType<typeof findPublicCall>>>;

/** `%`, `_` and `\` are ILIKE's own syntax: a typed one is matched literally. */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function openCallConditions(filters: Partial<CallListQuery>, now: Date): SQL[] {
  const conditions: SQL[] = [eq(assignments.state, 'published'), gt(assignments.deadlineAt, now)];
  if (filters.sector?.length) {
    conditions.push(sql`${assignments.sectors} && ${sql.param(filters.sector)}::text[]`);
  }
  if (filters.modality) conditions.push(eq(assignments.modality, filters.modality));
  if (filters.country) conditions.push(eq(institutions.country, filters.country));
  if (filters.language) {
    const wanted = JSON.stringify([{ language: filters.language }]);
    conditions.push(sql`${assignments.languages} @> ${wanted}::jsonb`);
  }
  for (const word of (filters.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10)) {
    const pattern = likePattern(word);
    conditions.push(
      or(
        ilike(assignments.titleFr, pattern),
        ilike(assignments.titleAr, pattern),
        ilike(assignments.titleEn, pattern),
      )!,
    );
  }
  return conditions;
}

/** Open calls matching the filters, one page of them, and how many match in all. */
export async function listOpenCalls(
  tx: Tx,
  filters: Partial<CallListQuery> & { sort: CallListQuery['sort'] },
  page: { limit: number; offset: number },
  now: Date,
) {
  const order =
    filters.sort === 'newest'
      ? [desc(assignments.publishedAt), asc(assignments.reference)]
      : [asc(assignments.deadlineAt), asc(assignments.reference)];
  const rows = await tx
    .select({ ...publicColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(assignments)
    .innerJoin(institutions, eq(institutions.id, assignments.institutionId))
    .where(and(...openCallConditions(filters, now)))
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset);
  let total = rows[0]?.total ?? 0;
  // A page past the end has no row to carry the count.
  if (!rows.length && page.offset > 0) {
    const [counted] = await tx
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(assignments)
      .innerJoin(institutions, eq(institutions.id, assignments.institutionId))
      .where(and(...openCallConditions(filters, now)));
    total = counted?.total ?? 0;
  }
  return { rows, total };
}

/** The last change to any call the public can read (the feed's `updated` when no call is open). */
export async function lastPublicChange(tx: Tx): Promise<Date | null> {
  const [row] = await tx
    .select({ at: sql<string | null>`max(${assignments.updatedAt})` })
    .from(assignments)
    .where(inArray(assignments.state, [...publiclyReadableStates]));
  return row?.at ? new Date(row.at) : null;
}

/** A call readable by address, with its public attachments; null for anything else. */
export async function findPublicCall(tx: Tx, id: string) {
  const [row] = await tx
    .select(detailColumns)
    .from(assignments)
    .innerJoin(institutions, eq(institutions.id, assignments.institutionId))
    .where(and(eq(assignments.id, id), inArray(assignments.state, [...publiclyReadableStates])));
  if (!row) return null;
  const attachments = await tx
    .select({
      id: assignmentAttachments.id,
      fileName: assignmentAttachments.fileName,
      mediaType: assignmentAttachments.mediaType,
      byteSize: assignmentAttachments.byteSize,
      sha256: assignmentAttachments.sha256,
    })
    .from(assignmentAttachments)
    .where(and(eq(assignmentAttachments.assignmentId, id), eq(assignmentAttachments.public, true)))
    .orderBy(asc(assignmentAttachments.uploadedAt), asc(assignmentAttachments.fileName));
  return { ...row, attachments };
}

/** A public attachment of a call readable by address, with its bytes; null for anything else. */
export async function findPublicAttachment(tx: Tx, callId: string, attachmentId: string) {
  const [row] = await tx
    .select({
      fileName: assignmentAttachments.fileName,
      mediaType: assignmentAttachments.mediaType,
      sha256: assignmentAttachments.sha256,
      content: assignmentAttachments.content,
    })
    .from(assignmentAttachments)
    .innerJoin(assignments, eq(assignments.id, assignmentAttachments.assignmentId))
    .where(
      and(
        eq(assignmentAttachments.id, attachmentId),
        eq(assignmentAttachments.assignmentId, callId),
        eq(assignmentAttachments.public, true),
        inArray(assignments.state, [...publiclyReadableStates]),
      ),
    );
  return row ?? null;
}
