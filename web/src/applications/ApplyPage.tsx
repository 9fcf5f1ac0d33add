import { Alert, Anchor, Button, Checkbox, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { ErrorAlert, errorText, fieldErrorsOf } from '../api/errors.tsx';
import { listMyDocuments, myDocumentsKey } from '../experts/documents/api.ts';
import { DataState } from '../shell/DataState.tsx';
import { formatDateTime } from '../shell/format.ts';
import { Page } from '../shell/Page.tsx';
import { applyTo, myApplicationsKey, publicCall } from './api.ts';

const minLength = 50;
const maxLength = 5000;

/** Refusals that end the attempt, shown as a sentence with a way forward rather than next to a field. */
const blocking = new Set(['call_not_open', 'not_eligible_residence', 'already_applied', 'processing_consent_required']);

/** The application form of one open call: motivation, availability in the window, which CV to share. */
export function ApplyPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const call = useQuery({ queryKey: ['public-call', id, i18n.language], queryFn: () => publicCall(id, i18n.language) });
  const documents = useQuery({ queryKey: myDocumentsKey, queryFn: listMyDocuments });
  const cvs = (documents.data?.items ?? []).filter((document) => document.kind === 'cv');
  const [motivation, setMotivation] = useState('');
  const [available, setAvailable] = useState(false);
  const [cv, setCv] = useState('');
  const submit = useMutation({
    mutationFn: () =>
      applyTo(id, { motivation, availabilityConfirmed: available, ...(cv ? { cvDocumentId: cv } : {}) }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: myApplicationsKey });
      await navigate('/my-applications', { state: { applied: true } });
    },
  });
  const fields = fieldErrorsOf(t, submit.error);
  const code = submit.error instanceof ApiError ? submit.error.code : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const length = motivation.trim().length;
  return (
    <Page title={t('applications.apply.title')} narrow>
      <DataState isPending={call.isPending} error={call.error} isEmpty={false} emptyText="">
        {call.data && (
          <Stack gap="md">
            <Text fw={600}>
              <bdi>{call.data.reference}</bdi> — <bdi>{call.data.title}</bdi>
            </Text>
            <Text size="sm" c="dimmed">
              {t('applications.apply.deadline', { date: formatDateTime(call.data.deadlineAt, i18n.language) })}
            </Text>
            {call.data.status !== 'open' ? (
              <Alert color="yellow">{t('errors.call_not_open')}</Alert>
            ) : (
              <form onSubmit={onSubmit} noValidate>
                <Stack gap="md">
                  <Textarea
                    label={t('applications.apply.motivation')}
                    description={t('applications.apply.motivationHelp', { min: minLength, max: maxLength })}
                    required
                    autosize
                    minRows={6}
                    maxLength={maxLength}
                    value={motivation}
                    onChange={(event) => setMotivation(event.currentTarget.value)}
                    error={fields.motivation}
                  />
                  <Text size="xs" c={length < minLength ? 'dimmed' : undefined} aria-live="polite">
                    {t('applications.apply.counter', { n: length, max: maxLength })}
                  </Text>
                  <Checkbox
                    label={t('applications.apply.available', {
                      from: call.data.windowStartsOn,
                      to: call.data.windowEndsOn,
                    })}
                    checked={available}
                    onChange={(event) => setAvailable(event.currentTarget.checked)}
                    error={fields.availabilityConfirmed}
                  />
                  <NativeSelect
                    label={t('applications.apply.cv')}
                    description={t('applications.apply.cvHelp')}
                    value={cv}
                    onChange={(event) => setCv(event.currentTarget.value)}
                    error={fields.cvDocumentId}
                    data={[
                      { value: '', label: t('applications.apply.noCv') },
                      ...cvs.map((document) => ({ value: document.id, label: document.fileName })),
                    ]}
                  />
                  <Anchor component={Link} to="/profile" size="sm">
                    {t('applications.apply.uploadCv')}
                  </Anchor>
                  {code && blocking.has(code) ? (
                    <Alert color="red" role="alert" data-error-code={code}>
                      {errorText(t, submit.error)}{' '}
                      <Anchor component={Link} to={code === 'already_applied' ? '/my-applications' : '/profile'}>
                        {t(code === 'already_applied' ? 'applications.apply.seeMine' : 'applications.apply.seeProfile')}
                      </Anchor>
                    </Alert>
                  ) : (
                    <ErrorAlert error={submit.error} />
                  )}
                  <Button type="submit" loading={submit.isPending} disabled={length < minLength || !available}>
                    {t('applications.apply.submit')}
                  </Button>
                </Stack>
              </form>
            )}
          </Stack>
        )}
      </DataState>
    </Page>
  );
}
