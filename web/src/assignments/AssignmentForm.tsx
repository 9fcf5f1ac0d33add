import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { groupedOptionsOf, occupationOptionsOf, optionsOf, useReference } from '../experts/reference.ts';
import type { FormValues } from './formValues.ts';
import { cefrLevels, modalities, nameIn, type FormOptions } from './types.ts';

interface Props {
  form: UseFormReturnType<FormValues>;
  options: FormOptions | undefined;
  /** A new ToR: the programme and the institution are chosen here. */
  creating: boolean;
  /** Once the call is open only the deadline may change. */
  deadlineOnly: boolean;
  saving: boolean;
  submitLabel: string;
}

/** Removes one row of a list field (a language, a criterion). */
function RemoveRow({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" size="lg" aria-label={label} onClick={onClick}>
      ×
    </ActionIcon>
  );
}

/** Adds a row to a list field. */
function AddRow({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Group>
      <Button variant="default" size="xs" onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}

/** The ToR form, in the order a host thinks of it: description, need, expertise, languages, place, dates, call. */
export function AssignmentForm({ form, options, creating, deadlineOnly, saving, submitLabel }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const sectors = useReference('sectors');
  const occupations = useReference('occupations');
  const languages = useReference('languages');
  const regions = useReference('regions');
  const values = form.values;
  const needs = (options?.needs ?? []).filter(
    (need) => need.institutionId === values.institutionId && need.programmeId === values.programmeId,
  );
  const locked = deadlineOnly;

  return (
    <Stack gap="lg">
      {creating && (
        <Fieldset legend={t('assignments.sections.programme')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('assignments.fields.programme')}
              required
              data={[
                { value: '', label: t('assignments.choose') },
                ...(options?.programmes ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
              {...form.getInputProps('programmeId')}
            />
            <NativeSelect
              label={t('assignments.fields.institution')}
              required
              data={[
                { value: '', label: t('assignments.choose') },
                ...(options?.institutions ?? []).map((i) => ({ value: i.id, label: nameIn(i, locale) })),
              ]}
              {...form.getInputProps('institutionId')}
            />
          </SimpleGrid>
        </Fieldset>
      )}

      <Fieldset legend={t('assignments.sections.description')} disabled={locked}>
        <Stack gap="sm">
          <TextInput
            label={t('assignments.fields.titleFr')}
            required
            maxLength={200}
            {...form.getInputProps('titleFr')}
          />
          <TextInput
            label={t('assignments.fields.titleAr')}
            dir="rtl"
            maxLength={200}
            {...form.getInputProps('titleAr')}
          />
          <TextInput
            label={t('assignments.fields.titleEn')}
            dir="ltr"
            maxLength={200}
            {...form.getInputProps('titleEn')}
          />
          <Textarea
            label={t('assignments.fields.descriptionFr')}
            required
            autosize
            minRows={4}
            {...form.getInputProps('descriptionFr')}
          />
          <Textarea
            label={t('assignments.fields.descriptionAr')}
            dir="rtl"
            autosize
            minRows={2}
            {...form.getInputProps('descriptionAr')}
          />
          <Textarea
            label={t('assignments.fields.descriptionEn')}
            dir="ltr"
            autosize
            minRows={2}
            {...form.getInputProps('descriptionEn')}
          />
          <Textarea
            label={t('assignments.fields.objectives')}
            description={t('assignments.onePerLine')}
            autosize
            minRows={2}
            {...form.getInputProps('objectives')}
          />
          <Textarea
            label={t('assignments.fields.deliverables')}
            description={t('assignments.onePerLine')}
            autosize
            minRows={2}
            {...form.getInputProps('deliverables')}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('assignments.sections.need')} disabled={locked}>
        <Stack gap="sm">
          <NativeSelect
            label={t('assignments.fields.need')}
            description={needs.length ? undefined : t('assignments.noNeeds')}
            data={[
              { value: '', label: t('assignments.noNeed') },
              ...needs.map((n) => ({ value: n.id, label: n.title })),
            ]}
            {...form.getInputProps('needId')}
          />
          <Textarea
            label={t('assignments.fields.needStatement')}
            autosize
            minRows={2}
            {...form.getInputProps('needStatement')}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('assignments.sections.expertise')} disabled={locked}>
        <Stack gap="sm">
          <Textarea
            label={t('assignments.fields.skills')}
            description={t('assignments.skillsHelp')}
            autosize
            minRows={2}
            {...form.getInputProps('skills')}
          />
          <MultiSelect
            label={t('assignments.fields.sectors')}
            searchable
            maxValues={10}
            data={groupedOptionsOf(sectors.items, locale)}
            {...form.getInputProps('sectors')}
          />
          <Select
            label={t('assignments.fields.occupation')}
            searchable
            clearable
            data={occupationOptionsOf(occupations.items)}
            value={values.occupation || null}
            onChange={(value) => form.setFieldValue('occupation', value ?? '')}
            error={form.errors.occupation}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('assignments.sections.languages')} disabled={locked}>
        <Stack gap="xs">
          {values.languages.map((entry, index) => (
            <Group key={index} align="flex-end" gap="sm">
              <NativeSelect
                label={t('assignments.fields.language')}
                data={[
                  { value: '', label: t('assignments.choose') },
                  ...optionsOf(languages.items, locale, { sort: false }),
                ]}
                {...form.getInputProps(`languages.${index}.language`)}
              />
              <NativeSelect
                label={t('assignments.fields.minLevel')}
                data={cefrLevels.map((level) => ({ value: level, label: level }))}
                {...form.getInputProps(`languages.${index}.minLevel`)}
              />
              <RemoveRow
                label={t('assignments.removeLanguage')}
                onClick={() => form.removeListItem('languages', index)}
              />
            </Group>
          ))}
          <AddRow
            label={t('assignments.addLanguage')}
            onClick={() => form.insertListItem('languages', { language: '', minLevel: 'B2' })}
          />
          {form.errors.languages && <div role="alert">{form.errors.languages}</div>}
        </Stack>
      </Fieldset>

      <Fieldset legend={t('assignments.sections.place')} disabled={locked}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('assignments.fields.modality')}
            data={modalities.map((code) => ({ value: code, label: t(`assignments.modalities.${code}`) }))}
            {...form.getInputProps('modality')}
          />
          {values.modality !== 'online' && (
            <>
              <NativeSelect
                label={t('assignments.fields.region')}
                required
                data={[{ value: '', label: t('assignments.choose') }, ...optionsOf(regions.top, locale)]}
                {...form.getInputProps('region')}
              />
              <TextInput label={t('assignments.fields.city')} required {...form.getInputProps('city')} />
            </>
          )}
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('assignments.sections.dates')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('assignments.fields.windowStartsOn')}
            required
            disabled={locked}
            {...form.getInputProps('windowStartsOn')}
          />
          <TextInput
            type="date"
            label={t('assignments.fields.windowEndsOn')}
            required
            disabled={locked}
            {...form.getInputProps('windowEndsOn')}
          />
          <NumberInput
            label={t('assignments.fields.workingDays')}
            required
            min={1}
            max={366}
            disabled={locked}
            {...form.getInputProps('workingDays')}
          />
          <TextInput
            type="date"
            label={t('assignments.fields.applicationDeadline')}
            description={t('assignments.deadlineHelp')}
            required
            {...form.getInputProps('applicationDeadline')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('assignments.sections.call')} disabled={locked}>
        <Stack gap="sm">
          <NumberInput
            label={t('assignments.fields.expertsNeeded')}
            min={1}
            max={20}
            {...form.getInputProps('expertsNeeded')}
          />
          <Textarea
            label={t('assignments.fields.sdgTargets')}
            description={t('assignments.sdgHelp')}
            autosize
            minRows={1}
            {...form.getInputProps('sdgTargets')}
          />
          {values.scoringCriteria.map((criterion, index) => (
            <Group key={index} align="flex-end" gap="sm">
              <TextInput
                label={t('assignments.fields.criterion')}
                {...form.getInputProps(`scoringCriteria.${index}.label`)}
              />
              <NumberInput
                label={t('assignments.fields.weight')}
                min={1}
                max={100}
                w={110}
                {...form.getInputProps(`scoringCriteria.${index}.weight`)}
              />
              <RemoveRow
                label={t('assignments.removeCriterion')}
                onClick={() => form.removeListItem('scoringCriteria', index)}
              />
            </Group>
          ))}
          <AddRow
            label={t('assignments.addCriterion')}
            onClick={() => form.insertListItem('scoringCriteria', { id: '', label: '', weight: 20 })}
          />
        </Stack>
      </Fieldset>

      <Group>
        <Button type="submit" loading={saving}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
