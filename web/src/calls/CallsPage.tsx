import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, apiUrl } from '../api/client.ts';
import { useReference } from '../experts/reference.ts';
import { DataState } from '../shell/DataState.tsx';
import { Page } from '../shell/Page.tsx';
import { Pager } from '../shell/Pager.tsx';
import { CallCard } from './CallCard.tsx';
import './calls.css';
import { modalities, type CallList } from './types.ts';
import { useCallLabels } from './useCallLabels.ts';

const pageSize = 20;
const filterKeys = ['sector', 'modality', 'country', 'language', 'q'] as const;

/** Reads the filters from the address, so a filtered list can be bookmarked, shared and reached with "back". */
function useCallFilters() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(filterKeys.map((key) => [key, params.get(key) ?? ''])) as Record<
    (typeof filterKeys)[number],
    string
  >;
  const sort = params.get('sort') === 'newest' ? 'newest' : 'deadline';
  const page = Math.max(1, Number(params.get('page')) || 1);
  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // Any change but turning the page starts again from the first page.
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  }
  return { filters, sort, page, update, active: filterKeys.some((key) => filters[key]) };
}

/** Announces the feed in `<head>` while the list is shown, so feed readers and browsers discover it. */
function useFeedDiscovery(href: string, title: string) {
  useEffect(() => {
    const link = Object.assign(document.createElement('link'), {
      rel: 'alternate',
      type: 'application/atom+xml',
      href,
      title,
    });
    document.head.append(link);
    return () => link.remove();
  }, [href, title]);
}

/** The public list of open calls: filters, cards, pages, and the Atom feed. No sign-in. */
export function CallsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { filters, sort, page, update, active } = useCallFilters();
  const [words, setWords] = useState(filters.q);
  const [filtersOpen, setFiltersOpen] = useState(
    () => filterKeys.some((key) => key !== 'q' && filters[key]) || window.matchMedia('(min-width: 48em)').matches,
  );
  const { sectors, languages, labels } = useCallLabels();
  const countries = useReference('countries');
  const calls = useQuery({
    queryKey: ['public-calls', filters, sort, page, lang],
    queryFn: () => api<CallList>('GET', '/public/calls', undefined, { ...filters, sort, page, pageSize, lang }),
    placeholderData: keepPreviousData,
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    update({ q: words.trim() });
  };
  const feedHref = apiUrl('/public/calls.atom', { lang });
  useFeedDiscovery(feedHref, t('calls.list.feed'));
  const any = <option value="">{t('calls.list.any')}</option>;
  return (
    <Page title={t('calls.list.title')}>
      <Text>{t('calls.list.intro')}</Text>
      <Anchor href={feedHref} type="application/atom+xml" size="sm">
        {t('calls.list.feed')}
      </Anchor>
      <form onSubmit={search} role="search" aria-label={t('calls.list.filters')}>
        <Group gap="xs" align="flex-end" mb="sm">
          <TextInput
            label={t('calls.list.q')}
            value={words}
            onChange={(e) => setWords(e.currentTarget.value)}
            style={{ flex: '1 1 12rem' }}
          />
          <Button type="submit">{t('calls.list.search')}</Button>
          {active && (
            <Button
              variant="subtle"
              onClick={() => {
                setWords('');
                update(Object.fromEntries(filterKeys.map((key) => [key, ''])));
              }}
            >
              {t('calls.list.reset')}
            </Button>
          )}
        </Group>
        {/* Closed by default on a phone-sized first visit, so the calls come first; open once a filter is set. */}
        <details
          className="call-filter-panel"
          open={filtersOpen}
          onToggle={(e) => setFiltersOpen(e.currentTarget.open)}
        >
          <summary>{t('calls.list.filters')}</summary>
          <fieldset className="call-filters">
            <legend className="visually-hidden">{t('calls.list.filters')}</legend>
            <NativeSelect
              label={t('calls.list.sector')}
              value={filters.sector}
              onChange={(e) => update({ sector: e.currentTarget.value })}
            >
              {any}
              {sectors.top.map((category) => (
                <optgroup key={category.code} label={category.label}>
                  {(category.children ?? []).map((sector) => (
                    <option key={sector.code} value={sector.code}>
                      {sector.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </NativeSelect>
            <NativeSelect
              label={t('calls.list.modality')}
              value={filters.modality}
              onChange={(e) => update({ modality: e.currentTarget.value })}
            >
              {any}
              {modalities.map((modality) => (
                <option key={modality} value={modality}>
                  {t(`calls.modalities.${modality}`)}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect
              label={t('calls.list.country')}
              value={filters.country}
              onChange={(e) => update({ country: e.currentTarget.value })}
            >
              {any}
              {countries.items.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.label}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect
              label={t('calls.list.language')}
              value={filters.language}
              onChange={(e) => update({ language: e.currentTarget.value })}
            >
              {any}
              {languages.items.map((language) => (
                <option key={language.code} value={language.code}>
                  {language.label}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect
              label={t('calls.list.sort')}
              value={sort}
              onChange={(e) => update({ sort: e.currentTarget.value === 'newest' ? 'newest' : '' })}
            >
              <option value="deadline">{t('calls.list.sorts.deadline')}</option>
              <option value="newest">{t('calls.list.sorts.newest')}</option>
            </NativeSelect>
          </fieldset>
        </details>
      </form>
      <section aria-labelledby="call-results">
        <h2 id="call-results" className="visually-hidden">
          {t('calls.list.results')}
        </h2>
        <DataState
          isPending={calls.isPending}
          error={calls.error}
          isEmpty={!calls.data?.items.length}
          emptyText={active ? t('calls.list.empty') : t('calls.list.emptyAll')}
        >
          <Stack gap="md">
            <ul className="call-list" aria-busy={calls.isFetching}>
              {calls.data?.items.map((call) => (
                <li key={call.id}>
                  <CallCard call={call} labels={labels} />
                </li>
              ))}
            </ul>
            <Pager
              page={page}
              pageSize={pageSize}
              total={calls.data?.total ?? 0}
              onChange={(next) => update({ page: String(next) })}
            />
          </Stack>
        </DataState>
      </section>
    </Page>
  );
}
