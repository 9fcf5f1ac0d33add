import { Button, Card, Checkbox, Group, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldErrorsOf } from '../../api/errors.tsx';
import { DataState } from '../../shell/DataState.tsx';
import { formatDateTime } from '../../shell/format.ts';
import { evaluate, missionEvaluation, panelKeys } from './api.ts';
import { RatingGroup } from './RatingGroup.tsx';
import { may, needMetAnswers, type Evaluation, type NeedMet, type PanelProps } from './types.ts';

function EvaluationView({ questions, evaluation }: { questions: string[]; evaluation: Evaluation }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm" data-testid="evaluation-view">
      <Text size="sm">
        {t('missionReporting.evaluation.givenAt', { date: formatDateTime(evaluation.evaluatedAt, i18n.language) })}
      </Text>
      <Table>
        <caption className="visually-hidden">{t('missionReporting.evaluation.ratingsCaption')}</caption>
        <Table.Tbody>
          {questions.map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" fw={400}>
                {t(`missionReporting.evaluation.questions.${key}`, { defaultValue: key })}
              </Table.Th>
              <Table.Td>
                {evaluation.ratings[key] !== undefined
                  ? t('missionReporting.evaluation.outOfFive', { value: evaluation.ratings[key] })
                  : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap={2}>
        <Title order={3} size="h6">
          {t('missionReporting.evaluation.knowledgeTransferred')}
        </Title>
        <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
          {evaluation.knowledgeTransferred}
        </Text>
      </Stack>
      <Text size="sm">
        {t('missionReporting.evaluation.needMetLine', {
          answer: t(`missionReporting.evaluation.needMetAnswers.${evaluation.needMet}`),
        })}
      </Text>
      <Text size="sm">
        {t('missionReporting.evaluation.followUpLine', {
          answer: t(evaluation.followUpWanted ? 'common.yes' : 'common.no'),
        })}
      </Text>
      {evaluation.comment && (
        <Stack gap={2}>
          <Title order={3} size="h6">
            {t('missionReporting.evaluation.comment')}
          </Title>
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
            {evaluation.comment}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

interface FormValues {
  ratings: Record<string, string>;
  knowledgeTransferred: string;
  needMet: NeedMet | '';
  followUpWanted: boolean;
  comment: string;
}

/** The focal point's form, given once: every question rated, what was learnt, whether the need was met. */
function EvaluationForm({
  missionId,
  questions,
  onDone,
}: {
  missionId: string;
  questions: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<FormValues>({
    initialValues: {
      ratings: Object.fromEntries(questions.map((key) => [key, ''])),
      knowledgeTransferred: '',
      needMet: '',
      followUpWanted: false,
      comment: '',
    },
    validate: {
      ratings: Object.fromEntries(
        questions.map((key) => [key, (value: string) => (value ? null : t('validation.required'))]),
      ),
      knowledgeTransferred: (value) => (value.trim() ? null : t('validation.required')),
      needMet: (value) => (value ? null : t('validation.required')),
    },
  });
  const submit = useMutation({
    mutationFn: (values: FormValues) =>
      evaluate(missionId, {
        ratings: Object.fromEntries(questions.map((key) => [key, Number(values.ratings[key])])),
        knowledgeTransferred: values.knowledgeTransferred.trim(),
        needMet: values.needMet as NeedMet,
        followUpWanted: values.followUpWanted,
        ...(values.comment.trim() ? { comment: values.comment.trim() } : {}),
      }),
    onSuccess: onDone,
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => submit.mutate(values))} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('missionReporting.evaluation.intro')}</Text>
        {questions.map((key) => (
          <RatingGroup
            key={key}
            label={t(`missionReporting.evaluation.questions.${key}`, { defaultValue: key })}
            scaleKey="missionReporting.evaluation.scale"
            value={form.getValues().ratings[key] ?? ''}
            onChange={(value) => form.setFieldValue(`ratings.${key}`, value)}
            error={form.errors[`ratings.${key}`] as string | undefined}
          />
        ))}
        <Textarea
          label={t('missionReporting.evaluation.knowledgeTransferred')}
          description={t('missionReporting.evaluation.knowledgeHelp')}
          required
          dir="auto"
          autosize
          minRows={3}
          maxLength={10000}
          {...form.getInputProps('knowledgeTransferred')}
        />
        <Radio.Group label={t('missionReporting.evaluation.needMet')} required {...form.getInputProps('needMet')}>
          <Group gap="md" mt={4}>
            {needMetAnswers.map((answer) => (
              <Radio key={answer} value={answer} label={t(`missionReporting.evaluation.needMetAnswers.${answer}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox
          label={t('missionReporting.evaluation.followUpWanted')}
          {...form.getInputProps('followUpWanted', { type: 'checkbox' })}
        />
        <Textarea
          label={t('missionReporting.evaluation.comment')}
          dir="auto"
          autosize
          minRows={2}
          maxLength={5000}
          {...form.getInputProps('comment')}
        />
        <Text size="sm" c="dimmed">
          {t('missionReporting.evaluation.once')}
        </Text>
        <ErrorAlert error={submit.error} />
        <Button type="submit" loading={submit.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('missionReporting.evaluation.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function EvaluationCard({ mission, onChanged }: PanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const client = useQueryClient();
  const query = useQuery({ queryKey: panelKeys.evaluation(mission.id), queryFn: () => missionEvaluation(mission.id) });
  const data = query.data;
  const canEvaluate =
    may(mission, 'mission.evaluate') &&
    data?.evaluation === null &&
    ['in_progress', 'reporting'].includes(mission.state);
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid="evaluation-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('missionReporting.evaluation.title')}
        </Title>
        <DataState isPending={query.isPending} error={query.error} isEmpty={false} emptyText="">
          {data?.evaluation ? (
            <EvaluationView questions={data.questions} evaluation={data.evaluation} />
          ) : canEvaluate && data ? (
            <EvaluationForm
              missionId={mission.id}
              questions={data.questions}
              onDone={() => {
                void client.invalidateQueries({ queryKey: panelKeys.evaluation(mission.id) });
                onChanged();
              }}
            />
          ) : (
            <Text size="sm" data-testid="empty-state">
              {t(
                may(mission, 'mission.evaluate')
                  ? 'missionReporting.evaluation.notYetOpen'
                  : 'missionReporting.evaluation.none',
              )}
            </Text>
          )}
        </DataState>
      </Stack>
    </Card>
  );
}

/** The host's evaluation: the focal point gives it once; staff, the expert and the host read it. */
export function EvaluationPanel({ mission, onChanged }: PanelProps) {
  if (!may(mission, 'mission.read')) return null;
  return <EvaluationCard mission={mission} onChanged={onChanged} />;
}
