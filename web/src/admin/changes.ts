/**
 * An audit event's `changes` as short lines (`field: before → after`), the shape the server writes for edits;
 * anything else is shown as compact JSON rather than hidden.
 */
export function describeChanges(changes: unknown): string {
  if (!changes || typeof changes !== 'object') return '—';
  const show = (value: unknown) => (value === undefined || value === null ? '∅' : JSON.stringify(value));
  return Object.entries(changes as Record<string, unknown>)
    .map(([field, change]) => {
      if (change && typeof change === 'object' && ('before' in change || 'after' in change)) {
        const { before, after } = change as { before?: unknown; after?: unknown };
        return `${field}: ${show(before)} → ${show(after)}`;
      }
      return `${field}: ${show(change)}`;
    })
    .join('\n');
}
