import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../../api/errors.tsx';
import { optionsOf, useReference } from '../../experts/reference.ts';
import type { DsaRate } from '../panels/types.ts';

interface Values {
  country: string | null;
  city: string;
  amount: string;
  currency: string;
  validFrom: string;
  validTo: string;
}

/** Adds a DSA rate, or changes one; the server refuses a period that overlaps another rate of the same place. */
export function DsaRateDialog({
  rate,
  onClose,
  onSaved,
}: {
  rate: DsaRate | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const countries = useReference('countries');
  const form = useForm<Values>({
    initialValues: {
      country: rate?.country ?? 'MA',
      city: rate?.city ?? '',
      amount: rate?.amount ?? '',
      currency: rate?.currency ?? 'MAD',
      validFrom: rate?.validFrom ?? '',
      validTo: rate?.validTo ?? '',
    },
    validate: {
      country: (value) => (value ? null : t('validation.required')),
      amount: (value) =>
        /^\d{1,10}(\.\d{1,2})?$/.test(value.trim()) ? null : t('missionReporting.rates.amountFormat'),
      currency: (value) => (/^[A-Za-z]{3}$/.test(value.trim()) ? null : t('missionReporting.rates.currencyFormat')),
      validFrom: (value) => (value ? null : t('validation.required')),
      validTo: (value, values) =>
        value && values.validFrom && value < values.validFrom ? t('fieldErrors.date_order') : null,
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        country: values.country,
        city: values.city.trim() || null,
        amount: values.amount.trim(),
        currency: values.currency.trim().toUpperCase(),
        validFrom: values.validFrom,
        validTo: values.validTo || null,
      };
      return rate
        ? api<DsaRate>('PUT', `/dsa-rates/${encodeURIComponent(rate.id)}`, body)
        : api<DsaRate>('POST', '/dsa-rates', body);
    },
    onSuccess: onSaved,
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(rate ? 'missionReporting.rates.editTitle' : 'missionReporting.rates.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="sm">
          <Select
            label={t('missionReporting.rates.country')}
            data={optionsOf(countries.items, i18n.language)}
            searchable
            required
            {...form.getInputProps('country')}
          />
          <TextInput
            label={t('missionReporting.rates.city')}
            description={t('missionReporting.rates.cityHelp')}
            maxLength={120}
            {...form.getInputProps('city')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('missionReporting.rates.amount')}
              inputMode="decimal"
              dir="ltr"
              required
              {...form.getInputProps('amount')}
            />
            <TextInput
              label={t('missionReporting.costs.currency')}
              description={t('missionReporting.costs.currencyHelp')}
              maxLength={3}
              dir="ltr"
              required
              {...form.getInputProps('currency')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('missionReporting.rates.validFrom')}
              required
              {...form.getInputProps('validFrom')}
            />
            <TextInput
              type="date"
              label={t('missionReporting.rates.validTo')}
              description={t('missionReporting.rates.validToHelp')}
              {...form.getInputProps('validTo')}
            />
          </Group>
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
