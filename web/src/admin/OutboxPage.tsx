import { Badge, Button, NativeSelect, Table } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../api/errors.tsx';
import { outboxStatuses, type OutboxMessage, type Page as PageOf } from '../api/types.ts';
import { ListTable } from '../shell/ListTable.tsx';
import { formatDateTime } from '../shell/format.ts';
import { Page } from '../shell/Page.tsx';
import { Pager } from '../shell/Pager.tsx';

const pageSize = 25;
// Dark shades: white badge text must keep 4.5:1 on the filled background.
const statusColour = { pending: 'gray.7', sent: 'green.9', failed: 'red.9' } as const;

/** Every e-mail the platform wrote, so nothing is lost without SMTP, with a retry for the failed ones. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['outbox', status, page],
    queryFn: () => api<PageOf<OutboxMessage>>('GET', '/admin/outbox', undefined, { status, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const retry = useMutation({
    mutationFn: (id: string) => api('POST', `/admin/outbox/${id}/retry`),
    onSettled: () => client.invalidateQueries({ queryKey: ['outbox'] }),
  });

  return (
    <Page title={t('outbox.title')}>
      <NativeSelect
        label={t('outbox.status')}
        name="status"
        maw={240}
        value={status}
        onChange={(event) => {
          setStatus(event.currentTarget.value);
          setPage(1);
        }}
      >
        <option value="">{t('outbox.allStatuses')}</option>
        {outboxStatuses.map((code) => (
          <option key={code} value={code}>
            {t(`outbox.statuses.${code}`)}
          </option>
        ))}
      </NativeSelect>
      <ErrorAlert error={retry.error} />
      <ListTable
        query={list}
        emptyText={t('outbox.empty')}
        caption={t('outbox.title')}
        testId="outbox-table"
        minWidth={800}
        columns={[
          t('outbox.columns.created'),
          t('outbox.columns.to'),
          t('outbox.columns.subject'),
          t('outbox.columns.status'),
          t('outbox.columns.attempts'),
          t('outbox.columns.error'),
          <span className="visually-hidden">{t('outbox.columns.actions')}</span>,
        ]}
      >
        {list.data?.items.map((message) => (
          <Table.Tr key={message.id}>
            <Table.Td>{formatDateTime(message.createdAt, i18n.language)}</Table.Td>
            <Table.Td>
              <bdi>{message.toAddress}</bdi>
            </Table.Td>
            <Table.Td>{message.subject}</Table.Td>
            <Table.Td>
              <Badge variant="filled" color={statusColour[message.status]}>
                {t(`outbox.statuses.${message.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{message.attempts}</Table.Td>
            <Table.Td>
              <bdi>{message.lastError ?? '—'}</bdi>
            </Table.Td>
            <Table.Td>
              {message.status === 'failed' && (
                <Button
                  size="xs"
                  variant="outline"
                  loading={retry.isPending && retry.variables === message.id}
                  onClick={() => retry.mutate(message.id)}
                  aria-label={t('outbox.retryTo', { email: message.toAddress })}
                >
                  {t('outbox.retry')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {list.data && <Pager page={page} pageSize={pageSize} total={list.data.total} onChange={setPage} />}
    </Page>
  );
}
