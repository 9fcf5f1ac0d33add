import { Alert, Anchor, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { DataState } from '../shell/DataState.tsx';
import { formatDateTime } from '../shell/format.ts';
import { Page } from '../shell/Page.tsx';
import { AlertsCard } from './AlertsCard.tsx';
import { moveApplication, myApplications, myApplicationsKey } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { callTitle, type Application } from './types.ts';

/** One application: the call, where it stands and what that means, its history, and withdrawal while allowed. */
function ApplicationCard({ application, onWithdraw }: { application: Application; onWithdraw: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <Card withBorder data-testid="my-application">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>
            <bdi>{application.call.reference}</bdi> — <bdi>{callTitle(application.call, locale)}</bdi>
          </Text>
          <StatusBadge status={application.status} />
        </Group>
        <Text size="sm">{t(`applications.explain.${application.status}`)}</Text>
        <Text size="xs" c="dimmed">
          {t('applications.mine.dates', {
            submitted: formatDateTime(application.submittedAt, locale),
            deadline: formatDateTime(application.call.deadlineAt, locale),
          })}
        </Text>
        {application.events && application.events.length > 0 && (
          <List size="xs" aria-label={t('applications.mine.history')}>
            {application.events.map((event) => (
              <List.Item key={`${event.to}-${event.at}`}>
                {formatDateTime(event.at, locale)} — {t(`applications.status.${event.to}`)}
                {event.reason && (
                  <>
                    {' — '}
                    <bdi>{event.reason}</bdi>
                  </>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {application.allowedActions.includes('application.withdraw') && (
          <Group justify="flex-end">
            <Button variant="subtle" color="red" c="red.9" size="compact-sm" onClick={onWithdraw}>
              {t('applications.mine.withdraw')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** "My applications": every application with its status explained, newest first. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const location = useLocation();
  const list = useQuery({ queryKey: myApplicationsKey, queryFn: myApplications });
  const [withdrawing, setWithdrawing] = useState<Application | null>(null);
  const withdraw = useMutation({
    mutationFn: (id: string) => moveApplication(id, 'withdrawn'),
    onSuccess: async () => {
      setWithdrawing(null);
      await client.invalidateQueries({ queryKey: myApplicationsKey });
    },
  });
  const justApplied = (location.state as { applied?: boolean } | null)?.applied === true;
  return (
    <Page title={t('applications.mine.title')}>
      {justApplied && <Alert color="green">{t('applications.mine.applied')}</Alert>}
      <AlertsCard />
      <DataState
        isPending={list.isPending}
        error={list.error}
        isEmpty={list.data?.items.length === 0}
        emptyText={t('applications.mine.empty')}
      >
        <Stack gap="sm">
          {list.data?.items.map((application) => (
            <ApplicationCard
              key={application.id}
              application={application}
              onWithdraw={() => setWithdrawing(application)}
            />
          ))}
        </Stack>
      </DataState>
      <Anchor component={Link} to="/calls" size="sm">
        {t('applications.mine.browse')}
      </Anchor>
      <ConfirmDialog
        opened={withdrawing !== null}
        title={t('applications.mine.withdrawTitle')}
        body={t('applications.mine.withdrawBody', { reference: withdrawing?.call.reference ?? '' })}
        confirmLabel={t('applications.mine.withdrawConfirm')}
        pending={withdraw.isPending}
        error={withdraw.error}
        danger
        onClose={() => setWithdrawing(null)}
        onConfirm={() => withdrawing && withdraw.mutate(withdrawing.id)}
      />
    </Page>
  );
}
