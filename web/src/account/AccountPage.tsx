import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';
import { useSetMe } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { validPassword } from '../auth/validation.ts';
import { applyLocale, asLocale, defaultLocale } from '../i18n/index.ts';
import { Page } from '../shell/Page.tsx';
import { totpPath } from '../shell/RequireAuth.tsx';
import { LocaleSelect } from '../i18n/LocaleSelect.tsx';
import { CalendarFeedCard } from '../missions/CalendarFeedCard.tsx';

function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const form = useForm({
    initialValues: { name: me.user.name, locale: asLocale(me.user.locale) ?? defaultLocale },
    validate: { name: (value) => (value.trim() ? null : t('validation.required')) },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) => api<Me>('PATCH', '/me', { ...values, name: values.name.trim() }),
    onSuccess: (updated) => {
      setMe(updated);
      const locale = asLocale(updated.user.locale);
      if (locale) void applyLocale(locale);
    },
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="profile-heading">
      <Title order={2} size="h4" id="profile-heading" mb="sm">
        {t('account.profile')}
      </Title>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('account.emailIs', { email: me.user.email })}</Text>
          <ErrorAlert error={save.error} />
          <TextInput
            label={t('account.name')}
            name="name"
            autoComplete="name"
            required
            {...form.getInputProps('name')}
          />
          <LocaleSelect label={t('account.locale')} {...form.getInputProps('locale')} />
          <div aria-live="polite">{save.isSuccess && <Alert color="green">{t('account.saved')}</Alert>}</div>
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('validation.required')),
      newPassword: (value) => (validPassword(value) ? null : t('validation.passwordLength')),
    },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) => api('POST', '/me/password', values),
    onSuccess: () => form.reset(),
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="password-heading">
      <Title order={2} size="h4" id="password-heading" mb="sm">
        {t('account.passwordTitle')}
      </Title>
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={change.error} />
          <PasswordInput
            label={t('account.currentPassword')}
            name="currentPassword"
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('account.newPassword')}
            description={t('register.passwordHelp')}
            name="newPassword"
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <div aria-live="polite">
            {change.isSuccess && <Alert color="green">{t('account.passwordChanged')}</Alert>}
          </div>
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.changePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The signed-in user's own record: name, language, password and second factor. */
export function AccountPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Page title={t('account.title')}>
      <ProfileForm me={me} />
      <PasswordForm />
      <Paper withBorder p="md" component="section" aria-labelledby="security-heading">
        <Title order={2} size="h4" id="security-heading" mb="sm">
          {t('account.securityTitle')}
        </Title>
        {me.user.totpEnabled ? (
          <Text>{t('account.totpOn')}</Text>
        ) : (
          <Text>
            {t('account.totpOff')}{' '}
            <Anchor component={Link} to={totpPath}>
              {t('account.totpSetUp')}
            </Anchor>
          </Text>
        )}
      </Paper>
      {me.allowedActions.includes('mission.list') && <CalendarFeedCard />}
    </Page>
  );
}
