import { Card, MultiSelect, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../api/errors.tsx';
import { groupedOptionsOf, useReference } from '../experts/reference.ts';
import { callAlerts, saveCallAlerts } from './api.ts';
import type { CallAlerts } from './types.ts';

const alertsKey = ['call-alerts'];

/**
 * The expert's alerts for new calls: the daily e-mail digest on or off (in-app notices come either way), and the
 * sectors to watch (none chosen: the profile's). Each change is saved at once, like a settings switch.
 */
export function AlertsCard() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const alerts = useQuery({ queryKey: alertsKey, queryFn: callAlerts });
  const sectors = groupedOptionsOf(useReference('sectors').items, i18n.language);
  const save = useMutation({
    mutationFn: (settings: Pick<CallAlerts, 'email' | 'sectors'>) => saveCallAlerts(settings),
    onSuccess: (data) => client.setQueryData(alertsKey, data),
  });
  const current = alerts.data;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t('applications.alerts.title')}</Text>
        <Switch
          label={t('applications.alerts.email')}
          description={t('applications.alerts.help')}
          checked={current?.email ?? true}
          disabled={!current || save.isPending}
          onChange={(event) => current && save.mutate({ email: event.currentTarget.checked, sectors: current.sectors })}
        />
        <MultiSelect
          label={t('applications.alerts.sectors')}
          description={t('applications.alerts.sectorsHelp')}
          name="alertSectors"
          data={sectors}
          value={current?.sectors ?? []}
          disabled={!current}
          searchable
          clearable
          maxValues={30}
          onChange={(chosen) => current && save.mutate({ email: current.email, sectors: chosen })}
        />
        <ErrorAlert error={alerts.error ?? save.error} />
      </Stack>
    </Card>
  );
}
