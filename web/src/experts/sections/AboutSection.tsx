import { Checkbox, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReference } from '../reference.ts';
import type { SectionProps } from './formTypes.ts';
import { SectionCard } from './SectionCard.tsx';

/** The 12 Moroccan regions the expert would work in, named in French or Arabic by the server for the locale. */
export function RegionsSection({ form }: SectionProps) {
  const { t } = useTranslation();
  const regions = useReference('regions').top;
  return (
    <SectionCard id="section-regions" title={t('profile.regions.title')}>
      <Checkbox.Group label={t('profile.regions.label')} {...form.getInputProps('preferredRegions')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
          {regions.map((region) => (
            <Checkbox key={region.code} value={region.code} label={region.label} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </SectionCard>
  );
}

/** Headline and summary: how the expert introduces themselves to staff and hosts. */
export function AboutSection({ form }: SectionProps) {
  const { t } = useTranslation();
  return (
    <SectionCard id="section-about" title={t('profile.about.title')}>
      <TextInput
        label={t('profile.about.headline')}
        description={t('profile.about.headlineHelp')}
        name="headline"
        maxLength={200}
        {...form.getInputProps('headline')}
      />
      <Textarea
        label={t('profile.about.summary')}
        name="summary"
        autosize
        minRows={4}
        maxLength={4000}
        {...form.getInputProps('summary')}
      />
    </SectionCard>
  );
}
