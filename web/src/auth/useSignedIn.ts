import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useSetMe } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { applyLocale, asLocale } from '../i18n/index.ts';
import { totpPath } from '../shell/RequireAuth.tsx';

/** Only same-site paths are followed after sign-in, never another origin named in `?next=`. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * What happens once the server has opened a session: the user's own language takes over, and staff who still
 * owe a second factor go straight to enrolment.
 */
export function useSignedIn(): (me: Me, next?: string | null) => void {
  const setMe = useSetMe();
  const navigate = useNavigate();
  return useCallback(
    (me: Me, next?: string | null) => {
      setMe(me);
      const locale = asLocale(me.user.locale);
      if (locale) void applyLocale(locale);
      void navigate(me.mfaEnrolmentRequired ? totpPath : safeNext(next ?? null), { replace: true });
    },
    [setMe, navigate],
  );
}
