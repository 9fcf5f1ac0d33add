import { Alert, Anchor, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../api/errors.tsx';
import { meKey, useMe } from '../api/session.ts';
import { Page } from '../shell/Page.tsx';
import { Loading } from '../shell/RequireAuth.tsx';

/** Landing page of the verification e-mail's link: confirms the token once and says how it went. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const client = useQueryClient();
  const me = useMe();
  // A query, not a mutation: the cache runs it once per token even when React mounts the page twice.
  const verification = useQuery({
    queryKey: ['verify-email', token],
    queryFn: () => api('POST', '/auth/verify-email', { token }),
    enabled: token.length > 0,
    retry: false,
    staleTime: Infinity,
  });
  useEffect(() => {
    if (verification.isSuccess) void client.invalidateQueries({ queryKey: meKey });
  }, [verification.isSuccess, client]);

  return (
    <Page title={t('verifyEmail.title')} narrow>
      <Stack gap="md" aria-live="polite">
        {!token && <Alert color="red">{t('verifyEmail.missingToken')}</Alert>}
        {token && verification.isPending && <Loading />}
        {verification.isSuccess && (
          <Alert color="green" data-testid="verify-success">
            {t('verifyEmail.success')}
          </Alert>
        )}
        {verification.isError && <ErrorAlert error={verification.error} />}
        {me.data ? (
          <Anchor component={Link} to="/">
            {t('common.backHome')}
          </Anchor>
        ) : (
          <Anchor component={Link} to="/sign-in">
            {t('nav.signIn')}
          </Anchor>
        )}
      </Stack>
    </Page>
  );
}
