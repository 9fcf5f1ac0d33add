import { Alert, Button, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';
import { useSetMe } from '../api/session.ts';
import type { Me, TotpSetup } from '../api/types.ts';
import { Page } from '../shell/Page.tsx';
import { Loading } from '../shell/RequireAuth.tsx';

/**
 * The SVG travels as an image URL rather than injected markup: the browser renders it without running anything
 * in it, and the page keeps its strict CSP.
 */
function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Setting up an authenticator app: scan (or type) the secret, then prove it with a first code. */
export function TotpEnrolPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const navigate = useNavigate();
  // A query so that React's double mount in development asks for one secret, not two.
  const setup = useQuery({
    queryKey: ['totp-setup', me.user.id],
    queryFn: () => api<TotpSetup>('POST', '/auth/totp/setup'),
    enabled: !me.user.totpEnabled,
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (/^\d{6}$/.test(value) ? null : t('validation.totpDigits')) },
  });
  const enable = useMutation({
    mutationFn: (code: string) => api<Me>('POST', '/auth/totp/enable', { code }),
    onSuccess: (updated) => {
      setMe(updated);
      void navigate('/', { replace: true });
    },
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });

  if (me.user.totpEnabled) {
    return (
      <Page title={t('totp.title')} narrow>
        <Alert color="green">{t('totp.alreadyEnabled')}</Alert>
      </Page>
    );
  }

  return (
    <Page title={t('totp.title')} narrow>
      {me.mfaEnrolmentRequired && <Alert color="blue">{t('totp.required')}</Alert>}
      <Text>{t('totp.intro')}</Text>
      {setup.isPending && <Loading />}
      <ErrorAlert error={setup.error} />
      {setup.data && (
        <Stack gap="md">
          <Group justify="center">
            <Image className="qr-code" src={svgDataUrl(setup.data.qrCodeSvg)} alt={t('totp.qrAlt')} w={200} h={200} />
          </Group>
          <div>
            <Text size="sm" fw={600} id="totp-secret-label">
              {t('totp.secretLabel')}
            </Text>
            <Text className="secret" aria-labelledby="totp-secret-label" data-testid="totp-secret">
              {setup.data.secret}
            </Text>
          </div>
          <form onSubmit={form.onSubmit((values) => enable.mutate(values.code))} noValidate>
            <Stack gap="md">
              <ErrorAlert error={enable.error} />
              <TextInput
                label={t('totp.code')}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
                {...form.getInputProps('code')}
              />
              <Button type="submit" loading={enable.isPending}>
                {t('totp.submit')}
              </Button>
            </Stack>
          </form>
        </Stack>
      )}
    </Page>
  );
}
