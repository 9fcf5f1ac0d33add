import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../api/errors.tsx';
import { checklistOwners, standardChecklistKeys, type ChecklistChange, type ChecklistItem } from './types.ts';

/** The words of a checklist item: the standard ones translated, a custom one by the label staff gave it. */
export function useItemLabel(): (item: Pick<ChecklistItem, 'key' | 'label'>) => string {
  const { t } = useTranslation();
  return (item) =>
    (standardChecklistKeys as readonly string[]).includes(item.key)
      ? t(`missions.checklist.keys.${item.key}`)
      : (item.label ?? item.key);
}

interface Props {
  item: ChecklistItem;
  /** Staff also set the due date and the owner. */
  staff: boolean;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSave: (change: ChecklistChange) => void;
}

/** Edits one item's note (a booking reference, a visa appointment…) and, for staff, its due date and owner. */
export function ChecklistItemDialog({ item, staff, pending, error, onClose, onSave }: Props) {
  const { t } = useTranslation();
  const labelOf = useItemLabel();
  const [note, setNote] = useState(item.note ?? '');
  const [dueOn, setDueOn] = useState(item.dueOn ?? '');
  const [owner, setOwner] = useState(item.owner);
  const submit = () => {
    const change: ChecklistChange = { id: item.id };
    const trimmed = note.trim();
    if (trimmed !== (item.note ?? '')) change.note = trimmed || null;
    if (staff && dueOn !== (item.dueOn ?? '')) change.dueOn = dueOn || null;
    if (staff && owner !== item.owner) change.owner = owner;
    if (Object.keys(change).length === 1) onClose();
    else onSave(change);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('missions.checklist.editTitle', { item: labelOf(item) })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          {staff && (
            <>
              <TextInput
                type="date"
                label={t('missions.checklist.dueOn')}
                value={dueOn}
                onChange={(event) => setDueOn(event.currentTarget.value)}
              />
              <NativeSelect
                label={t('missions.checklist.owner')}
                value={owner}
                onChange={(event) => setOwner(event.currentTarget.value as ChecklistItem['owner'])}
              >
                {checklistOwners.map((code) => (
                  <option key={code} value={code}>
                    {t(`missions.checklist.owners.${code}`)}
                  </option>
                ))}
              </NativeSelect>
            </>
          )}
          <Textarea
            label={t('missions.checklist.note')}
            description={t('missions.checklist.noteHelp')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
            data-autofocus
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
