import { Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../api/errors.tsx';
import { saveCriteria } from './api.ts';
import type { ScoringCriterion } from './types.ts';

/** A stable id from a label: lower-case Latin letters and digits, or a numbered one for other scripts. */
function idFor(label: string, index: number): string {
  const slug = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 30);
  return slug || `criterion-${index + 1}`;
}

/** Edits the call's screening grid: criteria and their weights (totals are recomputed by the server). */
export function CriteriaDialog({
  callId,
  criteria,
  onClose,
  onSaved,
}: {
  callId: string;
  criteria: ScoringCriterion[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState(criteria.length ? criteria : [{ id: '', label: '', weight: 1 }]);
  const save = useMutation({
    mutationFn: () =>
      saveCriteria(
        callId,
        rows.filter((row) => row.label.trim()).map((row, index) => ({ ...row, id: row.id || idFor(row.label, index) })),
      ),
    onSuccess: onSaved,
  });
  const update = (index: number, change: Partial<ScoringCriterion>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('applications.screening.criteriaTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
      size="lg"
    >
      <Stack gap="sm">
        {rows.map((row, index) => (
          <Group key={index} align="flex-end" wrap="nowrap">
            <TextInput
              flex={1}
              label={t('applications.screening.criterion')}
              value={row.label}
              maxLength={200}
              onChange={(event) => update(index, { label: event.currentTarget.value })}
            />
            <NumberInput
              w={100}
              label={t('applications.screening.weight')}
              min={1}
              max={100}
              value={row.weight}
              onChange={(value) => update(index, { weight: Number(value) || 1 })}
            />
            <Button variant="subtle" color="red" c="red.9" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
              {t('applications.screening.removeCriterion')}
            </Button>
          </Group>
        ))}
        <Button
          variant="default"
          disabled={rows.length >= 10}
          onClick={() => setRows([...rows, { id: '', label: '', weight: 1 }])}
        >
          {t('applications.screening.addCriterion')}
        </Button>
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
