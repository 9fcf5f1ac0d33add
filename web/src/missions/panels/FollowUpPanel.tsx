import {
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, fieldErrorsOf } from '../../api/errors.tsx';
import { requestFollowUp } from './api.ts';
import { followUpKinds, may, type FollowUpKind, type PanelProps } from './types.ts';

interface Values {
  kind: FollowUpKind;
  startsOn: string;
  endsOn: string;
  workingDays: number | string;
  reason: string;
}

function FollowUpCard({ mission, onChanged }: PanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const form = useForm<Values>({
    initialValues: { kind: 'virtual_session', startsOn: '', endsOn: '', workingDays: 1, reason: '' },
    validate: {
      startsOn: (value) => (value ? null : t('validation.required')),
      endsOn: (value, values) =>
        !value ? t('validation.required') : value < values.startsOn ? t('fieldErrors.date_order') : null,
    },
  });
  const request = useMutation({
    mutationFn: (values: Values) =>
      requestFollowUp(mission.id, {
        kind: values.kind,
        startsOn: values.startsOn,
        endsOn: values.endsOn,
        workingDays: Number(values.workingDays),
        ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
      }),
    onSuccess: () => {
      form.reset();
      onChanged();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid="follow-up-panel">
      <form onSubmit={form.onSubmit((values) => request.mutate(values))} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id={headingId}>
            {t('missionReporting.followUp.title')}
          </Title>
          <Text size="sm">{t('missionReporting.followUp.intro')}</Text>
          <Radio.Group label={t('missionReporting.followUp.kind')} required {...form.getInputProps('kind')}>
            <Stack gap={4} mt={4}>
              {followUpKinds.map((kind) => (
                <Radio key={kind} value={kind} label={t(`missionReporting.followUp.kinds.${kind}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('missionReporting.followUp.startsOn')}
              required
              {...form.getInputProps('startsOn')}
            />
            <TextInput
              type="date"
              label={t('missionReporting.followUp.endsOn')}
              required
              {...form.getInputProps('endsOn')}
            />
            <NumberInput
              label={t('missionReporting.followUp.workingDays')}
              min={1}
              max={366}
              allowDecimal={false}
              required
              {...form.getInputProps('workingDays')}
            />
          </Group>
          <Textarea
            label={t('missionReporting.followUp.reason')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('reason')}
          />
          <ErrorAlert error={request.error} />
          {request.data && (
            <Text size="sm" role="status" data-testid="follow-up-created">
              {t('missionReporting.followUp.created')}{' '}
              <Anchor component={Link} to={`/missions/${request.data.id}`}>
                {request.data.reference}
              </Anchor>
            </Text>
          )}
          <Button type="submit" loading={request.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('missionReporting.followUp.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** On a closed mission, staff plan a follow-up: a virtual session or a repeat mission, linked to this one. */
export function FollowUpPanel({ mission, onChanged }: PanelProps) {
  if (mission.state !== 'closed' || !may(mission, 'mission.manage')) return null;
  return <FollowUpCard mission={mission} onChanged={onChanged} />;
}
