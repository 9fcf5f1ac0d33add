import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ReferenceItem } from './types.ts';

export type ReferenceList = 'countries' | 'regions' | 'sectors' | 'occupations' | 'languages';

/** Flattens a list whose groups carry their members as `children`, keeping each member's parent. */
export function flattenReference(items: ReferenceItem[]): ReferenceItem[] {
  return items.flatMap((item) =>
    item.children?.length
      ? [
          { code: item.code, label: item.label, parent: item.parent ?? null },
          ...flattenReference(item.children.map((child) => ({ ...child, parent: child.parent ?? item.code }))),
        ]
      : [item],
  );
}

/**
 * A reference list in the interface language. Lists change only with a release, so they are cached for the
 * session; a failed list leaves the selects empty rather than breaking the page.
 */
export function useReference(list: ReferenceList) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const query = useQuery({
    queryKey: ['reference', list, locale],
    queryFn: () => api<{ items: ReferenceItem[] }>('GET', `/reference/${list}`, undefined, { locale }),
    staleTime: Infinity,
  });
  const items = useMemo(() => flattenReference(query.data?.items ?? []), [query.data]);
  const labels = useMemo(() => new Map(items.map((item) => [item.code, item.label])), [items]);
  return {
    items,
    /** The first level only (regions without their provinces, sector categories). */
    top: query.data?.items ?? [],
    /** The label of a code, or the code itself while the list loads or when the code is unknown. */
    label: (code: string | null | undefined) => (code ? (labels.get(code) ?? code) : ''),
    isPending: query.isPending,
  };
}

/**
 * `{value, label}` options for Mantine selects, sorted by label in the interface language unless the server's
 * order means something (languages: the programmes' working languages first).
 */
export function optionsOf(items: ReferenceItem[], locale: string, { sort = true } = {}) {
  const options = items.map((item) => ({ value: item.code, label: item.label }));
  return sort ? options.sort((a, b) => a.label.localeCompare(b.label, locale)) : options;
}

/** ISCO-08 unit groups (four digits), the only level a profile records, labelled with their code. */
export function occupationOptionsOf(items: ReferenceItem[]) {
  return items
    .filter((item) => /^\d{4}$/.test(item.code))
    .map((item) => ({ value: item.code, label: `${item.code} · ${item.label}` }));
}

/**
 * Options grouped by category (DAC sectors under their 3-digit category): members are the items with a parent,
 * the group's heading is the parent's label when the list carries it.
 */
export function groupedOptionsOf(items: ReferenceItem[], locale: string) {
  const labels = new Map(items.map((item) => [item.code, item.label]));
  const parents = new Set(items.map((item) => item.parent).filter((parent): parent is string => !!parent));
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const item of items) {
    // A category is a heading, not something to pick.
    if (parents.has(item.code)) continue;
    const group = item.parent ? (labels.get(item.parent) ?? item.parent) : '';
    const list = groups.get(group) ?? [];
    list.push({ value: item.code, label: `${item.code} · ${item.label}` });
    groups.set(group, list);
  }
  if (groups.size === 1 && groups.has('')) return groups.get('')!;
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, locale))
    .map(([group, members]) => ({ group: group || '—', items: members }));
}
