import { Fieldset, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rowKey } from '../profileForm.ts';
import { optionsOf, useReference } from '../reference.ts';
import type { SectionProps } from './formTypes.ts';
import { AddRowButton, RemoveRowButton } from './RowControls.tsx';
import { SectionCard } from './SectionCard.tsx';

/** Degrees, one entry each: degree, field, institution, country and year. */
export function EducationSection({ form }: SectionProps) {
  const { t, i18n } = useTranslation();
  const countries = optionsOf(useReference('countries').items, i18n.language);
  const what = t('profile.education.one');
  return (
    <SectionCard id="section-education" title={t('profile.education.title')}>
      {form.values.education.map((row, index) => (
        <Fieldset key={row.key} legend={t('profile.education.row', { number: index + 1 })}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('profile.education.degree')}
              required
              {...form.getInputProps(`education.${index}.degree`)}
            />
            <TextInput label={t('profile.education.field')} {...form.getInputProps(`education.${index}.field`)} />
            <TextInput
              label={t('profile.education.institution')}
              required
              {...form.getInputProps(`education.${index}.institution`)}
            />
            <Select
              label={t('profile.education.country')}
              data={countries}
              searchable
              clearable
              nothingFoundMessage={t('profile.nothingFound')}
              {...form.getInputProps(`education.${index}.country`)}
            />
            <TextInput
              label={t('profile.education.year')}
              inputMode="numeric"
              dir="ltr"
              {...form.getInputProps(`education.${index}.yearCompleted`)}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <RemoveRowButton what={what} index={index} onRemove={() => form.removeListItem('education', index)} />
          </Group>
        </Fieldset>
      ))}
      <AddRowButton
        label={t('profile.education.add')}
        empty={form.values.education.length ? undefined : t('profile.education.empty')}
        onAdd={() =>
          form.insertListItem('education', {
            key: rowKey(),
            degree: '',
            field: '',
            institution: '',
            country: null,
            yearCompleted: '',
          })
        }
      />
    </SectionCard>
  );
}
