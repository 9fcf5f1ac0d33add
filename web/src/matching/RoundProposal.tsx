import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../shell/format.ts';
import { ScoreDetails } from './ScoreDetails.tsx';
import { samePair, type AllocationRound, type RoundPair } from './types.ts';
import { useExplain } from './useExplain.ts';

interface Props {
  round: AllocationRound;
  locked: RoundPair[];
  excluded: RoundPair[];
  onToggleLock: (pair: RoundPair) => void;
  onExclude: (pair: RoundPair) => void;
}

/**
 * A round's proposal, call by call: who goes where and with what score, beside the greedy baseline; each pair
 * can be locked in or excluded before the next run (staff's choices wait in the page until they run it again).
 */
export function RoundProposal({ round, locked, excluded, onToggleLock, onExclude }: Props) {
  const { t, i18n } = useTranslation();
  const editable = round.status === 'proposed';
  const explain = useExplain(round.skillLabels);
  return (
    <Stack gap="sm">
      <Text fw={600} data-testid="round-summary">
        {t('matching.rounds.summary', { filled: round.filled, slots: round.slots, total: round.total.toFixed(2) })}
      </Text>
      <Text size="sm">
        {t('matching.rounds.greedy', { filled: round.greedy.filled, total: round.greedy.total.toFixed(2) })}
      </Text>
      {round.calls.map((call) => {
        const pairs = round.pairs.filter((pair) => pair.assignmentId === call.id);
        return (
          <Stack gap={4} key={call.id} data-testid="round-call">
            <Title order={2} size="h5">
              {call.reference} — {call.title} ({t('matching.rounds.slots', { count: call.slots })})
            </Title>
            {pairs.length === 0 ? (
              <Text size="sm">{t('matching.rounds.nobody')}</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('matching.rounds.expert')}</Table.Th>
                    <Table.Th>{t('matching.score')}</Table.Th>
                    {editable && <Table.Th>{t('matching.rounds.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {pairs.map((pair) => {
                    const ref = { expertId: pair.expert.id, assignmentId: pair.assignmentId };
                    const isLocked = locked.some((entry) => samePair(entry, ref));
                    return (
                      <Table.Tr key={pair.expert.id} data-testid="round-pair">
                        <Table.Td>
                          <span data-testid="pair-expert">{pair.expert.name}</span>{' '}
                          {pair.locked && <Badge variant="light">{t('matching.rounds.lockedBadge')}</Badge>}
                          <details>
                            <summary>{t('matching.rounds.why')}</summary>
                            <ScoreDetails components={pair.components} explain={explain} />
                          </details>
                        </Table.Td>
                        <Table.Td>{formatPercent(pair.score, i18n.language)}</Table.Td>
                        {editable && (
                          <Table.Td>
                            <Group gap="xs">
                              <Button size="xs" variant="light" onClick={() => onToggleLock(ref)}>
                                {isLocked ? t('matching.rounds.unlock') : t('matching.rounds.lock')}
                              </Button>
                              <Button
                                size="xs"
                                variant="subtle"
                                color="red"
                                disabled={excluded.some((entry) => samePair(entry, ref))}
                                onClick={() => onExclude(ref)}
                              >
                                {t('matching.rounds.exclude')}
                              </Button>
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        );
      })}
      {round.ineligible.length > 0 && (
        <Stack gap={2}>
          <Title order={2} size="h5">
            {t('matching.rounds.ineligible', { count: round.ineligible.length })}
          </Title>
          {round.ineligible.map((entry) => (
            <Text size="sm" key={`${entry.expert.id}-${entry.assignmentId}`}>
              {entry.expert.name} — {round.calls.find((call) => call.id === entry.assignmentId)?.reference} —{' '}
              {t(`matching.reasonNames.${entry.reason.replaceAll('.', '_')}`)}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
