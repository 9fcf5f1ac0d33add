import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { programmes } from './schema.ts';

export type Programme = typeof programmes.$inferSelect;

export async function findProgramme(tx: Tx, id: string): Promise<Programme | undefined> {
  const [row] = await tx.select().from(programmes).where(eq(programmes.id, id));
  return row;
}

export async function listProgrammes(tx: Tx): Promise<Programme[]> {
  return tx.select().from(programmes).orderBy(asc(programmes.startsOn));
}
