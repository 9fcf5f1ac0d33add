import { Alert, Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';
import { DataState } from '../shell/DataState.tsx';
import { Page } from '../shell/Page.tsx';
import { Completeness } from './Completeness.tsx';
import { comparable, formValuesOf, patchOf, type ProfileFormValues } from './profileForm.ts';
import { DocumentsSection } from './documents/DocumentsSection.tsx';
import { AboutSection, RegionsSection } from './sections/AboutSection.tsx';
import { AvailabilitySection } from './sections/AvailabilitySection.tsx';
import { EducationSection } from './sections/EducationSection.tsx';
import { ExperienceSection } from './sections/ExperienceSection.tsx';
import { ExpertiseSection } from './sections/ExpertiseSection.tsx';
import { IdentitySection } from './sections/IdentitySection.tsx';
import { LanguagesSection } from './sections/LanguagesSection.tsx';
import { ResidenceSection } from './sections/ResidenceSection.tsx';
import { SkillsSection } from './sections/SkillsSection.tsx';
import { StaleBanner } from './StaleBanner.tsx';
import type { ProfileView } from './types.ts';
import { UnsavedChangesGuard } from './UnsavedChangesGuard.tsx';
import { profileKey, useProfile } from './useProfile.ts';

/** Puts keyboard focus on the first field the server refused. */
function focusFirstInvalid() {
  const invalid = document.querySelector<HTMLElement>('main [aria-invalid="true"]');
  invalid?.scrollIntoView({ block: 'center' });
  invalid?.focus({ preventScroll: true });
}

function ProfileForm({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [saved, setSaved] = useState(() => comparable(formValuesOf(profile)));
  // Bumped on each refused save; the effect runs after React has drawn the errors, so they can be focused.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals) focusFirstInvalid();
  }, [refusals]);
  const form = useForm<ProfileFormValues>({ initialValues: formValuesOf(profile) });
  const save = useMutation({
    mutationFn: (values: ProfileFormValues) => api<ProfileView>('PATCH', '/experts/me', patchOf(values)),
    onSuccess: (updated, values) => {
      client.setQueryData(profileKey, updated);
      setSaved(comparable(values));
      form.clearErrors();
    },
    onError: (error) => {
      form.setErrors(fieldErrorsOf(t, error));
      setRefusals((count) => count + 1);
    },
  });
  const dirty = comparable(form.values) !== saved;
  // Skills confirmed from the CV are saved already: they join the form's list, and count as saved when nothing
  // else was pending.
  const skillsAdded = (updated: ProfileView) => {
    client.setQueryData(profileKey, updated);
    const skills = formValuesOf(updated).skills;
    form.setFieldValue('skills', skills);
    if (!dirty) setSaved(comparable({ ...form.values, skills }));
  };
  const completeness = (client.getQueryData<ProfileView>(profileKey) ?? profile).completeness;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
        <Stack gap="md" className="sticky-aside">
          <Completeness completeness={completeness} />
          <Anchor component={Link} to="/profile/privacy" size="sm">
            {t('profile.privacyLink')}
          </Anchor>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
        <form
          onSubmit={form.onSubmit((values) => save.mutate(values))}
          noValidate
          aria-label={t('profile.title')}
          data-testid="profile-form"
        >
          <Stack gap="md">
            <IdentitySection form={form} />
            <ResidenceSection form={form} />
            <LanguagesSection form={form} />
            <EducationSection form={form} />
            <ExperienceSection form={form} />
            <ExpertiseSection form={form} />
            <SkillsSection form={form} />
            <AvailabilitySection form={form} />
            <RegionsSection form={form} />
            <AboutSection form={form} />
            <DocumentsSection onSkillsAdded={skillsAdded} />
            <div className="save-bar">
              <Stack gap="xs">
                <ErrorAlert error={save.error} />
                <div aria-live="polite">
                  {save.isSuccess && !dirty && (
                    <Alert color="green" data-testid="profile-saved">
                      {t('profile.saved')}
                    </Alert>
                  )}
                </div>
                <Group justify="space-between">
                  <Text size="sm" c="dimmed" data-testid="dirty-state">
                    {dirty ? t('profile.unsaved.pending') : t('profile.unsaved.none')}
                  </Text>
                  <Button type="submit" loading={save.isPending}>
                    {t('profile.save')}
                  </Button>
                </Group>
              </Stack>
            </div>
          </Stack>
        </form>
      </Grid.Col>
      <UnsavedChangesGuard dirty={dirty && !save.isPending} />
    </Grid>
  );
}

/** The expert's own profile: completeness, the yearly re-confirmation, and the form in sections. */
export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useProfile();
  const [params] = useSearchParams();
  return (
    <Page title={t('profile.title')}>
      <Text>{t('profile.intro')}</Text>
      {profile.data && (profile.data.stale || params.get('confirm') === '1') && (
        <StaleBanner stale={profile.data.stale} />
      )}
      <DataState isPending={profile.isPending} error={profile.error} isEmpty={false} emptyText="">
        {profile.data && <ProfileForm key={profile.data.userId} profile={profile.data} />}
      </DataState>
    </Page>
  );
}
