import { Anchor, Button, Checkbox, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';
import type { Me } from '../api/types.ts';
import { asLocale, defaultLocale } from '../i18n/index.ts';
import { Page } from '../shell/Page.tsx';
import { useSignedIn } from './useSignedIn.ts';
import { validEmail, validPassword } from './validation.ts';
import { LocaleSelect } from '../i18n/LocaleSelect.tsx';

/** Self-registration for diaspora experts; staff and focal points are invited instead. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const signedIn = useSignedIn();
  const form = useForm({
    initialValues: {
      name: '',
      email: '',
      password: '',
      locale: asLocale(i18n.language) ?? defaultLocale,
      consentToProcessing: false,
    },
    validate: {
      name: (value) => (value.trim() ? null : t('validation.required')),
      email: (value) => (validEmail(value) ? null : t('validation.email')),
      password: (value) => (validPassword(value) ? null : t('validation.passwordLength')),
      consentToProcessing: (value) => (value ? null : t('register.consentRequired')),
    },
  });
  const register = useMutation({
    mutationFn: (body: typeof form.values) => api<Me>('POST', '/auth/register', { ...body, name: body.name.trim() }),
    onSuccess: (me) => signedIn(me),
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });

  return (
    <Page title={t('register.title')} narrow>
      <Text>{t('register.intro')}</Text>
      <form onSubmit={form.onSubmit((values) => register.mutate(values))} noValidate>
        <Stack gap="md">
          <ErrorAlert error={register.error} />
          <TextInput
            label={t('register.name')}
            name="name"
            autoComplete="name"
            required
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('register.email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('register.password')}
            description={t('register.passwordHelp')}
            name="password"
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <LocaleSelect label={t('register.locale')} {...form.getInputProps('locale')} />
          <Paper withBorder p="sm" component="section" aria-labelledby="processing-notice">
            <Title order={2} size="h5" id="processing-notice">
              {t('register.noticeTitle')}
            </Title>
            <Text size="sm" mt="xs">
              {t('register.notice')}
            </Text>
          </Paper>
          <Checkbox
            label={t('register.consent')}
            name="consentToProcessing"
            {...form.getInputProps('consentToProcessing', { type: 'checkbox' })}
          />
          <Button type="submit" loading={register.isPending}>
            {t('register.submit')}
          </Button>
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('register.haveAccount')}
          </Anchor>
        </Stack>
      </form>
    </Page>
  );
}
