import { Badge, Group, NativeSelect, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { roles, userSorts, type Page as PageOf, type UserRow } from '../api/types.ts';
import { ListTable } from '../shell/ListTable.tsx';
import { formatDateTime } from '../shell/format.ts';
import { Page } from '../shell/Page.tsx';
import { Pager } from '../shell/Pager.tsx';

const pageSize = 20;

/** Every account, searchable by name or e-mail, filtered by role, sorted and paginated by the server. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState('');
  const [sort, setSort] = useState<string>('name');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['users', { q, role, sort, page }],
    queryFn: () => api<PageOf<UserRow>>('GET', '/users', undefined, { q, role, sort, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  return (
    <Page title={t('users.title')}>
      <Group align="flex-end" gap="sm" role="search">
        <TextInput
          label={t('users.search')}
          name="q"
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
        />
        <NativeSelect
          label={t('users.role')}
          name="role"
          value={role}
          onChange={(event) => {
            setRole(event.currentTarget.value);
            setPage(1);
          }}
        >
          <option value="">{t('users.allRoles')}</option>
          {roles.map((code) => (
            <option key={code} value={code}>
              {t(`roles.${code}`)}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          label={t('users.sort')}
          name="sort"
          value={sort}
          onChange={(event) => setSort(event.currentTarget.value)}
        >
          {userSorts.map((code) => (
            <option key={code} value={code}>
              {t(`users.sorts.${code}`)}
            </option>
          ))}
        </NativeSelect>
      </Group>
      <ListTable
        query={list}
        emptyText={t('users.empty')}
        caption={t('users.title')}
        testId="users-table"
        minWidth={720}
        highlightOnHover
        columns={[
          t('users.columns.name'),
          t('users.columns.email'),
          t('users.columns.roles'),
          t('users.columns.status'),
          t('users.columns.verified'),
          t('users.columns.created'),
        ]}
      >
        {list.data?.items.map((user) => (
          <Table.Tr key={user.id}>
            <Table.Td>{user.name}</Table.Td>
            <Table.Td>
              <bdi>{user.email}</bdi>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {user.roles.map((code) => (
                  <Badge key={code} variant="outline" color="blue">
                    {t(`roles.${code}`)}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{t(`users.statuses.${user.status}`, { defaultValue: user.status })}</Table.Td>
            <Table.Td>{user.emailVerified ? t('common.yes') : t('common.no')}</Table.Td>
            <Table.Td>{formatDateTime(user.createdAt, i18n.language)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {list.data && <Pager page={page} pageSize={pageSize} total={list.data.total} onChange={setPage} />}
    </Page>
  );
}
