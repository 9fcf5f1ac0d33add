import { MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { groupedOptionsOf, occupationOptionsOf, useReference } from '../reference.ts';
import type { SectionProps } from './formTypes.ts';
import { SectionCard } from './SectionCard.tsx';

/** OECD DAC sectors (grouped by category) and the ISCO-08 occupation, both searchable in the UI language. */
export function ExpertiseSection({ form }: SectionProps) {
  const { t, i18n } = useTranslation();
  const sectors = groupedOptionsOf(useReference('sectors').items, i18n.language);
  const occupations = occupationOptionsOf(useReference('occupations').items);
  return (
    <SectionCard id="section-expertise" title={t('profile.expertise.title')}>
      <MultiSelect
        label={t('profile.expertise.sectors')}
        description={t('profile.expertise.sectorsHelp')}
        name="sectors"
        data={sectors}
        searchable
        maxValues={20}
        nothingFoundMessage={t('profile.nothingFound')}
        {...form.getInputProps('sectors')}
      />
      <Select
        label={t('profile.expertise.occupation')}
        description={t('profile.expertise.occupationHelp')}
        name="occupation"
        data={occupations}
        searchable
        clearable
        nothingFoundMessage={t('profile.nothingFound')}
        {...form.getInputProps('occupation')}
      />
    </SectionCard>
  );
}
