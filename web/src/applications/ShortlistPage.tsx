import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DataState } from '../shell/DataState.tsx';
import { formatList } from '../shell/format.ts';
import { Page } from '../shell/Page.tsx';
import { callApplications, callApplicationsKey, cvUrl, hostSelect, hostUnselect } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import type { Application } from './types.ts';

/** The host's view of a shared shortlist: who, what they wrote, their CV; select with a reason, or undo. */
export function ShortlistPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: [...callApplicationsKey(id), 'shortlist'],
    queryFn: () => callApplications(id, 'date'),
  });
  const refresh = () => client.invalidateQueries({ queryKey: callApplicationsKey(id) });
  const [selecting, setSelecting] = useState<Application | null>(null);
  const [undoing, setUndoing] = useState<Application | null>(null);
  const select = useMutation({
    mutationFn: ({ application, reason }: { application: Application; reason: string }) =>
      hostSelect(application.id, reason),
    onSuccess: async () => {
      setSelecting(null);
      await refresh();
    },
  });
  const undo = useMutation({
    mutationFn: (application: Application) => hostUnselect(application.id),
    onSuccess: async () => {
      setUndoing(null);
      await refresh();
    },
  });
  return (
    <Page title={t('applications.shortlist.title')}>
      <Text size="sm">{t('applications.shortlist.intro')}</Text>
      <DataState
        isPending={list.isPending}
        error={list.error}
        isEmpty={list.data?.items.length === 0}
        emptyText={t('applications.shortlist.empty')}
      >
        <Stack gap="sm">
          {list.data?.items.map((application) => (
            <Card withBorder key={application.id} data-testid="shortlist-card">
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={600}>
                    <bdi>{application.applicant?.name}</bdi>
                  </Text>
                  <Group gap="xs">
                    {application.hostSelection && <Badge color="green">{t('applications.shortlist.chosen')}</Badge>}
                    <StatusBadge status={application.status} />
                  </Group>
                </Group>
                {application.applicant?.headline && (
                  <Text size="sm">
                    <bdi>{application.applicant.headline}</bdi>
                  </Text>
                )}
                {application.applicant && application.applicant.languages.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('applications.shortlist.languages', {
                      list: formatList(
                        application.applicant.languages.map((l) => `${l.language} ${l.level}`),
                        i18n.language,
                      ),
                    })}
                  </Text>
                )}
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  <bdi>{application.motivation}</bdi>
                </Text>
                {application.cv ? (
                  <Anchor href={cvUrl(application.id)} size="sm">
                    {t('applications.cvDownload', { name: application.cv.fileName })}
                  </Anchor>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('applications.shortlist.noCv')}
                  </Text>
                )}
                {application.hostSelection?.reason && (
                  <Text size="xs">
                    {t('applications.shortlist.yourReason', { reason: application.hostSelection.reason })}
                  </Text>
                )}
                <Group justify="flex-end">
                  {application.allowedActions.includes('application.host_select') && (
                    <Button onClick={() => setSelecting(application)}>{t('applications.shortlist.select')}</Button>
                  )}
                  {application.allowedActions.includes('application.host_unselect') && (
                    <Button variant="default" onClick={() => setUndoing(application)}>
                      {t('applications.shortlist.undo')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      </DataState>
      <ConfirmDialog
        key={selecting?.id ?? 'none'}
        opened={selecting !== null}
        title={t('applications.shortlist.selectTitle')}
        body={t('applications.shortlist.selectBody', { name: selecting?.applicant?.name ?? '' })}
        confirmLabel={t('applications.shortlist.select')}
        reason={{ label: t('applications.shortlist.reason'), required: true }}
        pending={select.isPending}
        error={select.error}
        onClose={() => setSelecting(null)}
        onConfirm={(reason) => selecting && select.mutate({ application: selecting, reason })}
      />
      <ConfirmDialog
        opened={undoing !== null}
        title={t('applications.shortlist.undoTitle')}
        body={t('applications.shortlist.undoBody', { name: undoing?.applicant?.name ?? '' })}
        confirmLabel={t('applications.shortlist.undo')}
        pending={undo.isPending}
        error={undo.error}
        danger
        onClose={() => setUndoing(null)}
        onConfirm={() => undoing && undo.mutate(undoing)}
      />
    </Page>
  );
}
