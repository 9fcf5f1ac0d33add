import { Button, Group, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { AuditEvent, Page as PageOf } from '../api/types.ts';
import { ListTable } from '../shell/ListTable.tsx';
import { formatDateTime } from '../shell/format.ts';
import { Page } from '../shell/Page.tsx';
import { Pager } from '../shell/Pager.tsx';
import { describeChanges } from './changes.ts';

const pageSize = 25;
const noFilters = { action: '', entityType: '', from: '', to: '' };

/** A calendar day from a date input as an instant: its first moment for `from`, its last for `to`. */
function dayBound(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  return new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString();
}

/** The audit trail, newest first, filtered by action, entity type and period. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState(noFilters);
  const [page, setPage] = useState(1);
  const form = useForm({ initialValues: noFilters });
  const list = useQuery({
    queryKey: ['audit-events', filters, page],
    queryFn: () =>
      api<PageOf<AuditEvent>>('GET', '/audit-events', undefined, {
        action: filters.action.trim(),
        entityType: filters.entityType.trim(),
        from: dayBound(filters.from, false),
        to: dayBound(filters.to, true),
        page,
        pageSize,
      }),
    placeholderData: keepPreviousData,
  });
  const apply = (values: typeof noFilters) => {
    setFilters(values);
    setPage(1);
  };

  return (
    <Page title={t('audit.title')}>
      <form onSubmit={form.onSubmit(apply)} role="search" aria-label={t('audit.filters')}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('audit.action')}
            name="action"
            placeholder="session.created"
            {...form.getInputProps('action')}
          />
          <TextInput
            label={t('audit.entityType')}
            name="entityType"
            placeholder="user"
            {...form.getInputProps('entityType')}
          />
          <TextInput label={t('audit.from')} name="from" type="date" {...form.getInputProps('from')} />
          <TextInput label={t('audit.to')} name="to" type="date" {...form.getInputProps('to')} />
          <Button type="submit">{t('common.filter')}</Button>
          <Button
            variant="default"
            onClick={() => {
              form.reset();
              apply(noFilters);
            }}
          >
            {t('common.reset')}
          </Button>
        </Group>
      </form>
      <ListTable
        query={list}
        emptyText={t('audit.empty')}
        caption={t('audit.title')}
        testId="audit-table"
        minWidth={800}
        columns={[
          t('audit.columns.at'),
          t('audit.columns.actor'),
          t('audit.columns.action'),
          t('audit.columns.entity'),
          t('audit.columns.changes'),
          t('audit.columns.ip'),
        ]}
      >
        {list.data?.items.map((event) => (
          <Table.Tr key={event.id}>
            <Table.Td>{formatDateTime(event.at, i18n.language)}</Table.Td>
            <Table.Td>
              <bdi>{event.actorEmail ?? t('audit.system')}</bdi>
            </Table.Td>
            <Table.Td>
              <bdi>{event.action}</bdi>
            </Table.Td>
            <Table.Td>
              <bdi>{event.entityType}</bdi>
            </Table.Td>
            <Table.Td>{event.changes ? <pre className="changes">{describeChanges(event.changes)}</pre> : '—'}</Table.Td>
            <Table.Td>
              <bdi>{event.ip ?? '—'}</bdi>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {list.data && <Pager page={page} pageSize={pageSize} total={list.data.total} onChange={setPage} />}
    </Page>
  );
}
