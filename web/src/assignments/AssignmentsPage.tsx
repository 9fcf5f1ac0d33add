import { Anchor, Button, Chip, Group, NativeSelect, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { ListTable } from '../shell/ListTable.tsx';
import { intlLocale } from '../shell/format.ts';
import { Page } from '../shell/Page.tsx';
import { Pager } from '../shell/Pager.tsx';
import { StateBadge } from './StateBadge.tsx';
import { assignmentSorts, assignmentStates, nameIn, titleIn, type AssignmentList } from './types.ts';

const pageSize = 20;

/** Staff: every ToR with a chip per state and its count. Focal points: their institution's ToRs. */
export function AssignmentsPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const staff = me.roles.some((grant) => ['admin', 'programme_officer', 'me_officer'].includes(grant.role));
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [state, setState] = useState('');
  const [sort, setSort] = useState<string>('updated');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['assignments', { q, state, sort, page }],
    queryFn: () =>
      api<AssignmentList>('GET', '/assignments', undefined, {
        q,
        state,
        sort,
        order: sort === 'updated' ? 'desc' : 'asc',
        page,
        pageSize,
      }),
    placeholderData: keepPreviousData,
  });
  const counts = list.data?.counts ?? {};
  const all = Object.values(counts).reduce((sum, value) => sum + (value ?? 0), 0);

  return (
    <Page title={staff ? t('assignments.titleStaff') : t('assignments.titleMine')}>
      {me.allowedActions.includes('assignment.create') && (
        <Group>
          <Button component={Link} to="/assignments/new">
            {t('assignments.new')}
          </Button>
        </Group>
      )}
      <Chip.Group
        value={state}
        onChange={(value) => {
          setState(value as string);
          setPage(1);
        }}
      >
        <Group gap="xs" role="group" aria-label={t('assignments.filterByState')}>
          <Chip value="">{t('assignments.allStates', { count: all })}</Chip>
          {assignmentStates.map((code) => (
            <Chip key={code} value={code}>
              {`${t(`assignments.states.${code}`)} (${counts[code] ?? 0})`}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Group align="flex-end" gap="sm" role="search">
        <TextInput
          label={t('assignments.search')}
          name="q"
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
        />
        <NativeSelect label={t('assignments.sort')} value={sort} onChange={(e) => setSort(e.currentTarget.value)}>
          {assignmentSorts.map((code) => (
            <option key={code} value={code}>
              {t(`assignments.sorts.${code}`)}
            </option>
          ))}
        </NativeSelect>
      </Group>
      <ListTable
        query={list}
        emptyText={t('assignments.empty')}
        caption={t('assignments.titleStaff')}
        testId="assignments-table"
        minWidth={820}
        highlightOnHover
        columns={[
          t('assignments.columns.reference'),
          t('assignments.columns.title'),
          t('assignments.columns.institution'),
          t('assignments.columns.state'),
          t('assignments.columns.deadline'),
        ]}
      >
        {list.data?.items.map((tor) => (
          <Table.Tr key={tor.id}>
            <Table.Td>
              <bdi>{tor.reference}</bdi>
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/assignments/${tor.id}`}>
                {titleIn(tor, i18n.language)}
              </Anchor>
            </Table.Td>
            <Table.Td>{nameIn(tor.institution, i18n.language)}</Table.Td>
            <Table.Td>
              <StateBadge state={tor.state} />
            </Table.Td>
            <Table.Td>
              {new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium' }).format(
                new Date(tor.deadlineAt),
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {list.data && <Pager page={page} pageSize={pageSize} total={list.data.total} onChange={setPage} />}
    </Page>
  );
}
