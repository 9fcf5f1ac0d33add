import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Me, Page as PageOf } from '../../api/types.ts';
import { optionsOf, useReference } from '../../experts/reference.ts';
import { ListTable } from '../../shell/ListTable.tsx';
import { Page } from '../../shell/Page.tsx';
import { Pager } from '../../shell/Pager.tsx';
import { formatDay } from '../../shell/format.ts';
import { formatMoney } from '../panels/format.ts';
import type { DsaRate } from '../panels/types.ts';
import { CurrencyRatesSection } from './CurrencyRatesSection.tsx';
import { DsaRateDialog } from './DsaRateDialog.tsx';

const pageSize = 25;
const blankFilters = { country: '', city: '', on: '' };

/**
 * The daily subsistence allowance table: a rate per night for a country (and city) over a period, which costs
 * of on-site missions are computed from. Staff read it; programme officers add and change rates.
 */
export function DsaRatesPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const countries = useReference('countries');
  const [draft, setDraft] = useState(blankFilters);
  const [filters, setFilters] = useState(blankFilters);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<DsaRate | 'new' | null>(null);
  const canManage = me.allowedActions.includes('dsa_rates.manage');
  const query = useQuery({
    queryKey: ['dsa-rates', filters, page],
    queryFn: () => api<PageOf<DsaRate>>('GET', '/dsa-rates', undefined, { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const place = (rate: DsaRate) => rate.city ?? t('missionReporting.rates.wholeCountry');
  return (
    <Page title={t('missionReporting.rates.title')}>
      <Text size="sm">{t('missionReporting.rates.intro')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setPage(1);
          setFilters(draft);
        }}
        aria-label={t('missionReporting.rates.filters')}
      >
        <Group align="flex-end" gap="sm">
          <Select
            label={t('missionReporting.rates.country')}
            data={optionsOf(countries.items, i18n.language)}
            searchable
            clearable
            value={draft.country || null}
            onChange={(value) => setDraft({ ...draft, country: value ?? '' })}
          />
          <TextInput
            label={t('missionReporting.rates.city')}
            value={draft.city}
            onChange={(event) => setDraft({ ...draft, city: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('missionReporting.rates.on')}
            value={draft.on}
            onChange={(event) => setDraft({ ...draft, on: event.currentTarget.value })}
          />
          <Button type="submit">{t('common.filter')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(blankFilters);
              setFilters(blankFilters);
              setPage(1);
            }}
          >
            {t('common.reset')}
          </Button>
        </Group>
      </form>
      {canManage && (
        <Button style={{ alignSelf: 'flex-start' }} onClick={() => setEditing('new')}>
          {t('missionReporting.rates.add')}
        </Button>
      )}
      <Stack gap="xs">
        <ListTable
          query={query}
          emptyText={t('missionReporting.rates.empty')}
          caption={t('missionReporting.rates.title')}
          testId="dsa-rates"
          minWidth={640}
          columns={[
            t('missionReporting.rates.country'),
            t('missionReporting.rates.city'),
            t('missionReporting.rates.perNight'),
            t('missionReporting.rates.validFrom'),
            t('missionReporting.rates.validTo'),
            ...(canManage ? [t('missionReporting.costs.actions')] : []),
          ]}
        >
          {query.data?.items.map((rate) => (
            <Table.Tr key={rate.id} data-testid="dsa-rate">
              <Table.Td>{countries.label(rate.country)}</Table.Td>
              <Table.Td>{place(rate)}</Table.Td>
              <Table.Td>{formatMoney(rate.amount, rate.currency, i18n.language)}</Table.Td>
              <Table.Td>{formatDay(rate.validFrom, i18n.language)}</Table.Td>
              <Table.Td>
                {rate.validTo ? formatDay(rate.validTo, i18n.language) : t('missionReporting.rates.openEnded')}
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing(rate)}
                    aria-label={t('missionReporting.rates.editRate', {
                      place: `${place(rate)}, ${countries.label(rate.country)}`,
                    })}
                  >
                    {t('missionReporting.costs.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </ListTable>
        {query.data && query.data.total > pageSize && (
          <Pager page={page} pageSize={pageSize} total={query.data.total} onChange={setPage} />
        )}
      </Stack>
      <CurrencyRatesSection canManage={me.allowedActions.includes('currency_rates.manage')} />
      {editing !== null && (
        <DsaRateDialog
          rate={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void client.invalidateQueries({ queryKey: ['dsa-rates'] });
          }}
        />
      )}
    </Page>
  );
}
