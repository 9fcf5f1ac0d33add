// What a backup and a restore need to know about a database, read from pg_catalog rather than from the Drizzle
// schema, so that a table added by a later migration is backed up without anyone remembering to list it.
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from './client.ts';

/** A table of the public schema and the columns a backup carries (generated columns are recomputed, not copied). */
export interface TableInfo {
  name: string;
  columns: string[];
  /** Has a foreign key to itself: its rows go in as one statement (see restore.ts). */
  selfReferencing: boolean;
}

/** One applied Drizzle migration: together they are the database's schema version. */
export interface MigrationRecord {
  hash: string;
  createdAt: string;
}

/** Something that runs SQL: the database itself or a transaction on it. */
export type Queryable = Database | Tx;

/** Runs `query` and returns its rows, whether through the raw client or a Drizzle transaction. */
export async function rowsOf<Row>(target: Queryable, query: SQL): Promise<Row[]> {
  if ('kind' in target) return target.db.execute(query).then((result) => (result as unknown as { rows: Row[] }).rows);
  const result = await target.execute(query);
  return (result as unknown as { rows: Row[] }).rows;
}

/** The migrations Drizzle has applied, oldest first; empty when the bookkeeping table does not exist yet. */
export async function appliedMigrations(target: Queryable): Promise<MigrationRecord[]> {
  const [exists] = await rowsOf<{ present: boolean }>(
    target,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return [];
  return rowsOf<MigrationRecord>(
    target,
    sql`select hash, created_at::text as "createdAt" from drizzle.__drizzle_migrations order by created_at, id`,
  );
}

/**
 * Every ordinary table of the public schema (partitions are reached through their parent) with its copyable
 * columns, ordered so that a table comes after every table it references: inserting in this order never
 * breaks a foreign key. Ties are broken by name, so two databases with one schema give one order.
 */
export async function publicTables(target: Queryable): Promise<TableInfo[]> {
  const columns = await rowsOf<{ table: string; column: string }>(
    target,
    sql`select c.relname as "table", a.attname as "column"
          from pg_class c
          join pg_attribute a on a.attrelid = c.oid
         where c.relnamespace = 'public'::regnamespace
           and c.relkind in ('r', 'p') and not c.relispartition
           and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
         order by c.relname, a.attnum`,
  );
  const references = await rowsOf<{ from: string; to: string }>(
    target,
    sql`select distinct src.relname as "from", dst.relname as "to"
          from pg_constraint k
          join pg_class src on src.oid = k.conrelid
          join pg_class dst on dst.oid = k.confrelid
         where k.contype = 'f'
           and src.relnamespace = 'public'::regnamespace
           and dst.relnamespace = 'public'::regnamespace`,
  );
  const byName = new Map<string, TableInfo>();
  for (const row of columns) {
    const table = byName.get(row.table) ?? { name: row.table, columns: [], selfReferencing: false };
    table.columns.push(row.column);
    byName.set(row.table, table);
  }
  for (const edge of references) {
    const table = byName.get(edge.from);
    if (table && edge.from === edge.to) table.selfReferencing = true;
  }
  const order = dependencyOrder(
    [...byName.keys()],
    references.map((edge) => [edge.from, edge.to] as const),
  );
  return order.map((name) => byName.get(name)!);
}

/**
 * Kahn's topological sort: each table after the tables it references. A table referencing itself is allowed
 * (its rows go in as one statement, and PostgreSQL checks a foreign key at the end of the statement); a cycle
 * between tables cannot be ordered and is refused by name.
 */
export function dependencyOrder(tables: string[], references: ReadonlyArray<readonly [string, string]>): string[] {
  const waitingOn = new Map(tables.map((name) => [name, new Set<string>()]));
  for (const [from, to] of references) {
    if (from !== to && waitingOn.has(from) && waitingOn.has(to)) waitingOn.get(from)!.add(to);
  }
  const order: string[] = [];
  while (waitingOn.size > 0) {
    const ready = [...waitingOn.entries()]
      .filter(([, needs]) => needs.size === 0)
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) {
      throw new Error(
        `The tables ${[...waitingOn.keys()].sort().join(', ')} reference each other in a cycle: ` +
          'no insertion order satisfies their foreign keys.',
      );
    }
    for (const name of ready) {
      order.push(name);
      waitingOn.delete(name);
    }
    for (const needs of waitingOn.values()) for (const name of ready) needs.delete(name);
  }
  return order;
}

/** The public schema's sequences, by name. */
export async function publicSequences(target: Queryable): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    target,
    sql`select relname as name from pg_class
         where relkind = 'S' and relnamespace = 'public'::regnamespace order by relname`,
  );
  return rows.map((row) => row.name);
}

/** `public.<name>`, quoted: the catalog queries only look at the public schema, whatever the search_path. */
export function publicName(name: string): SQL {
  return sql`${sql.identifier('public')}.${sql.identifier(name)}`;
}

/** Names of the tables that hold at least one row: a restore only goes into a database where this is empty. */
export async function nonEmptyTables(target: Queryable, tables: TableInfo[]): Promise<string[]> {
  const filled: string[] = [];
  for (const table of tables) {
    const [row] = await rowsOf<{ filled: boolean }>(
      target,
      sql`select exists (select 1 from ${publicName(table.name)}) as filled`,
    );
    if (row?.filled) filled.push(table.name);
  }
  return filled;
}
