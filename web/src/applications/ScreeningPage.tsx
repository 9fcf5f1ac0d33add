import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CreateMissionButton } from '../missions/CreateMissionDialog.tsx';
import { DataState } from '../shell/DataState.tsx';
import { formatDateTime } from '../shell/format.ts';
import { Page } from '../shell/Page.tsx';
import { callApplications, callApplicationsKey, cvUrl, moveApplication, shareShortlist } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { CriteriaDialog } from './CriteriaDialog.tsx';
import { ScoresDialog } from './ScoresDialog.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import type { Application, ApplicationStatus } from './types.ts';

interface Move {
  application: Application;
  to: ApplicationStatus;
}

/** Staff's screening of one call: the applications with their scores, the grid, status moves and the shortlist. */
export function ScreeningPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [sort, setSort] = useState<'score' | 'date'>('score');
  const key = [...callApplicationsKey(id), sort];
  const list = useQuery({ queryKey: key, queryFn: () => callApplications(id, sort) });
  const refresh = () => client.invalidateQueries({ queryKey: callApplicationsKey(id) });
  const [scoring, setScoring] = useState<Application | null>(null);
  const [editingGrid, setEditingGrid] = useState(false);
  const [move, setMove] = useState<Move | null>(null);
  const [sharing, setSharing] = useState(false);
  const transition = useMutation({
    mutationFn: ({ m, reason }: { m: Move; reason: string }) =>
      moveApplication(m.application.id, m.to, reason || undefined),
    onSuccess: async () => {
      setMove(null);
      await refresh();
    },
  });
  const share = useMutation({
    mutationFn: () => shareShortlist(id),
    onSuccess: async () => {
      setSharing(false);
      await refresh();
    },
  });
  const data = list.data;
  const canScreen = data?.allowedActions.includes('call.screen') ?? false;
  const shortlisted = data?.items.filter((a) => a.status === 'shortlisted').length ?? 0;
  return (
    <Page title={t('applications.screening.title')}>
      <Group justify="space-between" wrap="wrap">
        <NativeSelect
          label={t('applications.screening.sort')}
          value={sort}
          onChange={(event) => setSort(event.currentTarget.value as 'score' | 'date')}
          data={[
            { value: 'score', label: t('applications.screening.byScore') },
            { value: 'date', label: t('applications.screening.byDate') },
          ]}
        />
        {canScreen && (
          <Group>
            <Button variant="default" onClick={() => setEditingGrid(true)}>
              {t('applications.screening.editGrid')}
            </Button>
            <Button disabled={shortlisted === 0} onClick={() => setSharing(true)}>
              {t('applications.screening.share')}
            </Button>
          </Group>
        )}
      </Group>
      {data?.shortlistSharedAt && (
        <Alert color="blue">
          {t('applications.screening.sharedAt', { date: formatDateTime(data.shortlistSharedAt, i18n.language) })}
        </Alert>
      )}
      <DataState
        isPending={list.isPending}
        error={list.error}
        isEmpty={data?.items.length === 0}
        emptyText={t('applications.screening.empty')}
      >
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('applications.screening.applicant')}</Table.Th>
                <Table.Th>{t('applications.screening.submitted')}</Table.Th>
                <Table.Th>{t('applications.screening.status')}</Table.Th>
                <Table.Th>{t('applications.screening.total')}</Table.Th>
                <Table.Th>{t('applications.screening.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.items.map((application) => (
                <Table.Tr key={application.id} data-testid="screening-row">
                  <Table.Td>
                    <Stack gap={0}>
                      <bdi>{application.applicant?.name}</bdi>
                      {application.cv && (
                        <Anchor href={cvUrl(application.id)} size="xs">
                          {t('applications.cvDownload', { name: application.cv.fileName })}
                        </Anchor>
                      )}
                      {application.hostSelection && (
                        <Text size="xs" c="green.9">
                          {t('applications.screening.hostChose', { reason: application.hostSelection.reason ?? '' })}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{formatDateTime(application.submittedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={application.status} />
                  </Table.Td>
                  <Table.Td>{application.totalScore ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {application.allowedActions
                        .filter((action) => action.startsWith('application.to.'))
                        .map((action) => {
                          const to = action.slice('application.to.'.length) as ApplicationStatus;
                          return (
                            <Button
                              key={to}
                              size="compact-xs"
                              variant="light"
                              onClick={() => setMove({ application, to })}
                            >
                              {t(`applications.moves.${to}`)}
                            </Button>
                          );
                        })}
                      {application.allowedActions.includes('application.score') &&
                        (data?.scoringCriteria.length ?? 0) > 0 && (
                          <Button size="compact-xs" variant="default" onClick={() => setScoring(application)}>
                            {t('applications.screening.score')}
                          </Button>
                        )}
                      <CreateMissionButton application={application} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </DataState>
      {scoring && data && (
        <ScoresDialog
          application={scoring}
          criteria={data.scoringCriteria}
          onClose={() => setScoring(null)}
          onSaved={async () => {
            setScoring(null);
            await refresh();
          }}
        />
      )}
      {editingGrid && data && (
        <CriteriaDialog
          callId={id}
          criteria={data.scoringCriteria}
          onClose={() => setEditingGrid(false)}
          onSaved={async () => {
            setEditingGrid(false);
            await refresh();
          }}
        />
      )}
      <ConfirmDialog
        key={move ? `${move.application.id}-${move.to}` : 'none'}
        opened={move !== null}
        title={t('applications.screening.moveTitle')}
        body={move ? t(`applications.moveConfirm.${move.to}`, { name: move.application.applicant?.name ?? '' }) : ''}
        confirmLabel={move ? t(`applications.moves.${move.to}`) : ''}
        reason={
          move?.to === 'not_selected'
            ? {
                label: t('applications.screening.reason'),
                description: t('applications.screening.reasonHelp'),
                required: false,
              }
            : undefined
        }
        pending={transition.isPending}
        error={transition.error}
        onClose={() => setMove(null)}
        onConfirm={(reason) => move && transition.mutate({ m: move, reason })}
      />
      <ConfirmDialog
        opened={sharing}
        title={t('applications.screening.shareTitle')}
        body={t('applications.screening.shareBody', { n: shortlisted })}
        confirmLabel={t('applications.screening.share')}
        pending={share.isPending}
        error={share.error}
        onClose={() => setSharing(false)}
        onConfirm={() => share.mutate()}
      />
    </Page>
  );
}
