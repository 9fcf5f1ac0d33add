import { Fieldset, Group, NativeSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rowKey } from '../profileForm.ts';
import { optionsOf, useReference } from '../reference.ts';
import { cefrLevels } from '../types.ts';
import type { SectionProps } from './formTypes.ts';
import { AddRowButton, RemoveRowButton } from './RowControls.tsx';
import { SectionCard } from './SectionCard.tsx';

/** Languages with a self-assessed CEFR level, one row each. */
export function LanguagesSection({ form }: SectionProps) {
  const { t, i18n } = useTranslation();
  const languages = optionsOf(useReference('languages').items, i18n.language, { sort: false });
  const what = t('profile.languages.one');
  return (
    <SectionCard id="section-languages" title={t('profile.languages.title')} intro={t('profile.languages.intro')}>
      {form.values.languages.map((row, index) => (
        <Fieldset
          key={row.key}
          legend={t('profile.languages.row', { number: index + 1 })}
          variant="unstyled"
          data-testid="language-row"
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('profile.languages.language')}
              name={`languages.${index}.language`}
              data={languages}
              searchable
              nothingFoundMessage={t('profile.nothingFound')}
              style={{ flex: '1 1 14rem' }}
              {...form.getInputProps(`languages.${index}.language`)}
            />
            <NativeSelect
              label={t('profile.languages.level')}
              name={`languages.${index}.level`}
              style={{ flex: '0 1 12rem' }}
              {...form.getInputProps(`languages.${index}.level`)}
              value={row.level ?? ''}
            >
              <option value="">{t('profile.languages.chooseLevel')}</option>
              {cefrLevels.map((level) => (
                <option key={level} value={level}>
                  {t(`profile.levels.${level}`)}
                </option>
              ))}
            </NativeSelect>
            <RemoveRowButton what={what} index={index} onRemove={() => form.removeListItem('languages', index)} />
          </Group>
        </Fieldset>
      ))}
      <AddRowButton
        label={t('profile.languages.add')}
        empty={form.values.languages.length ? undefined : t('profile.languages.empty')}
        onAdd={() => form.insertListItem('languages', { key: rowKey(), language: null, level: null })}
      />
    </SectionCard>
  );
}
