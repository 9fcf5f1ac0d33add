/** Every filter of the roster search, as `GET /api/experts` and the page's URL both name them. */
export const filterKeys = [
  'q',
  'sector',
  'occupation',
  'language',
  'minLevel',
  'residenceCountry',
  'availableFrom',
  'availableTo',
  'modality',
  'gender',
  'vettingStatus',
  'origin',
  'stale',
  'sort',
] as const;
export type FilterKey = (typeof filterKeys)[number];
/** One value per filter, except tags: an expert must carry every tag listed (`?tag=a&tag=b`). */
export type RosterQuery = Partial<Record<FilterKey, string>> & { page: number; tag?: string[] };

/** Sort orders offered; the empty value is the server's default (relevance when searching, else name). */
export const rosterSorts = ['', 'name', '-updatedAt'] as const;
export const modalities = ['on_site', 'online'] as const;

/** Reads the query from the URL, ignoring unknown parameters and a nonsensical page. */
export function queryFromParams(params: URLSearchParams): RosterQuery {
  const query: RosterQuery = { page: 1 };
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (value) query[key] = value;
  }
  const tags = [...new Set(params.getAll('tag').map((tag) => tag.trim()))].filter(Boolean);
  if (tags.length) query.tag = tags;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) query.page = page;
  return query;
}

/** The URL form of a query: only set values, page left out when it is the first, so links stay short. */
export function paramsFromQuery(query: RosterQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  for (const tag of query.tag ?? []) params.append('tag', tag);
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

/** Changes one filter; any change of filter goes back to the first page, since the old page may not exist. */
export function withFilter(query: RosterQuery, key: FilterKey, value: string | null): RosterQuery {
  const next: RosterQuery = { ...query, page: 1 };
  if (value) next[key] = value;
  else delete next[key];
  // A minimum level without a language means nothing to the server.
  if (key === 'language' && !value) delete next.minLevel;
  return next;
}

/** Sets the tags to require (none: no tag filter), back on the first page. */
export function withTags(query: RosterQuery, tags: string[]): RosterQuery {
  const next: RosterQuery = { ...query, page: 1 };
  if (tags.length) next.tag = tags;
  else delete next.tag;
  return next;
}

/** Whether any filter (not sort or page) is set, to offer "clear all". */
export function hasFilters(query: RosterQuery): boolean {
  return filterKeys.some((key) => key !== 'sort' && !!query[key]) || !!query.tag?.length;
}

/** The query a saved search stores: the URL's parameters, tags as a list. */
export function savedQueryOf(query: RosterQuery): Record<string, string | string[]> {
  const saved: Record<string, string | string[]> = Object.fromEntries(paramsFromQuery({ ...query, tag: [], page: 1 }));
  if (query.tag?.length) saved.tag = query.tag;
  return saved;
}

/** A saved search's stored query, whichever form the server keeps it in, as URL parameters. */
export function paramsOfSaved(saved: Record<string, string | string[]> | string): URLSearchParams {
  let raw: URLSearchParams;
  if (typeof saved === 'string') raw = new URLSearchParams(saved.replace(/^\?/, ''));
  else {
    raw = new URLSearchParams();
    // The page offers one value per filter but tags; a repeated one (saved through the API) opens on its first value.
    for (const [key, value] of Object.entries(saved)) {
      if (key === 'tag') for (const tag of [value].flat()) raw.append(key, tag);
      const first = Array.isArray(value) ? value[0] : value;
      if (first && key !== 'tag') raw.set(key, first);
    }
  }
  return paramsFromQuery({ ...queryFromParams(raw), page: 1 });
}
