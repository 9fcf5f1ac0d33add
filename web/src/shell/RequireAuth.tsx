import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../api/errors.tsx';
import { useMe } from '../api/session.ts';
import type { Me } from '../api/types.ts';

/** Full-width spinner with a spoken label, used while the session is being read. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

export const totpPath = '/security/totp';

/**
 * Guards a signed-in page. Anonymous visitors go to sign-in (and come back afterwards); staff who still owe a
 * second factor go to enrolment, since every other API call would refuse them anyway.
 */
export function RequireAuth({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (me.data.mfaEnrolmentRequired && location.pathname !== totpPath) return <Navigate to={totpPath} replace />;
  return <>{children(me.data)}</>;
}
