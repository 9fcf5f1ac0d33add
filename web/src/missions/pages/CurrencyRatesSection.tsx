import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../../api/errors.tsx';
import type { Page as PageOf } from '../../api/types.ts';
import { ListTable } from '../../shell/ListTable.tsx';
import { Pager } from '../../shell/Pager.tsx';
import { formatDay } from '../../shell/format.ts';

interface CurrencyRate {
  id: string;
  currency: string;
  reportingCurrency: string;
  rate: string;
  validFrom: string;
  createdAt: string;
}

const pageSize = 10;
const code = /^[A-Za-z]{3}$/;

interface Values {
  currency: string;
  reportingCurrency: string;
  rate: string;
  validFrom: string;
}

function AddCurrencyRate({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { currency: '', reportingCurrency: 'EUR', rate: '', validFrom: '' },
    validate: {
      currency: (value) => (code.test(value.trim()) ? null : t('missionReporting.rates.currencyFormat')),
      reportingCurrency: (value) => (code.test(value.trim()) ? null : t('missionReporting.rates.currencyFormat')),
      rate: (value) => (/^\d{1,10}(\.\d{1,8})?$/.test(value.trim()) ? null : t('missionReporting.rates.rateFormat')),
      validFrom: (value) => (value ? null : t('validation.required')),
    },
  });
  const add = useMutation({
    mutationFn: (values: Values) =>
      api<CurrencyRate>('POST', '/currency-rates', {
        currency: values.currency.trim().toUpperCase(),
        reportingCurrency: values.reportingCurrency.trim().toUpperCase(),
        rate: values.rate.trim(),
        validFrom: values.validFrom,
      }),
    onSuccess: () => {
      form.reset();
      onAdded();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => add.mutate(values))} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" grow>
          <TextInput
            label={t('missionReporting.rates.fromCurrency')}
            maxLength={3}
            dir="ltr"
            required
            {...form.getInputProps('currency')}
          />
          <TextInput
            label={t('missionReporting.rates.reportingCurrency')}
            maxLength={3}
            dir="ltr"
            required
            {...form.getInputProps('reportingCurrency')}
          />
          <TextInput
            label={t('missionReporting.rates.rate')}
            description={t('missionReporting.rates.rateHelp')}
            inputMode="decimal"
            dir="ltr"
            required
            {...form.getInputProps('rate')}
          />
          <TextInput
            type="date"
            label={t('missionReporting.rates.validFrom')}
            required
            {...form.getInputProps('validFrom')}
          />
        </Group>
        <ErrorAlert error={add.error} />
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('missionReporting.rates.addCurrencyRate')}
        </Button>
      </Stack>
    </form>
  );
}

/** The stored exchange rates into reporting currencies, which price every cost line; officers add new ones. */
export function CurrencyRatesSection({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['currency-rates', page],
    queryFn: () => api<PageOf<CurrencyRate>>('GET', '/currency-rates', undefined, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('missionReporting.rates.currencyTitle')}
        </Title>
        <Text size="sm">{t('missionReporting.rates.currencyIntro')}</Text>
        <ListTable
          query={query}
          emptyText={t('missionReporting.rates.currencyEmpty')}
          caption={t('missionReporting.rates.currencyTitle')}
          testId="currency-rates"
          minWidth={480}
          columns={[
            t('missionReporting.rates.pair'),
            t('missionReporting.rates.rate'),
            t('missionReporting.rates.validFrom'),
          ]}
        >
          {query.data?.items.map((rate) => (
            <Table.Tr key={rate.id}>
              <Table.Td>
                <span dir="ltr">{`${rate.currency} → ${rate.reportingCurrency}`}</span>
              </Table.Td>
              <Table.Td>
                <span dir="ltr">{rate.rate}</span>
              </Table.Td>
              <Table.Td>{formatDay(rate.validFrom, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        {query.data && query.data.total > pageSize && (
          <Pager page={page} pageSize={pageSize} total={query.data.total} onChange={setPage} />
        )}
        {canManage && (
          <AddCurrencyRate onAdded={() => void client.invalidateQueries({ queryKey: ['currency-rates'] })} />
        )}
      </Stack>
    </Card>
  );
}
