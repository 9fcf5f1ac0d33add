import { MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { optionsOf, useReference } from '../reference.ts';
import type { SectionProps } from './formTypes.ts';
import { SectionCard } from './SectionCard.tsx';

/** Where the expert lives and comes from, and their nationalities, from the country list in the UI language. */
export function ResidenceSection({ form }: SectionProps) {
  const { t, i18n } = useTranslation();
  const countries = optionsOf(useReference('countries').items, i18n.language);
  return (
    <SectionCard id="section-residence" title={t('profile.residence.title')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('profile.residence.country')}
          name="residenceCountry"
          data={countries}
          searchable
          clearable
          nothingFoundMessage={t('profile.nothingFound')}
          {...form.getInputProps('residenceCountry')}
        />
        <TextInput
          label={t('profile.residence.city')}
          name="residenceCity"
          autoComplete="address-level2"
          {...form.getInputProps('residenceCity')}
        />
        <Select
          label={t('profile.residence.origin')}
          name="originCountry"
          data={countries}
          searchable
          clearable
          nothingFoundMessage={t('profile.nothingFound')}
          {...form.getInputProps('originCountry')}
        />
        <MultiSelect
          label={t('profile.residence.nationalities')}
          description={t('profile.residence.nationalitiesHelp')}
          name="nationalities"
          data={countries}
          searchable
          maxValues={5}
          nothingFoundMessage={t('profile.nothingFound')}
          {...form.getInputProps('nationalities')}
        />
      </SimpleGrid>
    </SectionCard>
  );
}
