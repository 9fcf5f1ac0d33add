import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../api/errors.tsx';
import { ConfirmDialog } from '../applications/ConfirmDialog.tsx';
import { callTitle } from '../applications/types.ts';
import type { AssignmentList } from '../assignments/types.ts';
import { DataState } from '../shell/DataState.tsx';
import { Page } from '../shell/Page.tsx';
import { acceptRound, runRound } from './api.ts';
import { RoundProposal } from './RoundProposal.tsx';
import { samePair, type AllocationRound, type RoundPair } from './types.ts';

const samePairs = (a: RoundPair[], b: RoundPair[]) =>
  a.length === b.length && a.every((pair) => b.some((other) => samePair(pair, other)));

/** The calls a round may take: open, or closed and being screened. */
async function roundableCalls() {
  const [open, closed] = await Promise.all(
    ['published', 'closed'].map((state) =>
      api<AssignmentList>('GET', '/assignments', undefined, { state, pageSize: 200, sort: 'deadline', order: 'asc' }),
    ),
  );
  return [...open!.items, ...closed!.items];
}

/**
 * An allocation round: staff pick calls, the engine proposes who goes where among their applicants (the exact
 * optimum: most slots filled, then the best total score), staff lock or exclude pairs and run it again, then
 * accept — the chosen applicants go on their calls' shortlists and are told.
 */
export function AllocationRoundPage() {
  const { t, i18n } = useTranslation();
  const calls = useQuery({ queryKey: ['roundable-calls'], queryFn: roundableCalls });
  const [chosen, setChosen] = useState<string[]>([]);
  const [capacity, setCapacity] = useState('1');
  const [locked, setLocked] = useState<RoundPair[]>([]);
  const [excluded, setExcluded] = useState<RoundPair[]>([]);
  const [round, setRound] = useState<AllocationRound | null>(null);
  const [confirming, setConfirming] = useState(false);
  const run = useMutation({
    mutationFn: () => runRound({ assignmentIds: chosen, locked, excluded, expertCapacity: Number(capacity) }),
    onSuccess: setRound,
  });
  const accept = useMutation({
    mutationFn: () => acceptRound(round!.id),
    onSuccess: (accepted) => {
      setRound(accepted);
      setConfirming(false);
    },
  });
  const toggleLock = (pair: RoundPair) =>
    setLocked((current) =>
      current.some((entry) => samePair(entry, pair))
        ? current.filter((entry) => !samePair(entry, pair))
        : [...current, pair],
    );
  const exclude = (pair: RoundPair) => {
    setExcluded((current) => [...current, pair]);
    setLocked((current) => current.filter((entry) => !samePair(entry, pair)));
  };
  // Choices made since the last run: accepting waits until the proposal reflects them.
  const changed =
    round?.status === 'proposed' && (!samePairs(locked, round.locked) || !samePairs(excluded, round.excluded));
  return (
    <Page title={t('matching.rounds.title')}>
      <Text size="sm">{t('matching.rounds.intro')}</Text>
      <DataState
        isPending={calls.isPending}
        error={calls.error}
        isEmpty={calls.data?.length === 0}
        emptyText={t('matching.rounds.noCalls')}
      >
        <Checkbox.Group label={t('matching.rounds.calls')} value={chosen} onChange={setChosen}>
          <Stack gap={4} mt="xs">
            {calls.data?.map((call) => (
              <Checkbox
                key={call.id}
                value={call.id}
                label={`${call.reference} — ${callTitle(call, i18n.language)}`}
                disabled={round?.status === 'accepted'}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      </DataState>
      <Group align="end">
        <NativeSelect
          label={t('matching.rounds.capacity')}
          value={capacity}
          onChange={(event) => setCapacity(event.currentTarget.value)}
          data={['1', '2', '3']}
        />
        <Button onClick={() => run.mutate()} loading={run.isPending} disabled={!chosen.length}>
          {round ? t('matching.rounds.rerun') : t('matching.rounds.run')}
        </Button>
        {round?.status === 'proposed' && (
          <Button onClick={() => setConfirming(true)} disabled={changed || round.pairs.length === 0}>
            {t('matching.rounds.accept')}
          </Button>
        )}
      </Group>
      {changed && (
        <Text size="sm">{t('matching.rounds.pending', { locked: locked.length, excluded: excluded.length })}</Text>
      )}
      <ErrorAlert error={run.error} />
      {round?.status === 'accepted' && (
        <Alert color="green" data-testid="round-accepted">
          {t('matching.rounds.accepted', { count: round.pairs.length - round.skipped.length })}
          {round.skipped.length > 0 && ` ${t('matching.rounds.skipped', { count: round.skipped.length })}`}
        </Alert>
      )}
      {round && (
        <RoundProposal
          round={round}
          locked={locked}
          excluded={excluded}
          onToggleLock={toggleLock}
          onExclude={exclude}
        />
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('matching.rounds.acceptTitle')}
        body={t('matching.rounds.acceptBody', { count: round?.pairs.length ?? 0 })}
        confirmLabel={t('matching.rounds.accept')}
        pending={accept.isPending}
        error={accept.error}
        onClose={() => setConfirming(false)}
        onConfirm={() => accept.mutate()}
      />
    </Page>
  );
}
