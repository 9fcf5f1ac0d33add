import { Alert, Button, Group, Modal, NumberInput, Radio, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorText, fieldErrorsOf } from '../../api/errors.tsx';
import { useReference } from '../../experts/reference.ts';
import { formatDay } from '../../shell/format.ts';
import { addCost, updateCost } from './api.ts';
import { formatMoney, isolate } from './format.ts';
import { costCategories, type CostCategory, type CostKind, type CostLine, type MissionCosts } from './types.ts';

interface Props {
  missionId: string;
  costs: MissionCosts;
  /** The line to change; null adds one. */
  line: CostLine | null;
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  category: CostCategory;
  kind: CostKind;
  /** A DSA line computed from the rate table (rate × nights) rather than an amount typed in. */
  computed: boolean;
  nights: number | string;
  amount: string;
  currency: string;
  description: string;
}

/** "Casablanca, Maroc" or "Maroc": the place a DSA rate is looked up for. */
export function placeName(country: string, city: string | null, countryLabel: (code: string) => string): string {
  const name = countryLabel(country);
  return isolate(city ? `${city}, ${name}` : name);
}

/**
 * The sentence for a refused cost line. The two rate errors say what is missing (the place and dates, the pair of
 * currencies) so staff know which table to complete; the rest are the shared error texts.
 */
function costErrorText(
  t: TFunction,
  locale: string,
  error: unknown,
  costs: MissionCosts,
  currency: string,
  place: string,
): string {
  if (error instanceof ApiError && error.code === 'dsa_rate_missing') {
    return t('missionReporting.costs.errors.dsaRateMissing', { place, on: formatDay(costs.dsa.on, locale) });
  }
  if (error instanceof ApiError && error.code === 'currency_rate_missing') {
    return t('missionReporting.costs.errors.currencyRateMissing', { currency, reporting: costs.reportingCurrency });
  }
  return errorText(t, error);
}

/** Adds a planned or actual cost line, or changes one (staff); a DSA line can be computed from the rate table. */
export function CostLineDialog({ missionId, costs, line, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const countries = useReference('countries');
  const dsa = costs.dsa;
  const form = useForm<Values>({
    initialValues: {
      category: line?.category ?? 'travel',
      kind: line?.kind ?? 'planned',
      computed: line ? line.dsaRateId !== null : true,
      nights: line?.nights ?? dsa.nights ?? '',
      amount: line?.amount ?? '',
      currency: line?.currency ?? costs.reportingCurrency,
      description: line?.description ?? '',
    },
  });
  const values = form.getValues();
  const computed = values.category === 'dsa' && values.computed;
  const save = useMutation({
    mutationFn: (v: Values) => {
      const nights = v.nights === '' ? undefined : Number(v.nights);
      const description = v.description.trim() || null;
      const isComputed = v.category === 'dsa' && v.computed;
      const money = isComputed ? {} : { amount: v.amount.trim(), currency: v.currency.trim().toUpperCase() };
      if (line) {
        return updateCost(missionId, line.id, {
          kind: v.kind,
          description,
          ...(line.category === 'dsa' && nights !== undefined ? { nights } : {}),
          ...money,
        });
      }
      return addCost(missionId, {
        category: v.category,
        kind: v.kind,
        description,
        ...(v.category === 'dsa' && nights !== undefined ? { nights } : {}),
        ...money,
      });
    },
    onSuccess: onSaved,
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  const place = placeName(dsa.country, dsa.city, countries.label);
  const nightsNow = values.nights === '' ? null : Number(values.nights);
  const preview =
    dsa.rate && nightsNow && Number.isInteger(nightsNow) && nightsNow > 0
      ? t('missionReporting.costs.dsaPreview', {
          nights: nightsNow,
          rate: formatMoney(dsa.rate.amount, dsa.rate.currency, i18n.language),
          total: formatMoney(String(Number(dsa.rate.amount) * nightsNow), dsa.rate.currency, i18n.language),
        })
      : null;
  const categoryOptions = costCategories
    .filter((category) => category !== 'dsa' || dsa.applicable)
    .map((category) => ({ value: category, label: t(`missionReporting.costs.categories.${category}`) }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(line ? 'missionReporting.costs.editTitle' : 'missionReporting.costs.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm">
          <Select
            label={t('missionReporting.costs.category')}
            data={categoryOptions}
            allowDeselect={false}
            disabled={line !== null}
            required
            {...form.getInputProps('category')}
          />
          <Radio.Group label={t('missionReporting.costs.kind')} required {...form.getInputProps('kind')}>
            <Group gap="md" mt={4}>
              <Radio value="planned" label={t('missionReporting.costs.kinds.planned')} />
              <Radio value="actual" label={t('missionReporting.costs.kinds.actual')} />
            </Group>
          </Radio.Group>
          {values.category === 'dsa' && (
            <Switch
              label={t('missionReporting.costs.computed')}
              description={t('missionReporting.costs.computedHelp', { place })}
              {...form.getInputProps('computed', { type: 'checkbox' })}
            />
          )}
          {values.category === 'dsa' && (
            <NumberInput
              label={t('missionReporting.costs.nights')}
              min={1}
              max={366}
              allowDecimal={false}
              {...form.getInputProps('nights')}
            />
          )}
          {computed && dsa.rate && preview && (
            <Text size="sm" role="status" data-testid="dsa-preview">
              {preview}
            </Text>
          )}
          {computed && dsa.problem === 'dsa_rate_missing' && (
            <Alert color="orange" data-testid="dsa-missing">
              {t('missionReporting.costs.errors.dsaRateMissing', {
                place,
                on: formatDay(dsa.on, i18n.language),
              })}
            </Alert>
          )}
          {!computed && (
            <Group grow align="flex-start">
              <TextInput
                label={t('missionReporting.costs.amount')}
                description={t('missionReporting.costs.amountHelp')}
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
          )}
          <TextInput
            label={t('missionReporting.costs.description')}
            maxLength={500}
            {...form.getInputProps('description')}
          />
          {save.error !== null && (
            <Alert
              color="red"
              role="alert"
              title={t('common.errorTitle')}
              data-error-code={save.error instanceof ApiError ? save.error.code : undefined}
            >
              {costErrorText(t, i18n.language, save.error, costs, values.currency.toUpperCase(), place)}
            </Alert>
          )}
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
