import { Fieldset, Group, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rowKey } from '../profileForm.ts';
import { optionsOf, useReference } from '../reference.ts';
import type { SectionProps } from './formTypes.ts';
import { AddRowButton, RemoveRowButton } from './RowControls.tsx';
import { SectionCard } from './SectionCard.tsx';

/** Positions held, one entry each, with dates (an empty end date means "current"). */
export function ExperienceSection({ form }: SectionProps) {
  const { t, i18n } = useTranslation();
  const countries = optionsOf(useReference('countries').items, i18n.language);
  const what = t('profile.experience.one');
  return (
    <SectionCard id="section-experience" title={t('profile.experience.title')}>
      {form.values.experience.map((row, index) => (
        <Fieldset key={row.key} legend={t('profile.experience.row', { number: index + 1 })}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('profile.experience.jobTitle')}
              required
              {...form.getInputProps(`experience.${index}.title`)}
            />
            <TextInput
              label={t('profile.experience.employer')}
              required
              {...form.getInputProps(`experience.${index}.employer`)}
            />
            <TextInput
              type="date"
              label={t('profile.experience.startsOn')}
              required
              {...form.getInputProps(`experience.${index}.startsOn`)}
            />
            <TextInput
              type="date"
              label={t('profile.experience.endsOn')}
              description={t('profile.experience.endsOnHelp')}
              {...form.getInputProps(`experience.${index}.endsOn`)}
            />
            <Select
              label={t('profile.experience.country')}
              data={countries}
              searchable
              clearable
              nothingFoundMessage={t('profile.nothingFound')}
              {...form.getInputProps(`experience.${index}.country`)}
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label={t('profile.experience.description')}
            autosize
            minRows={2}
            {...form.getInputProps(`experience.${index}.description`)}
          />
          <Group justify="flex-end" mt="xs">
            <RemoveRowButton what={what} index={index} onRemove={() => form.removeListItem('experience', index)} />
          </Group>
        </Fieldset>
      ))}
      <AddRowButton
        label={t('profile.experience.add')}
        empty={form.values.experience.length ? undefined : t('profile.experience.empty')}
        onAdd={() =>
          form.insertListItem('experience', {
            key: rowKey(),
            title: '',
            employer: '',
            country: null,
            startsOn: '',
            endsOn: '',
            description: '',
          })
        }
      />
    </SectionCard>
  );
}
