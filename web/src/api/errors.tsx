import { Alert } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from './client.ts';

/** Codes the client itself produces, beside the server's (src/http/errors.ts). */
export const clientErrorCodes = ['network_error'] as const;

/** The translated sentence for any thrown value: by stable code when it is an API error. */
export function errorText(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'internal_error';
  return t(`errors.${code}`, { defaultValue: t('errors.internal_error') });
}

/**
 * Per-field messages for a form, keyed by the field's path. A code we know is translated; an unknown one falls
 * back to the server's English text, which is still better than nothing next to the field.
 */
export function fieldErrorsOf(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const field of error.fields) {
    result[field.path] = t(`fieldErrors.${field.code}`, { defaultValue: field.message });
  }
  return result;
}

/** An alert announcing a failed request; `role="alert"` so it is read out when it appears. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      color="red"
      role="alert"
      title={t('common.errorTitle')}
      data-error-code={error instanceof ApiError ? error.code : undefined}
    >
      {errorText(t, error)}
    </Alert>
  );
}
