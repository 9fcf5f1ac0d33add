import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import { FieldProblems } from '../programmes/reference-checks.ts';
import { changedFields, type WriteMeta } from '../programmes/service.ts';
import { provinces } from '../reference/data/provinces.ts';
import { isReferenceCode } from '../reference/lists.ts';
import { institutions } from './schema.ts';
import type { InstitutionCreate, InstitutionListQuery, InstitutionUpdate } from './schemas.ts';

export type Institution = typeof institutions.$inferSelect;

/** One institution by id, or undefined; other modules use it to check the institution a record names. */
export async function findInstitution(tx: Tx, id: string): Promise<Institution | undefined> {
  const [row] = await tx.select().from(institutions).where(eq(institutions.id, id));
  return row;
}

/** Every institution by French name (small lists for pickers; the register page pages with searchInstitutions). */
export async function listInstitutions(tx: Tx): Promise<Institution[]> {
  return tx.select().from(institutions).orderBy(asc(institutions.nameFr));
}

const escapeLike = (text: string) => text.replaceAll(/[\\%_]/g, (char) => `\\${char}`);

/**
 * One page of the register, filtered and sorted. `onlyIds` scopes it (a focal point's own institutions); undefined
 * means every institution.
 */
export async function searchInstitutions(tx: Tx, query: InstitutionListQuery, onlyIds: string[] | undefined) {
  const conditions: SQL[] = [];
  if (onlyIds)
    conditions.push(inArray(institutions.id, onlyIds.length ? onlyIds : ['00000000-0000-0000-0000-000000000000']));
  if (query.kind) conditions.push(eq(institutions.kind, query.kind));
  if (query.type) conditions.push(eq(institutions.type, query.type));
  if (query.country) conditions.push(eq(institutions.country, query.country));
  if (query.region) conditions.push(eq(institutions.region, query.region));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(
      or(
        ilike(institutions.nameFr, pattern),
        ilike(institutions.nameAr, pattern),
        ilike(institutions.nameEn, pattern),
      )!,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const order = {
    name: [asc(institutions.nameFr), asc(institutions.id)],
    '-name': [desc(institutions.nameFr), asc(institutions.id)],
    country: [asc(institutions.country), asc(institutions.nameFr), asc(institutions.id)],
    '-updatedAt': [desc(institutions.updatedAt), asc(institutions.id)],
  }[query.sort];
  const rows = await tx
    .select()
    .from(institutions)
    .where(where)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.select({ value: count() }).from(institutions).where(where);
  return { rows, total: Number(total?.value ?? 0) };
}

/** An http(s) URL, or null: anything else (javascript:, data:, ftp:) would become a dangerous link. */
function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Checks what zod cannot: reference codes, the region a Moroccan host needs, the province inside its region. */
function checkInstitution(values: InstitutionCreate): void {
  const problems = new FieldProblems();
  if (!isReferenceCode('countries', values.country)) {
    problems.add('country', 'invalid_value', `Unknown country ${values.country}`);
  }
  problems.codesIn('sectors', 'sectors', values.sectors);
  const inMorocco = values.country === 'MA';
  if (values.region && !inMorocco) problems.add('region', 'invalid_value', 'Regions are Moroccan (HCP codes)');
  else if (values.region && !isReferenceCode('regions', values.region)) {
    problems.add('region', 'invalid_value', `Unknown region ${values.region}`);
  }
  if (!values.region && inMorocco && values.kind === 'host') {
    problems.add('region', 'required', 'A host institution in Morocco needs its region');
  }
  if (values.province) {
    const province = provinces.find((p) => p.code === values.province);
    if (!province) problems.add('province', 'invalid_value', `Unknown province ${values.province}`);
    else if (province.region !== values.region) {
      problems.add('province', 'invalid_value', 'The province is not in the chosen region');
    }
  }
  if (values.website && !isWebUrl(values.website)) {
    problems.add('website', 'invalid_format', 'An http or https address, e.g. https://www.example.ma');
  }
  problems.throwIfAny();
}

function normalised<T extends { sectors?: string[] | undefined }>(values: T): T {
  return values.sectors ? { ...values, sectors: [...new Set(values.sectors)] } : values;
}

/** Adds an institution to the register; audited with its kind, country and French name. */
export async function createInstitution(tx: Tx, input: InstitutionCreate, meta: WriteMeta): Promise<Institution> {
  const values = normalised(input);
  checkInstitution(values);
  const [row] = await tx
    .insert(institutions)
    .values({
      ...values,
      nameAr: values.nameAr ?? null,
      nameEn: values.nameEn ?? null,
      region: values.region ?? null,
      province: values.province ?? null,
      city: values.city ?? null,
      website: values.website ?? null,
    })
    .returning();
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'institution.created',
    entityType: 'institution',
    entityId: row!.id,
    changes: { kind: { after: row!.kind }, country: { after: row!.country }, nameFr: { after: row!.nameFr } },
    ip: meta.ip,
  });
  return row!;
}

/** Changes the fields sent, checks the merged record, audits each changed field before and after. */
export async function updateInstitution(
  tx: Tx,
  institution: Institution,
  patch: InstitutionUpdate,
  meta: WriteMeta,
): Promise<Institution> {
  const values = normalised(patch);
  const pick = <K extends keyof InstitutionUpdate & keyof Institution>(key: K) =>
    values[key] === undefined ? institution[key] : values[key];
  checkInstitution({
    kind: pick('kind')!,
    type: pick('type')!,
    nameFr: pick('nameFr')!,
    nameAr: pick('nameAr'),
    nameEn: pick('nameEn'),
    country: pick('country')!,
    region: pick('region'),
    province: pick('province'),
    city: pick('city'),
    sectors: pick('sectors')!,
    website: pick('website'),
  });
  const changes = changedFields(institution, values);
  if (!Object.keys(changes).length) return institution;
  const [row] = await tx
    .update(institutions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(institutions.id, institution.id))
    .returning();
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'institution.updated',
    entityType: 'institution',
    entityId: institution.id,
    changes,
    ip: meta.ip,
  });
  return row!;
}

export { findCapacityNeed, type CapacityNeed } from './plan.ts';
