import { Group, Radio, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { genders } from '../types.ts';
import type { SectionProps } from './formTypes.ts';
import { SectionCard } from './SectionCard.tsx';

/** Names in both scripts, gender (with "prefer not to say"), birth date and phone. */
export function IdentitySection({ form }: SectionProps) {
  const { t } = useTranslation();
  return (
    <SectionCard id="section-identity" title={t('profile.identity.title')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('profile.identity.firstName')}
          name="firstName"
          autoComplete="given-name"
          required
          {...form.getInputProps('firstName')}
        />
        <TextInput
          label={t('profile.identity.lastName')}
          name="lastName"
          autoComplete="family-name"
          required
          {...form.getInputProps('lastName')}
        />
      </SimpleGrid>
      <TextInput
        label={t('profile.identity.nameAr')}
        description={t('profile.identity.nameArHelp')}
        name="nameAr"
        dir="rtl"
        lang="ar"
        {...form.getInputProps('nameAr')}
      />
      <Radio.Group label={t('profile.identity.gender')} name="gender" {...form.getInputProps('gender')}>
        <Group gap="lg" mt={4}>
          {genders.map((gender) => (
            <Radio key={gender} value={gender} label={t(`profile.genders.${gender}`)} />
          ))}
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t('profile.identity.birthDate')}
          description={t('profile.identity.birthDateHelp')}
          name="birthDate"
          autoComplete="bday"
          {...form.getInputProps('birthDate')}
        />
        <TextInput
          type="tel"
          label={t('profile.identity.phone')}
          description={t('profile.identity.phoneHelp')}
          name="phone"
          autoComplete="tel"
          dir="ltr"
          {...form.getInputProps('phone')}
        />
      </SimpleGrid>
    </SectionCard>
  );
}
