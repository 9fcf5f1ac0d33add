import { Button, Group, Modal, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../api/errors.tsx';
import { saveScores } from './api.ts';
import type { Application, ScoringCriterion } from './types.ts';

const points = ['0', '1', '2', '3', '4', '5'];

/** The scoring grid of one application: 0–5 per criterion and the private screening note. */
export function ScoresDialog({
  application,
  criteria,
  onClose,
  onSaved,
}: {
  application: Application;
  criteria: ScoringCriterion[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.id, String(application.scores?.[c.id] ?? '')])),
  );
  const [note, setNote] = useState(application.screeningNote ?? '');
  const complete = criteria.every((c) => scores[c.id] !== '');
  const save = useMutation({
    mutationFn: () =>
      saveScores(
        application.id,
        Object.fromEntries(criteria.map((c) => [c.id, Number(scores[c.id])])),
        note.trim() || null,
      ),
    onSuccess: onSaved,
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('applications.screening.scoreTitle', { name: application.applicant?.name ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <Stack gap="sm">
        {criteria.map((criterion) => (
          <NativeSelect
            key={criterion.id}
            label={t('applications.screening.criterionLabel', { label: criterion.label, weight: criterion.weight })}
            value={scores[criterion.id]}
            onChange={(event) => setScores({ ...scores, [criterion.id]: event.currentTarget.value })}
            data={[{ value: '', label: '—' }, ...points]}
          />
        ))}
        <Textarea
          label={t('applications.screening.note')}
          description={t('applications.screening.noteHelp')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={5000}
          autosize
          minRows={3}
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!complete} loading={save.isPending} onClick={() => save.mutate()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
