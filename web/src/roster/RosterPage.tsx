import { Anchor, Grid, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import type { RosterPage as RosterResult } from '../experts/types.ts';
import { DataState } from '../shell/DataState.tsx';
import { Page } from '../shell/Page.tsx';
import { Pager } from '../shell/Pager.tsx';
import { FacetsPanel } from './FacetsPanel.tsx';
import { RosterTransfer } from './import/RosterTransfer.tsx';
import { RosterTable } from './RosterTable.tsx';
import { paramsFromQuery, queryFromParams, rosterSorts, withFilter, type RosterQuery } from './rosterQuery.ts';
import { SavedSearches } from './SavedSearches.tsx';

const pageSize = 20;

/**
 * The staff roster search. The URL holds the whole query, so a search can be shared, bookmarked, saved and
 * reopened, and the back button undoes a filter.
 */
export function RosterPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const [text, setText] = useState(query.q ?? '');
  const [lastQ, setLastQ] = useState(query.q ?? '');
  // Opening a saved search or "clear filters" changes q from outside the box: follow it.
  if ((query.q ?? '') !== lastQ) {
    setLastQ(query.q ?? '');
    setText(query.q ?? '');
  }
  const go = (next: RosterQuery) => setParams(paramsFromQuery(next));
  const typeAhead = useDebouncedCallback((value: string) => go(withFilter(query, 'q', value.trim() || null)), 350);
  const result = useQuery({
    queryKey: ['experts', 'search', paramsFromQuery(query).toString()],
    queryFn: () => api<RosterResult>('GET', '/experts', undefined, { ...query, pageSize }),
    placeholderData: keepPreviousData,
  });

  return (
    <Page title={t('roster.title')}>
      <Group justify="space-between" align="flex-end" role="search">
        <TextInput
          label={t('roster.search')}
          description={t('roster.searchHelp')}
          name="q"
          type="search"
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            typeAhead(event.currentTarget.value);
          }}
          style={{ flex: '1 1 20rem' }}
        />
        <NativeSelect
          label={t('roster.sort')}
          name="sort"
          value={query.sort ?? ''}
          onChange={(event) => go(withFilter(query, 'sort', event.currentTarget.value))}
          data={rosterSorts.map((value) => ({ value, label: t(`roster.sorts.${value || 'relevance'}`) }))}
        />
      </Group>
      <Group justify="space-between">
        <Anchor component={Link} to="/roster/duplicates" size="sm">
          {t('duplicates.link')}
        </Anchor>
        <RosterTransfer query={query} />
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="md">
            <FacetsPanel query={query} facets={result.data?.facets} onChange={go} />
            <SavedSearches query={query} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="sm" aria-busy={result.isFetching}>
            <DataState
              isPending={result.isPending}
              error={result.error}
              isEmpty={result.data?.items.length === 0}
              emptyText={t('roster.empty')}
            >
              <RosterTable rows={result.data?.items ?? []} />
            </DataState>
            {result.data && (
              <Pager
                page={query.page}
                pageSize={pageSize}
                total={result.data.total}
                onChange={(page) => go({ ...query, page })}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
