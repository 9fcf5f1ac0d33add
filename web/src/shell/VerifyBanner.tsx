import { Alert, Button, Container, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { errorText } from '../api/errors.tsx';

/** Shown to anyone whose e-mail address is not confirmed yet, with a way to get a fresh link. */
export function VerifyBanner() {
  const { t } = useTranslation();
  const resend = useMutation({ mutationFn: () => api('POST', '/auth/verify-email/resend') });
  return (
    <Container size="lg" pt="md">
      <Alert color="yellow" data-testid="verify-banner" title={t('banner.title')}>
        <Group justify="space-between" gap="sm">
          <Text size="sm">{t('banner.body')}</Text>
          <Button size="xs" variant="outline" color="dark" onClick={() => resend.mutate()} loading={resend.isPending}>
            {t('banner.resend')}
          </Button>
        </Group>
        <div aria-live="polite">
          {resend.isSuccess && (
            <Text size="sm" mt="xs">
              {t('banner.resent')}
            </Text>
          )}
          {resend.isError && (
            <Text size="sm" mt="xs" c="red.9">
              {errorText(t, resend.error)}
            </Text>
          )}
        </div>
      </Alert>
    </Container>
  );
}
