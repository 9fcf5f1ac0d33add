import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../api/errors.tsx';
import { profileKey } from './useProfile.ts';

/**
 * Asks the expert to re-confirm their interest: shown when staff would see the profile as stale, or when the
 * yearly e-mail's link (`?confirm=1`) brought them here.
 */
export function StaleBanner({ stale }: { stale: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => api('POST', '/experts/me/confirm'),
    onSuccess: () => client.invalidateQueries({ queryKey: profileKey }),
  });
  if (confirm.isSuccess) {
    return (
      <Alert color="green" role="status" data-testid="confirmed">
        {t('profile.stale.thanks')}
      </Alert>
    );
  }
  return (
    <Alert
      color="yellow"
      title={t(stale ? 'profile.stale.title' : 'profile.stale.askTitle')}
      data-testid="stale-banner"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('profile.stale.body')}</Text>
        <ErrorAlert error={confirm.error} />
        <Button size="xs" onClick={() => confirm.mutate()} loading={confirm.isPending}>
          {t('profile.stale.confirm')}
        </Button>
      </Stack>
    </Alert>
  );
}
