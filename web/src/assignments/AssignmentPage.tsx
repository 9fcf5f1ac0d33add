import { Alert, Button, Code, Grid, Group, List, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';
import type { Me } from '../api/types.ts';
import { DataState } from '../shell/DataState.tsx';
import { Page } from '../shell/Page.tsx';
import { ActionsBar } from './ActionsBar.tsx';
import { AssignmentForm } from './AssignmentForm.tsx';
import { emptyValues, fieldsOf, unsavedDifferences, valuesOf, type FormValues } from './formValues.ts';
import { ReadOnlyView } from './ReadOnlyView.tsx';
import { AttachmentsPanel, HistoryPanel } from './SidePanels.tsx';
import { StateBadge } from './StateBadge.tsx';
import { nameIn, titleIn, type Assignment, type FormOptions } from './types.ts';

/** Server paths inside lists typed one per line (`sectors.2`) point at the whole field in the form. */
function formErrors(t: Parameters<typeof fieldErrorsOf>[0], error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrorsOf(t, error))) {
    const key = /^(objectives|deliverables|skills|sectors|sdgTargets)\.\d+/.test(path) ? path.split('.')[0]! : path;
    errors[key] ??= message;
  }
  return errors;
}

const isStaff = (me: Me) => me.roles.some((grant) => ['admin', 'programme_officer', 'me_officer'].includes(grant.role));

/** `/assignments/new`: a new draft. */
export function NewAssignmentPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const options = useQuery({
    queryKey: ['assignment-options'],
    queryFn: () => api<FormOptions>('GET', '/assignments/form-options'),
  });
  const form = useForm<FormValues>({ initialValues: emptyValues });
  // Only once, when the options arrive: the user's later choices stay.
  const defaulted = useRef(false);
  useEffect(() => {
    const data = options.data;
    if (!data || defaulted.current) return;
    defaulted.current = true;
    if (!form.values.programmeId && data.programmes.length === 1)
      form.setFieldValue('programmeId', data.programmes[0]!.id);
    if (!form.values.institutionId && data.institutions.length === 1) {
      form.setFieldValue('institutionId', data.institutions[0]!.id);
    }
  }, [options.data, form]);
  const create = useMutation({
    mutationFn: (values: FormValues) =>
      api<Assignment>('POST', '/assignments', {
        programmeId: values.programmeId,
        ...(values.institutionId ? { institutionId: values.institutionId } : {}),
        ...fieldsOf(values),
      }),
    onSuccess: (created) => {
      client.setQueryData(['assignment', created.id], created);
      void client.invalidateQueries({ queryKey: ['assignments'] });
      void navigate(`/assignments/${created.id}`);
    },
    onError: (error) => form.setErrors(formErrors(t, error)),
  });
  return (
    <Page title={t('assignments.newTitle')}>
      <Text size="sm">{isStaff(me) ? t('assignments.newHelpStaff') : t('assignments.newHelpFocal')}</Text>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md">
          <AssignmentForm
            form={form}
            options={options.data}
            creating
            deadlineOnly={false}
            saving={create.isPending}
            submitLabel={t('assignments.createDraft')}
          />
          <ErrorAlert error={create.error} />
        </Stack>
      </form>
    </Page>
  );
}

/** `/assignments/:id`: the ToR, editable where the server allows, with its actions, files and history. */
export function AssignmentPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const tor = useQuery({ queryKey: ['assignment', id], queryFn: () => api<Assignment>('GET', `/assignments/${id}`) });
  return (
    <DataState isPending={tor.isPending} error={tor.error} isEmpty={false} emptyText="">
      {tor.data && (
        <Page title={`${tor.data.reference} · ${titleIn(tor.data, i18n.language)}`}>
          <Group gap="sm">
            <StateBadge state={tor.data.state} />
            <Text size="sm">
              {nameIn(tor.data.institution, i18n.language)} · {tor.data.programme.name} ·{' '}
              {t('assignments.version', { version: tor.data.version })}
            </Text>
          </Group>
          {tor.data.returnComment && (
            <Alert color="orange" title={t('assignments.returnedWith')}>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{tor.data.returnComment}</Text>
            </Alert>
          )}
          <ActionsBar tor={tor.data} staff={isStaff(me)} />
          <CallLinks tor={tor.data} staff={isStaff(me)} />
          <Grid>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Editor key={`${tor.data.id}`} tor={tor.data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack gap="md">
                <AttachmentsPanel tor={tor.data} />
                <HistoryPanel tor={tor.data} />
              </Stack>
            </Grid.Col>
          </Grid>
        </Page>
      )}
    </DataState>
  );
}

/**
 * Staff see who in the roster fits the ToR at any stage; once it is a call, they screen its applications and the
 * host reads the shortlist shared with it.
 */
function CallLinks({ tor, staff }: { tor: Assignment; staff: boolean }) {
  const { t } = useTranslation();
  const isCall = ['published', 'closed', 'filled', 'completed'].includes(tor.state);
  if (!isCall && !staff) return null;
  return (
    <Group gap="sm">
      {staff && (
        <Button component={Link} to={`/assignments/${tor.id}/candidates`} variant="light" size="sm">
          {t('matching.candidates.link')}
        </Button>
      )}
      {isCall && staff && (
        <Button component={Link} to={`/assignments/${tor.id}/applications`} variant="light" size="sm">
          {t('assignments.applicationsLink')}
        </Button>
      )}
      {isCall && !staff && (
        <Button component={Link} to={`/assignments/${tor.id}/shortlist`} variant="light" size="sm">
          {t('assignments.shortlistLink')}
        </Button>
      )}
    </Group>
  );
}

/** The form for an editable ToR (or the read-only view), with the version-conflict recovery. */
function Editor({ tor }: { tor: Assignment }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm<FormValues>({ initialValues: valuesOf(tor) });
  const options = useQuery({
    queryKey: ['assignment-options'],
    queryFn: () => api<FormOptions>('GET', '/assignments/form-options'),
    enabled: tor.editableFields.includes('*'),
  });
  const [version, setVersion] = useState(tor.version);
  const [conflict, setConflict] = useState(false);
  const [unsaved, setUnsaved] = useState<{ field: string; value: string }[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (values: FormValues) =>
      api<Assignment>('PATCH', `/assignments/${tor.id}`, {
        version,
        ...(tor.editableFields.includes('*')
          ? fieldsOf(values, tor)
          : { applicationDeadline: values.applicationDeadline }),
      }),
    onSuccess: (updated) => {
      client.setQueryData(['assignment', tor.id], updated);
      void client.invalidateQueries({ queryKey: ['assignments'] });
      setVersion(updated.version);
      form.resetDirty(valuesOf(updated));
      setUnsaved([]);
      setSaved(true);
    },
    onError: (error) => {
      setSaved(false);
      if (error instanceof ApiError && error.code === 'version_conflict') setConflict(true);
      else form.setErrors(formErrors(t, error));
    },
  });
  const reload = useMutation({
    mutationFn: () => api<Assignment>('GET', `/assignments/${tor.id}`),
    onSuccess: (latest) => {
      const theirs = valuesOf(latest);
      // The user's text stays on screen, field by field, to copy back into the fresh version.
      setUnsaved(unsavedDifferences(form.values, theirs));
      form.setValues(theirs);
      form.resetDirty(theirs);
      setVersion(latest.version);
      setConflict(false);
      save.reset();
      client.setQueryData(['assignment', tor.id], latest);
    },
  });
  // A move made from the actions bar changes the version: follow it when nothing is being typed.
  const seenVersion = useRef(tor.version);
  useEffect(() => {
    if (tor.version === seenVersion.current) return;
    seenVersion.current = tor.version;
    if (!form.isDirty()) {
      form.setValues(valuesOf(tor));
      form.resetDirty(valuesOf(tor));
      setVersion(tor.version);
    }
  }, [tor, form]);

  if (!tor.editableFields.length) return <ReadOnlyView tor={tor} />;
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="md">
        {tor.editableFields.includes('applicationDeadline') && !tor.editableFields.includes('*') && (
          <Alert color="blue">{t('assignments.deadlineOnly')}</Alert>
        )}
        {conflict && (
          <Alert color="red" role="alert" title={t('errors.version_conflict')} data-testid="version-conflict">
            <Stack gap="xs">
              <Text size="sm">{t('assignments.conflictHelp')}</Text>
              <Group>
                <Button size="xs" onClick={() => reload.mutate()} loading={reload.isPending}>
                  {t('assignments.reload')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {unsaved.length > 0 && (
          <Alert color="yellow" title={t('assignments.unsavedTitle')} data-testid="unsaved-text">
            <Text size="sm">{t('assignments.unsavedHelp')}</Text>
            <List size="sm">
              {unsaved.map((entry) => (
                <List.Item key={entry.field}>
                  {t(`assignments.fields.${entry.field}`, { defaultValue: entry.field })} :{' '}
                  <Code block>{entry.value}</Code>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <AssignmentForm
          form={form}
          options={options.data}
          creating={false}
          deadlineOnly={!tor.editableFields.includes('*')}
          saving={save.isPending}
          submitLabel={t('assignments.save')}
        />
        {saved && !form.isDirty() && (
          <Text size="sm" role="status">
            {t('assignments.saved')}
          </Text>
        )}
        {!conflict && <ErrorAlert error={save.error} />}
      </Stack>
    </form>
  );
}
