import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Add" under a repeatable list; says so when the list is empty, so an empty section is not a blank box. */
export function AddRowButton({ label, onAdd, empty }: { label: string; onAdd: () => void; empty?: string }) {
  return (
    <Group justify="space-between" align="center">
      {empty ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <span />
      )}
      <Button variant="light" size="xs" onClick={onAdd}>
        {label}
      </Button>
    </Group>
  );
}

/** Removes one row; its accessible name says which (e.g. "Remove language 2"). */
export function RemoveRowButton({ what, index, onRemove }: { what: string; index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="subtle"
      color="red"
      c="red.9"
      size="xs"
      onClick={onRemove}
      aria-label={t('profile.removeRow', { what, number: index + 1 })}
    >
      {t('profile.remove')}
    </Button>
  );
}
