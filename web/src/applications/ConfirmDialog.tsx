import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../api/errors.tsx';

interface Props {
  opened: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  /** Ask for a reason: `required` refuses an empty one. */
  reason?: { label: string; description?: string; required: boolean };
  pending: boolean;
  error: unknown;
  danger?: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}

/** A confirmation before an action that cannot be taken back, optionally asking why. */
export function ConfirmDialog({
  opened,
  title,
  body,
  confirmLabel,
  reason,
  pending,
  error,
  danger,
  onClose,
  onConfirm,
}: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const missing = reason?.required === true && text.trim() === '';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <Stack gap="sm">
        <Text size="sm">{body}</Text>
        {reason && (
          <Textarea
            label={reason.label}
            description={reason.description}
            required={reason.required}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={3}
          />
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={danger ? 'red.9' : undefined}
            loading={pending}
            disabled={missing}
            onClick={() => onConfirm(text.trim())}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
