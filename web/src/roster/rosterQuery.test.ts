import { describe, expect, it } from 'vitest';
import {
  hasFilters,
  paramsFromQuery,
  paramsOfSaved,
  queryFromParams,
  savedQueryOf,
  withFilter,
  withTags,
} from './rosterQuery.ts';

describe('roster query in the URL', () => {
  it('round-trips every filter and drops unknown parameters and page 1', () => {
    const params = new URLSearchParams('q=Muhammad&sector=11420&language=nl&minLevel=B2&page=1&utm=x');
    const query = queryFromParams(params);
    expect(query).toEqual({ q: 'Muhammad', sector: '11420', language: 'nl', minLevel: 'B2', page: 1 });
    expect(paramsFromQuery(query).toString()).toBe('q=Muhammad&sector=11420&language=nl&minLevel=B2');
  });

  it('keeps a real page number and ignores a nonsensical one', () => {
    expect(queryFromParams(new URLSearchParams('page=3')).page).toBe(3);
    expect(queryFromParams(new URLSearchParams('page=-2')).page).toBe(1);
    expect(queryFromParams(new URLSearchParams('page=abc')).page).toBe(1);
  });

  it('returns to the first page on any filter change and drops a level left without its language', () => {
    const query = { language: 'nl', minLevel: 'B2', page: 4 };
    expect(withFilter(query, 'gender', 'female')).toEqual({ ...query, gender: 'female', page: 1 });
    expect(withFilter(query, 'language', null)).toEqual({ page: 1 });
  });

  it('tells filters from sorting', () => {
    expect(hasFilters({ sort: 'name', page: 2 })).toBe(false);
    expect(hasFilters({ stale: 'true', page: 1 })).toBe(true);
  });

  it('reopens a saved search stored as an object or as a query string', () => {
    expect(paramsOfSaved({ q: 'محمد', gender: 'male' }).toString()).toBe(
      new URLSearchParams('q=محمد&gender=male').toString(),
    );
    expect(paramsOfSaved('?q=Fatima&page=5').toString()).toBe('q=Fatima');
    expect(paramsOfSaved({ sector: ['11420', '12110'] }).toString()).toBe('sector=11420');
  });

  it('keeps every tag (repeated in the URL), the origin, and tags in saved searches', () => {
    const query = queryFromParams(new URLSearchParams('tag=santé&origin=import&tag=mentor&tag=santé&tag=%20'));
    expect(query).toEqual({ origin: 'import', tag: ['santé', 'mentor'], page: 1 });
    expect(paramsFromQuery(query).getAll('tag')).toEqual(['santé', 'mentor']);
    expect(savedQueryOf({ ...query, page: 3 })).toEqual({ origin: 'import', tag: ['santé', 'mentor'] });
    expect(paramsOfSaved({ tag: ['santé', 'mentor'], gender: 'female' }).getAll('tag')).toEqual(['santé', 'mentor']);
    expect(hasFilters({ tag: ['mentor'], page: 1 })).toBe(true);
    expect(withTags({ ...query, page: 2 }, [])).toEqual({ origin: 'import', page: 1 });
  });
});
