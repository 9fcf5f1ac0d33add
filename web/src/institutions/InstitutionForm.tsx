import { Button, Group, MultiSelect, NativeSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';
import { groupedOptionsOf, optionsOf, useReference } from '../experts/reference.ts';
import {
  institutionKeys,
  institutionKinds,
  institutionTypes,
  type InstitutionInput,
  type InstitutionView,
} from './types.ts';

type FormValues = Omit<InstitutionInput, 'nameAr' | 'nameEn' | 'region' | 'province' | 'city' | 'website'> & {
  nameAr: string;
  nameEn: string;
  region: string;
  province: string;
  city: string;
  website: string;
};

function initialValues(institution?: InstitutionView): FormValues {
  return {
    kind: institution?.kind ?? 'host',
    type: institution?.type ?? 'ministry',
    nameFr: institution?.nameFr ?? '',
    nameAr: institution?.nameAr ?? '',
    nameEn: institution?.nameEn ?? '',
    country: institution?.country ?? 'MA',
    region: institution?.region ?? '',
    province: institution?.province ?? '',
    city: institution?.city ?? '',
    sectors: institution?.sectors ?? [],
    website: institution?.website ?? '',
  };
}

const orNull = (text: string) => text.trim() || null;

/** Creates an institution or edits `institution`; Moroccan hosts pick a region, then a province within it. */
export function InstitutionForm({
  institution,
  onDone,
}: {
  institution?: InstitutionView;
  onDone: (saved?: InstitutionView) => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const countries = optionsOf(useReference('countries').items, i18n.language);
  const regions = useReference('regions');
  const sectors = groupedOptionsOf(useReference('sectors').items, i18n.language);
  const form = useForm<FormValues>({
    initialValues: initialValues(institution),
    validate: {
      nameFr: (value) => (value.trim() ? null : t('validation.required')),
      region: (value, values) =>
        !value && values.kind === 'host' && values.country === 'MA' ? t('institutions.form.regionRequired') : null,
      website: (value) =>
        !value.trim() || /^https?:\/\/\S+\.\S+/i.test(value.trim()) ? null : t('institutions.form.websiteHelp'),
    },
  });
  const inMorocco = form.values.country === 'MA';
  const regionOptions = optionsOf(regions.top, i18n.language);
  const provinceOptions = optionsOf(
    regions.items.filter((item) => item.parent === form.values.region && item.parent),
    i18n.language,
  );
  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const body: InstitutionInput = {
        kind: values.kind,
        type: values.type,
        nameFr: values.nameFr.trim(),
        nameAr: orNull(values.nameAr),
        nameEn: orNull(values.nameEn),
        country: values.country,
        region: values.country === 'MA' ? orNull(values.region) : null,
        province: values.country === 'MA' ? orNull(values.province) : null,
        city: orNull(values.city),
        sectors: values.sectors,
        website: orNull(values.website),
      };
      return institution
        ? api<InstitutionView>('PATCH', `/institutions/${encodeURIComponent(institution.id)}`, body)
        : api<InstitutionView>('POST', '/institutions', body);
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: institutionKeys.all });
      onDone(saved);
    },
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('institutions.fields.kind')} name="kind" {...form.getInputProps('kind')}>
            {institutionKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`institutions.kinds.${kind}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('institutions.fields.type')} name="type" {...form.getInputProps('type')}>
            {institutionTypes.map((type) => (
              <option key={type} value={type}>
                {t(`institutions.types.${type}`)}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>
        <TextInput
          label={t('institutions.fields.nameFr')}
          name="nameFr"
          required
          lang="fr"
          {...form.getInputProps('nameFr')}
        />
        <TextInput
          label={t('institutions.fields.nameAr')}
          name="nameAr"
          lang="ar"
          dir="rtl"
          {...form.getInputProps('nameAr')}
        />
        <TextInput label={t('institutions.fields.nameEn')} name="nameEn" lang="en" {...form.getInputProps('nameEn')} />
        <Select
          label={t('institutions.fields.country')}
          name="country"
          data={countries}
          searchable
          required
          allowDeselect={false}
          {...form.getInputProps('country')}
          onChange={(value) => form.setFieldValue('country', value ?? '')}
        />
        {inMorocco && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('institutions.fields.region')}
              name="region"
              data={regionOptions}
              searchable
              clearable
              required={form.values.kind === 'host'}
              {...form.getInputProps('region')}
              onChange={(value) => {
                form.setFieldValue('region', value ?? '');
                form.setFieldValue('province', '');
              }}
            />
            <Select
              label={t('institutions.fields.province')}
              name="province"
              data={provinceOptions}
              searchable
              clearable
              disabled={!form.values.region}
              {...form.getInputProps('province')}
              onChange={(value) => form.setFieldValue('province', value ?? '')}
            />
          </SimpleGrid>
        )}
        <TextInput label={t('institutions.fields.city')} name="city" {...form.getInputProps('city')} />
        <MultiSelect
          label={t('institutions.fields.sectors')}
          name="sectors"
          data={sectors}
          searchable
          maxValues={30}
          {...form.getInputProps('sectors')}
        />
        <TextInput
          label={t('institutions.fields.website')}
          description={t('institutions.form.websiteHelp')}
          name="website"
          type="url"
          dir="ltr"
          {...form.getInputProps('website')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
