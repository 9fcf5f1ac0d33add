import { Button, Checkbox, Group, List, Modal, Radio, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../api/errors.tsx';
import type { DuplicatePair, DuplicatePerson } from '../../experts/types.ts';
import type { MergeResult } from './types.ts';

/** "First Last" in Latin script, as the duplicates list shows it. */
export const personName = (person: DuplicatePerson) => `${person.firstName} ${person.lastName}`.trim();

interface Props {
  pair: DuplicatePair;
  onClose: () => void;
  onMerged: (result: MergeResult, kept: DuplicatePerson, duplicate: DuplicatePerson) => void;
}

/**
 * Merging one likely pair: staff choose the record that is kept, read what moves and what happens to the other
 * account, and confirm explicitly before anything is sent.
 */
export function MergeDialog({ pair, onClose, onMerged }: Props) {
  const { t } = useTranslation();
  const [keptSide, setKeptSide] = useState<'left' | 'right'>('left');
  const [confirmed, setConfirmed] = useState(false);
  const kept = pair[keptSide];
  const duplicate = keptSide === 'left' ? pair.right : pair.left;
  const merge = useMutation({
    mutationFn: () =>
      api<MergeResult>('POST', `/experts/${encodeURIComponent(kept.userId)}/merge`, { duplicateId: duplicate.userId }),
    onSuccess: (result) => onMerged(result, kept, duplicate),
  });
  const names = { kept: personName(kept), duplicate: personName(duplicate) };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('merge.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
      size="lg"
    >
      <Stack gap="md">
        <Radio.Group
          label={t('merge.keep')}
          value={keptSide}
          onChange={(value) => {
            setKeptSide(value as 'left' | 'right');
            setConfirmed(false);
          }}
        >
          <Stack gap="xs" mt="xs">
            {(['left', 'right'] as const).map((side) => (
              <Radio key={side} value={side} label={<bdi>{personName(pair[side])}</bdi>} />
            ))}
          </Stack>
        </Radio.Group>
        <div>
          <Text size="sm" fw={600}>
            {t('merge.movesTitle', names)}
          </Text>
          <List size="sm" mt={4}>
            <List.Item>{t('merge.moves.lists')}</List.Item>
            <List.Item>{t('merge.moves.languages')}</List.Item>
            <List.Item>{t('merge.moves.staff')}</List.Item>
            <List.Item>{t('merge.moves.fields', names)}</List.Item>
          </List>
        </div>
        <div>
          <Text size="sm" fw={600}>
            {t('merge.closesTitle', names)}
          </Text>
          <List size="sm" mt={4}>
            <List.Item>{t('merge.closes.account', names)}</List.Item>
            <List.Item>{t('merge.closes.consents', names)}</List.Item>
          </List>
        </div>
        <Checkbox
          label={t('merge.confirm', names)}
          checked={confirmed}
          onChange={(event) => setConfirmed(event.currentTarget.checked)}
        />
        <ErrorAlert error={merge.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" disabled={!confirmed} loading={merge.isPending} onClick={() => merge.mutate()}>
            {t('merge.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
