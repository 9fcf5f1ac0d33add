import { Button, Group, Modal, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';
import { needPriorities, needStatuses, type Need, type NeedPriority, type NeedStatus, type Outcome } from './types.ts';

interface Props {
  institutionId: string;
  programmeId: string;
  outcomes: Outcome[];
  /** The need to edit; undefined to add one. */
  need?: Need;
  /** The outcome a new need starts under. */
  outcomeId?: string | null;
  /** A focal point's proposal: no status (staff decide it), always open. */
  proposal: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** Adds, proposes or edits a capacity need: title, description, priority, status (staff), outcome. */
export function NeedDialog({
  institutionId,
  programmeId,
  outcomes,
  need,
  outcomeId,
  proposal,
  onClose,
  onSaved,
}: Props) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      title: need?.title ?? '',
      description: need?.description ?? '',
      priority: (need?.priority ?? 'medium') as NeedPriority,
      status: (need?.status ?? 'open') as NeedStatus,
      outcomeId: need ? (need.outcomeId ?? '') : (outcomeId ?? ''),
    },
    validate: { title: (value) => (value.trim() ? null : t('validation.required')) },
  });
  const base = `/institutions/${encodeURIComponent(institutionId)}/needs`;
  const save = useMutation({
    mutationFn: (values: typeof form.values) => {
      const fields = {
        title: values.title.trim(),
        description: values.description.trim() || null,
        priority: values.priority,
        outcomeId: values.outcomeId || null,
        ...(proposal ? {} : { status: values.status }),
      };
      return need
        ? api<Need>('PATCH', `${base}/${encodeURIComponent(need.id)}`, fields)
        : api<Need>('POST', base, { programmeId, ...fields });
    },
    onSuccess: onSaved,
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  const title = need
    ? t('institutions.plan.editNeed')
    : proposal
      ? t('institutions.plan.proposeNeed')
      : t('institutions.plan.addNeed');

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <TextInput label={t('institutions.plan.needTitle')} name="title" required {...form.getInputProps('title')} />
          <Textarea
            label={t('institutions.plan.needDescription')}
            description={t('institutions.plan.needDescriptionHelp')}
            name="description"
            autosize
            minRows={3}
            {...form.getInputProps('description')}
          />
          <Group grow>
            <NativeSelect label={t('institutions.plan.priority')} name="priority" {...form.getInputProps('priority')}>
              {needPriorities.map((priority) => (
                <option key={priority} value={priority}>
                  {t(`institutions.plan.priorities.${priority}`)}
                </option>
              ))}
            </NativeSelect>
            {!proposal && (
              <NativeSelect label={t('institutions.plan.status')} name="status" {...form.getInputProps('status')}>
                {needStatuses.map((status) => (
                  <option key={status} value={status}>
                    {t(`institutions.plan.statuses.${status}`)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Group>
          <NativeSelect label={t('institutions.plan.outcome')} name="outcomeId" {...form.getInputProps('outcomeId')}>
            <option value="">{t('institutions.plan.noOutcome')}</option>
            {outcomes.map((outcome) => (
              <option key={outcome.id} value={outcome.id}>
                {`${t('institutions.plan.outcomeNumbered', { position: outcome.position })} ${outcome.statement}`}
              </option>
            ))}
          </NativeSelect>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {proposal ? t('institutions.plan.submitProposal') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
