import { Button, Group, List, Modal, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiUrl } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';

function EraseDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const erase = useMutation({
    mutationFn: () => api('DELETE', '/experts/me', { password }),
    // The account no longer exists: a full page load drops every cached query of the old session at once (an
    // in-app navigation raced with the page's own sign-in guard), and the server already ended the session.
    onSuccess: () => window.location.assign('/account-erased'),
  });
  // A wrong password belongs next to the password field, not in a general alert.
  const wrongPassword = erase.error instanceof ApiError && erase.error.code === 'invalid_credentials';
  const passwordError =
    fieldErrorsOf(t, erase.error).password ?? (wrongPassword ? t('fieldErrors.invalid_credentials') : undefined);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t('privacy.erase.confirmTitle')}
      centered
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          erase.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('privacy.erase.deletedTitle')}
          </Text>
          <List size="sm">
            {(t('privacy.erase.deleted', { returnObjects: true }) as string[]).map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Text size="sm" fw={600}>
            {t('privacy.erase.keptTitle')}
          </Text>
          <Text size="sm">{t('privacy.erase.kept')}</Text>
          <ErrorAlert error={passwordError ? null : erase.error} />
          <PasswordInput
            label={t('privacy.erase.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={passwordError}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={erase.isPending} disabled={!password}>
              {t('privacy.erase.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The expert's data rights: a copy of everything held about them, and erasure of the account. */
export function DataRightsCard() {
  const { t } = useTranslation();
  const [erasing, setErasing] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rights-title">
      <Title order={2} size="h4" id="rights-title" mb="xs">
        {t('privacy.rightsTitle')}
      </Title>
      <Stack gap="md">
        <Stack gap={4} align="flex-start">
          <Text size="sm">{t('privacy.download.body')}</Text>
          {/* A plain link: the browser streams the zip to disk with the session cookie, no script needed. */}
          <Button
            component="a"
            href={apiUrl('/experts/me/export')}
            download
            variant="default"
            data-testid="download-data"
          >
            {t('privacy.download.button')}
          </Button>
        </Stack>
        <Stack gap={4} align="flex-start">
          <Text size="sm">{t('privacy.erase.body')}</Text>
          <Button color="red.9" c="red.9" variant="outline" onClick={() => setErasing(true)}>
            {t('privacy.erase.button')}
          </Button>
        </Stack>
      </Stack>
      <EraseDialog opened={erasing} onClose={() => setErasing(false)} />
    </Paper>
  );
}
