import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Warns before unsaved edits are lost: the browser's own prompt when the tab closes or reloads, and a dialog
 * when a link inside the app would leave the page.
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('profile.unsaved.title')}
      centered
    >
      <Text size="sm">{t('profile.unsaved.body')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset?.()}>
          {t('profile.unsaved.stay')}
        </Button>
        <Button color="red.9" onClick={() => blocker.proceed?.()} data-testid="leave-anyway">
          {t('profile.unsaved.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
