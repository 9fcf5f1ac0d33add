import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, ApiError } from './client.ts';
import type { Me } from './types.ts';

export const meKey = ['me'] as const;

/** Reads the signed-in user; an anonymous visitor is `null`, not an error. */
async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('GET', '/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user (or null), shared by every page through the query cache. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** Replaces the cached user after sign-in, registration or a profile change, and forgets everything else. */
export function useSetMe(): (me: Me | null) => void {
  const client = useQueryClient();
  return useCallback(
    (me: Me | null) => {
      // Lists fetched under another identity must not leak into this one.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      client.setQueryData(meKey, me);
    },
    [client],
  );
}
