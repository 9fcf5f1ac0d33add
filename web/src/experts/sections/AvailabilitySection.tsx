import { Checkbox, Fieldset, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rowKey } from '../profileForm.ts';
import type { SectionProps } from './formTypes.ts';
import { AddRowButton, RemoveRowButton } from './RowControls.tsx';
import { SectionCard } from './SectionCard.tsx';

/** Windows when the expert can work, each on site and/or online. */
export function AvailabilitySection({ form }: SectionProps) {
  const { t } = useTranslation();
  const what = t('profile.availability.one');
  return (
    <SectionCard
      id="section-availability"
      title={t('profile.availability.title')}
      intro={t('profile.availability.intro')}
    >
      {form.values.availability.map((row, index) => (
        <Fieldset
          key={row.key}
          legend={t('profile.availability.row', { number: index + 1 })}
          data-testid="availability-row"
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              type="date"
              label={t('profile.availability.startsOn')}
              name={`availability.${index}.startsOn`}
              required
              {...form.getInputProps(`availability.${index}.startsOn`)}
            />
            <TextInput
              type="date"
              label={t('profile.availability.endsOn')}
              name={`availability.${index}.endsOn`}
              required
              {...form.getInputProps(`availability.${index}.endsOn`)}
            />
            <Checkbox
              label={t('profile.availability.onSite')}
              name={`availability.${index}.onSite`}
              mb={8}
              {...form.getInputProps(`availability.${index}.onSite`, { type: 'checkbox' })}
            />
            <Checkbox
              label={t('profile.availability.online')}
              name={`availability.${index}.online`}
              mb={8}
              {...form.getInputProps(`availability.${index}.online`, { type: 'checkbox' })}
            />
            <RemoveRowButton what={what} index={index} onRemove={() => form.removeListItem('availability', index)} />
          </Group>
        </Fieldset>
      ))}
      <AddRowButton
        label={t('profile.availability.add')}
        empty={form.values.availability.length ? undefined : t('profile.availability.empty')}
        onAdd={() =>
          form.insertListItem('availability', { key: rowKey(), startsOn: '', endsOn: '', onSite: true, online: true })
        }
      />
    </SectionCard>
  );
}
