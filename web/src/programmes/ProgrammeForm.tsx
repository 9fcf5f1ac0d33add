import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';
import { groupedOptionsOf, optionsOf, useReference } from '../experts/reference.ts';
import { programmeKeys, programmeStatuses, type ProgrammeInput, type ProgrammeView } from './types.ts';

const blank: ProgrammeInput = {
  code: '',
  name: '',
  donor: '',
  countries: [],
  startsOn: '',
  endsOn: null,
  status: 'planned',
  prioritySectors: [],
  eligibleResidenceCountries: [],
  description: null,
  matchingWeights: {},
};

/** The matching score's components (src/matching/ranking): a blank weight keeps the engine's default. */
const weightComponents = [
  'skills',
  'sectors',
  'occupation',
  'languages',
  'availability',
  'experience',
  'evaluations',
  'freshness',
] as const;

/** The editable fields of a programme, without its id and the reader's actions (the server refuses extras). */
function pickInput(programme: ProgrammeView): ProgrammeInput {
  const { code, name, donor, countries, startsOn, endsOn, status, prioritySectors } = programme;
  return {
    code,
    name,
    donor,
    countries,
    startsOn,
    endsOn,
    status,
    prioritySectors,
    eligibleResidenceCountries: programme.eligibleResidenceCountries,
    description: programme.description,
    matchingWeights: programme.matchingWeights,
  };
}

/** Creates a programme, or edits `programme`; the server checks codes, the period and uniqueness. */
export function ProgrammeForm({ programme, onDone }: { programme?: ProgrammeView; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const countries = optionsOf(useReference('countries').items, i18n.language);
  const sectors = groupedOptionsOf(useReference('sectors').items, i18n.language);
  const form = useForm<ProgrammeInput & { endsOn: string; description: string }>({
    initialValues: {
      ...blank,
      ...(programme ? pickInput(programme) : {}),
      endsOn: programme?.endsOn ?? '',
      description: programme?.description ?? '',
    },
    validate: {
      code: (value) => (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value.trim()) ? null : t('programmes.form.codeHelp')),
      name: (value) => (value.trim() ? null : t('validation.required')),
      donor: (value) => (value.trim() ? null : t('validation.required')),
      countries: (value) => (value.length ? null : t('validation.required')),
      startsOn: (value) => (value ? null : t('validation.required')),
      endsOn: (value, values) =>
        value && values.startsOn && value < values.startsOn ? t('programmes.form.endsBeforeStart') : null,
    },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) => {
      const body: ProgrammeInput = {
        ...pickInput({ ...values, id: '', updatedAt: '', allowedActions: [] }),
        code: values.code.trim(),
        name: values.name.trim(),
        donor: values.donor.trim(),
        endsOn: values.endsOn || null,
        description: values.description.trim() || null,
      };
      return programme
        ? api<ProgrammeView>('PATCH', `/programmes/${encodeURIComponent(programme.id)}`, body)
        : api<ProgrammeView>('POST', '/programmes', body);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: programmeKeys.all });
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('programmes.fields.code')}
            description={t('programmes.form.codeHelp')}
            name="code"
            required
            {...form.getInputProps('code')}
          />
          <NativeSelect label={t('programmes.fields.status')} name="status" {...form.getInputProps('status')}>
            {programmeStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`programmes.statuses.${status}`)}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>
        <TextInput label={t('programmes.fields.name')} name="name" required {...form.getInputProps('name')} />
        <TextInput label={t('programmes.fields.donor')} name="donor" required {...form.getInputProps('donor')} />
        <MultiSelect
          label={t('programmes.fields.countries')}
          name="countries"
          data={countries}
          searchable
          required
          {...form.getInputProps('countries')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('programmes.fields.startsOn')}
            name="startsOn"
            type="date"
            required
            {...form.getInputProps('startsOn')}
          />
          <TextInput
            label={t('programmes.fields.endsOn')}
            name="endsOn"
            type="date"
            {...form.getInputProps('endsOn')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('programmes.fields.prioritySectors')}
          name="prioritySectors"
          data={sectors}
          searchable
          {...form.getInputProps('prioritySectors')}
        />
        <MultiSelect
          label={t('programmes.fields.eligibleResidenceCountries')}
          description={t('programmes.form.eligibleHelp')}
          name="eligibleResidenceCountries"
          data={countries}
          searchable
          {...form.getInputProps('eligibleResidenceCountries')}
        />
        <Textarea
          label={t('programmes.fields.description')}
          name="description"
          autosize
          minRows={3}
          {...form.getInputProps('description')}
        />
        <Fieldset legend={t('programmes.fields.matchingWeights')}>
          <Text size="sm" mb="xs">
            {t('programmes.form.weightsHelp')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {weightComponents.map((name) => (
              <NumberInput
                key={name}
                label={t(`matching.components.${name}`)}
                name={`matchingWeights.${name}`}
                min={0}
                max={1}
                step={0.05}
                decimalScale={2}
                placeholder={t('programmes.form.weightDefault')}
                value={form.values.matchingWeights[name] ?? ''}
                onChange={(value) => {
                  const { [name]: _previous, ...others } = form.values.matchingWeights;
                  form.setFieldValue(
                    'matchingWeights',
                    typeof value === 'number' ? { ...others, [name]: value } : others,
                  );
                }}
              />
            ))}
          </SimpleGrid>
          {form.errors.matchingWeights && (
            <Text size="sm" c="red.8" role="alert">
              {form.errors.matchingWeights}
            </Text>
          )}
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
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
