import { Anchor, Badge, Button, Drawer, Group, NativeSelect, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { optionsOf, useReference } from '../experts/reference.ts';
import { ListTable } from '../shell/ListTable.tsx';
import { Page } from '../shell/Page.tsx';
import { Pager } from '../shell/Pager.tsx';
import { InstitutionForm } from './InstitutionForm.tsx';
import {
  institutionKeys,
  institutionKinds,
  institutionSorts,
  institutionTypes,
  nameOf,
  type InstitutionPage,
} from './types.ts';

const pageSize = 20;

/** The register of host and partner institutions, filtered and sorted by the server; editors add institutions. */
export function InstitutionsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const countries = useReference('countries');
  const regions = useReference('regions');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [filters, setFilters] = useState({ kind: '', type: '', country: '', region: '', sort: 'name' });
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: [...institutionKeys.all, 'list', { q, ...filters, page }],
    queryFn: () => api<InstitutionPage>('GET', '/institutions', undefined, { q, ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const setFilter = (key: keyof typeof filters) => (value: string) => {
    setFilters((current) => ({ ...current, [key]: value }));
    setPage(1);
  };

  return (
    <Page title={t('institutions.title')}>
      <Group justify="space-between">
        <Text>{t('institutions.intro')}</Text>
        {list.data?.allowedActions.includes('institution.create') && (
          <Button onClick={() => setCreating(true)}>{t('institutions.create')}</Button>
        )}
      </Group>
      <Group align="flex-end" gap="sm" role="search">
        <TextInput
          label={t('institutions.search')}
          name="q"
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
        />
        <NativeSelect
          label={t('institutions.fields.kind')}
          name="kind"
          value={filters.kind}
          onChange={(event) => setFilter('kind')(event.currentTarget.value)}
        >
          <option value="">{t('institutions.all')}</option>
          {institutionKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`institutions.kinds.${kind}`)}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          label={t('institutions.fields.type')}
          name="type"
          value={filters.type}
          onChange={(event) => setFilter('type')(event.currentTarget.value)}
        >
          <option value="">{t('institutions.all')}</option>
          {institutionTypes.map((type) => (
            <option key={type} value={type}>
              {t(`institutions.types.${type}`)}
            </option>
          ))}
        </NativeSelect>
        <Select
          label={t('institutions.fields.country')}
          name="country"
          data={optionsOf(countries.items, i18n.language)}
          searchable
          clearable
          value={filters.country || null}
          onChange={(value) => setFilter('country')(value ?? '')}
        />
        <Select
          label={t('institutions.fields.region')}
          name="region"
          data={optionsOf(regions.top, i18n.language)}
          searchable
          clearable
          value={filters.region || null}
          onChange={(value) => setFilter('region')(value ?? '')}
        />
        <NativeSelect
          label={t('institutions.sort')}
          name="sort"
          value={filters.sort}
          onChange={(event) => setFilter('sort')(event.currentTarget.value)}
        >
          {institutionSorts.map((sort) => (
            <option key={sort} value={sort}>
              {t(`institutions.sorts.${sort}`)}
            </option>
          ))}
        </NativeSelect>
      </Group>
      <ListTable
        query={list}
        emptyText={t('institutions.empty')}
        caption={t('institutions.title')}
        testId="institutions-table"
        minWidth={760}
        columns={[
          t('institutions.fields.name'),
          t('institutions.fields.kind'),
          t('institutions.fields.type'),
          t('institutions.columns.place'),
        ]}
      >
        {list.data?.items.map((institution) => (
          <Table.Tr key={institution.id} data-testid="institution-row">
            <Table.Td>
              <Anchor component={Link} to={`/institutions/${institution.id}`}>
                {nameOf(institution, i18n.language)}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Badge variant="outline" miw="max-content">
                {t(`institutions.kinds.${institution.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{t(`institutions.types.${institution.type}`)}</Table.Td>
            <Table.Td>
              {[
                institution.city,
                institution.region ? regions.label(institution.region) : null,
                countries.label(institution.country),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {list.data && <Pager page={page} pageSize={pageSize} total={list.data.total} onChange={setPage} />}
      <Drawer
        opened={creating}
        onClose={() => setCreating(false)}
        position={i18n.dir() === 'rtl' ? 'left' : 'right'}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={t('institutions.create')}
      >
        {creating && (
          <InstitutionForm
            onDone={(saved) => {
              setCreating(false);
              if (saved) void navigate(`/institutions/${saved.id}`);
            }}
          />
        )}
      </Drawer>
    </Page>
  );
}
