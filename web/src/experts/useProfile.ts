import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { ProfileView } from './types.ts';

export const profileKey = ['experts', 'me'] as const;

/** The signed-in expert's own profile, consents and completeness. */
export function useProfile() {
  return useQuery({ queryKey: profileKey, queryFn: () => api<ProfileView>('GET', '/experts/me') });
}
