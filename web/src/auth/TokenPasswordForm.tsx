import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';
import { Page } from '../shell/Page.tsx';
import { validPassword } from './validation.ts';

interface Props {
  /** API path that takes `{ token, password }`. */
  endpoint: string;
  title: string;
  intro: string;
  submitLabel: string;
  successText: string;
}

/** Choosing a password with a single-use link: shared by password reset and invitation acceptance. */
export function TokenPasswordForm({ endpoint, title, intro, submitLabel, successText }: Props) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => (validPassword(value) ? null : t('validation.passwordLength')) },
  });
  const submit = useMutation({
    mutationFn: (password: string) => api('POST', endpoint, { token, password }),
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });

  let body;
  if (!token) body = <Alert color="red">{t('tokenPage.missingToken')}</Alert>;
  else if (submit.isSuccess)
    body = (
      <Alert color="green" role="status" data-testid="token-success">
        {successText}
      </Alert>
    );
  else
    body = (
      <form onSubmit={form.onSubmit((values) => submit.mutate(values.password))} noValidate>
        <Stack gap="md">
          <Text>{intro}</Text>
          <ErrorAlert error={submit.error} />
          <PasswordInput
            label={t('tokenPage.password')}
            description={t('register.passwordHelp')}
            name="password"
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={submit.isPending}>
            {submitLabel}
          </Button>
        </Stack>
      </form>
    );

  return (
    <Page title={title} narrow>
      {body}
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('nav.signIn')}
      </Anchor>
    </Page>
  );
}
