import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import { ErrorAlert } from '../api/errors.tsx';
import { useMe } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { Page } from '../shell/Page.tsx';
import { safeNext, useSignedIn } from './useSignedIn.ts';

interface Credentials {
  email: string;
  password: string;
  totp?: string;
}

/** E-mail and password, then, for staff whose account asks for it, the authenticator's 6-digit code. */
export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const me = useMe();
  const signedIn = useSignedIn();
  const [needsCode, setNeedsCode] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '', totp: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('validation.required')),
      password: (value) => (value ? null : t('validation.required')),
      totp: (value) => (!needsCode || /^\d{6}$/.test(value) ? null : t('validation.totpDigits')),
    },
  });
  const login = useMutation({
    mutationFn: (body: Credentials) => api<Me>('POST', '/auth/login', body),
    onSuccess: (result) => signedIn(result, params.get('next')),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'totp_required') setNeedsCode(true);
    },
  });

  if (me.data && !login.isPending) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = form.onSubmit((values) =>
    login.mutate({
      email: values.email.trim(),
      password: values.password,
      ...(needsCode ? { totp: values.totp } : {}),
    }),
  );
  // The server asking for the code is the expected next step, not a failure to show in red.
  const shownError = login.error instanceof ApiError && login.error.code === 'totp_required' ? null : login.error;

  return (
    <Page title={needsCode ? t('signIn.totpTitle') : t('signIn.title')} narrow>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={shownError} />
          {needsCode ? (
            <>
              <Text>{t('signIn.totpHelp')}</Text>
              <TextInput
                label={t('signIn.totpCode')}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                data-autofocus
                autoFocus
                required
                {...form.getInputProps('totp')}
              />
              <Group justify="space-between">
                <Button
                  variant="subtle"
                  onClick={() => {
                    setNeedsCode(false);
                    form.setFieldValue('totp', '');
                    login.reset();
                  }}
                >
                  {t('common.back')}
                </Button>
                <Button type="submit" loading={login.isPending}>
                  {t('signIn.verify')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <TextInput
                label={t('signIn.email')}
                name="email"
                type="email"
                autoComplete="username"
                required
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={t('signIn.password')}
                name="password"
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={login.isPending}>
                {t('signIn.submit')}
              </Button>
              <Group justify="space-between" gap="xs">
                <Anchor component={Link} to="/forgot-password" size="sm">
                  {t('signIn.forgot')}
                </Anchor>
                <Anchor component={Link} to="/register" size="sm">
                  {t('signIn.register')}
                </Anchor>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </Page>
  );
}
