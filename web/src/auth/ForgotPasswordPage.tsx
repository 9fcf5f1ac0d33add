import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';
import { Page } from '../shell/Page.tsx';
import { validEmail } from './validation.ts';

/** Asks for a reset link. The answer is the same whether or not the account exists, so nobody learns who has one. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (validEmail(value) ? null : t('validation.email')) },
  });
  const request = useMutation({
    mutationFn: (email: string) => api('POST', '/auth/password-reset', { email }),
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  return (
    <Page title={t('forgot.title')} narrow>
      {request.isSuccess ? (
        <Alert color="green" role="status">
          {t('forgot.sent')}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => request.mutate(values.email.trim()))} noValidate>
          <Stack gap="md">
            <Text>{t('forgot.intro')}</Text>
            <ErrorAlert error={request.error} />
            <TextInput
              label={t('forgot.email')}
              name="email"
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending}>
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('forgot.back')}
      </Anchor>
    </Page>
  );
}
