import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { institutions } from './schema.ts';

export type Institution = typeof institutions.$inferSelect;

export async function findInstitution(tx: Tx, id: string): Promise<Institution | undefined> {
  const [row] = await tx.select().from(institutions).where(eq(institutions.id, id));
  return row;
}

export async function listInstitutions(tx: Tx): Promise<Institution[]> {
  return tx.select().from(institutions).orderBy(asc(institutions.nameFr));
}
