/**
 * The rows of `tx.execute`: node-postgres and PGlite's Drizzle drivers both answer `{ rows }`, some versions an
 * array; either is accepted.
 */
export function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

/** A PostgreSQL array literal of text values, for `= any(${…}::text[])` with one parameter. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
