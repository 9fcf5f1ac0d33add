import { Badge, Button, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useReference } from '../experts/reference.ts';
import { ListTable } from '../shell/ListTable.tsx';
import { Page } from '../shell/Page.tsx';
import { formatDay } from '../shell/format.ts';
import { statusColors } from '../shell/statusColors.ts';
import { ProgrammeForm } from './ProgrammeForm.tsx';
import { programmeKeys, type ProgrammeList, type ProgrammeStatus, type ProgrammeView } from './types.ts';

const statusColor: Record<ProgrammeStatus, string> = {
  planned: statusColors.pending,
  running: statusColors.positive,
  closed: statusColors.neutral,
};

/** One short item per line: lists of countries or sectors read better stacked than run together. */
function Lines({ items }: { items: string[] }) {
  return (
    <Stack gap={0}>
      {items.map((item) => (
        <Text size="sm" key={item}>
          {item}
        </Text>
      ))}
    </Stack>
  );
}

/** The programmes of the deployment; programme officers and admins add and edit them in a side panel. */
export function ProgrammesPage() {
  const { t, i18n } = useTranslation();
  const countries = useReference('countries');
  const sectors = useReference('sectors');
  const [editing, setEditing] = useState<ProgrammeView | 'new' | null>(null);
  const list = useQuery({
    queryKey: programmeKeys.all,
    queryFn: () => api<ProgrammeList>('GET', '/programmes'),
  });
  const period = (programme: ProgrammeView) =>
    programme.endsOn
      ? t('programmes.period', {
          from: formatDay(programme.startsOn, i18n.language),
          to: formatDay(programme.endsOn, i18n.language),
        })
      : t('programmes.since', { from: formatDay(programme.startsOn, i18n.language) });

  return (
    <Page title={t('programmes.title')}>
      <Group justify="space-between">
        <Text>{t('programmes.intro')}</Text>
        {list.data?.allowedActions.includes('programme.create') && (
          <Button onClick={() => setEditing('new')}>{t('programmes.create')}</Button>
        )}
      </Group>
      <ListTable
        query={list}
        emptyText={t('programmes.empty')}
        caption={t('programmes.title')}
        testId="programmes-table"
        minWidth={860}
        columns={[
          t('programmes.fields.name'),
          t('programmes.fields.status'),
          t('programmes.columns.period'),
          t('programmes.fields.countries'),
          t('programmes.fields.prioritySectors'),
          t('programmes.fields.eligibleResidenceCountries'),
          <span className="visually-hidden">{t('programmes.columns.actions')}</span>,
        ]}
      >
        {list.data?.items.map((programme) => (
          <Table.Tr key={programme.id} data-testid="programme-row">
            <Table.Td>
              <Text fw={600}>{programme.name}</Text>
              <Text size="xs" c="dimmed">
                <bdi>{programme.code}</bdi> · {programme.donor}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={statusColor[programme.status]} miw="max-content">
                {t(`programmes.statuses.${programme.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{period(programme)}</Table.Td>
            <Table.Td>
              <Lines items={programme.countries.map(countries.label)} />
            </Table.Td>
            <Table.Td>
              <Lines items={programme.prioritySectors.map((code) => `${code} · ${sectors.label(code)}`)} />
            </Table.Td>
            <Table.Td>
              {programme.eligibleResidenceCountries.length ? (
                <Lines items={programme.eligibleResidenceCountries.map(countries.label)} />
              ) : (
                t('programmes.anyResidence')
              )}
            </Table.Td>
            <Table.Td>
              {programme.allowedActions.includes('programme.update') && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => setEditing(programme)}
                  aria-label={t('programmes.editNamed', { name: programme.name })}
                >
                  {t('programmes.edit')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        position={i18n.dir() === 'rtl' ? 'left' : 'right'}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={editing === 'new' ? t('programmes.create') : t('programmes.edit')}
      >
        {editing !== null && (
          <ProgrammeForm
            key={editing === 'new' ? 'new' : editing.id}
            programme={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Drawer>
    </Page>
  );
}
