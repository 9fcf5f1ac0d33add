import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../applications/ConfirmDialog.tsx';
import { ErrorAlert, fieldErrorsOf } from '../../api/errors.tsx';
import { DataState } from '../../shell/DataState.tsx';
import { formatDateTime } from '../../shell/format.ts';
import { statusColors } from '../../shell/statusColors.ts';
import { DeliverablesField, DeliverablesView, type DeliverableDraft } from './Deliverables.tsx';
import { missionReport, panelKeys, reviewReport, saveReport, type ReportInput } from './api.ts';
import { may, type PanelProps, type Report, type ReportStatus } from './types.ts';

const statusColor: Record<ReportStatus, string> = {
  draft: statusColors.neutral,
  submitted: statusColors.pending,
  accepted: statusColors.positive,
  returned: statusColors.warning,
};

/** One titled block of the report, its text as the expert wrote it (line breaks kept). */
function Section({ title, text }: { title: string; text: string | null }) {
  if (!text) return null;
  return (
    <Stack gap={2}>
      <Title order={3} size="h6">
        {title}
      </Title>
      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
        {text}
      </Text>
    </Stack>
  );
}

function ReportView({ missionId, report }: { missionId: string; report: Report }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="report-view">
      <Section title={t('missionReporting.report.activities')} text={report.activities} />
      <DeliverablesView missionId={missionId} deliverables={report.deliverables} />
      <Section title={t('missionReporting.report.results')} text={report.results} />
      <Section title={t('missionReporting.report.recommendations')} text={report.recommendations} />
      <Section title={t('missionReporting.report.difficulties')} text={report.difficulties} />
    </Stack>
  );
}

interface FormValues {
  activities: string;
  deliverables: DeliverableDraft[];
  results: string;
  recommendations: string;
  difficulties: string;
}

/** The expert's form: a draft saved as often as wanted, then submitted once for review. */
function ReportForm({ missionId, report, onSaved }: { missionId: string; report: Report | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useForm<FormValues>({
    initialValues: {
      activities: report?.activities ?? '',
      deliverables: report?.deliverables.map(({ title, fileId, fileName }) => ({ title, fileId, fileName })) ?? [],
      results: report?.results ?? '',
      recommendations: report?.recommendations ?? '',
      difficulties: report?.difficulties ?? '',
    },
  });
  const save = useMutation({
    mutationFn: ({ values, submit }: { values: FormValues; submit: boolean }) => {
      const body: ReportInput = {
        activities: values.activities.trim(),
        deliverables: values.deliverables
          .filter((deliverable) => deliverable.title.trim())
          .map((deliverable) => ({
            title: deliverable.title.trim(),
            ...(deliverable.fileId ? { fileId: deliverable.fileId } : {}),
          })),
        results: values.results.trim(),
        recommendations: values.recommendations.trim(),
        ...(values.difficulties.trim() ? { difficulties: values.difficulties.trim() } : {}),
        submit,
      };
      return saveReport(missionId, body);
    },
    onSuccess: onSaved,
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  const text = (name: 'activities' | 'results' | 'recommendations' | 'difficulties', required: boolean) => (
    <Textarea
      label={t(`missionReporting.report.${name}`)}
      description={t(`missionReporting.report.${name}Help`)}
      required={required}
      dir="auto"
      autosize
      minRows={3}
      maxLength={20000}
      {...form.getInputProps(name)}
    />
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate({ values, submit: true }))} noValidate>
      <Stack gap="sm">
        {text('activities', true)}
        <DeliverablesField
          missionId={missionId}
          deliverables={form.getValues().deliverables}
          errors={form.errors}
          onChange={(next) => form.setFieldValue('deliverables', next)}
        />
        {text('results', true)}
        {text('recommendations', true)}
        {text('difficulties', false)}
        <ErrorAlert error={save.error} />
        <Group>
          <Button
            variant="default"
            loading={save.isPending && save.variables?.submit === false}
            onClick={() => save.mutate({ values: form.getValues(), submit: false })}
          >
            {t('missionReporting.report.saveDraft')}
          </Button>
          <Button type="submit" loading={save.isPending && save.variables?.submit === true}>
            {t('missionReporting.report.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Staff accept a submitted report, or return it with what to change. */
function Review({ missionId, onReviewed }: { missionId: string; onReviewed: () => void }) {
  const { t } = useTranslation();
  const [returning, setReturning] = useState(false);
  const review = useMutation({
    mutationFn: ({ decision, comment }: { decision: 'accept' | 'return'; comment?: string }) =>
      reviewReport(missionId, decision, comment),
    onSuccess: () => {
      setReturning(false);
      onReviewed();
    },
  });
  return (
    <Stack gap="xs">
      {!returning && <ErrorAlert error={review.error} />}
      <Group>
        <Button
          loading={review.isPending && review.variables?.decision === 'accept'}
          onClick={() => review.mutate({ decision: 'accept' })}
        >
          {t('missionReporting.report.accept')}
        </Button>
        <Button variant="default" onClick={() => setReturning(true)}>
          {t('missionReporting.report.return')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={returning}
        title={t('missionReporting.report.returnTitle')}
        body={t('missionReporting.report.returnBody')}
        confirmLabel={t('missionReporting.report.return')}
        reason={{ label: t('missionReporting.report.returnComment'), required: true }}
        pending={review.isPending}
        error={review.error}
        onClose={() => {
          setReturning(false);
          review.reset();
        }}
        onConfirm={(comment) => review.mutate({ decision: 'return', comment })}
      />
    </Stack>
  );
}

function ReportCard({ mission, onChanged }: PanelProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const client = useQueryClient();
  const query = useQuery({ queryKey: panelKeys.report(mission.id), queryFn: () => missionReport(mission.id) });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: panelKeys.report(mission.id) });
    onChanged();
  };
  const report = query.data?.report ?? null;
  const writable = report === null || report.status === 'draft' || report.status === 'returned';
  const canWrite =
    may(mission, 'mission.report.write') && writable && ['in_progress', 'reporting'].includes(mission.state);
  const canReview = may(mission, 'mission.report.review') && report?.status === 'submitted';
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid="report-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={headingId}>
            {t('missionReporting.report.title')}
          </Title>
          {report && (
            <Badge bg={statusColor[report.status]} c="white" tt="none" data-testid="report-status">
              {t(`missionReporting.report.statuses.${report.status}`)}
            </Badge>
          )}
        </Group>
        <DataState isPending={query.isPending} error={query.error} isEmpty={false} emptyText="">
          {report?.submittedAt && (
            <Text size="sm">
              {t('missionReporting.report.submittedAt', { date: formatDateTime(report.submittedAt, i18n.language) })}
            </Text>
          )}
          {report?.status === 'returned' && report.reviewComment && (
            <Stack gap={2} data-testid="review-comment">
              <Text size="sm" fw={600}>
                {t('missionReporting.report.returnedWith')}
              </Text>
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                {report.reviewComment}
              </Text>
            </Stack>
          )}
          {canWrite ? (
            <ReportForm
              key={report?.updatedAt ?? 'new'}
              missionId={mission.id}
              report={report}
              onSaved={() => void refresh()}
            />
          ) : report ? (
            <ReportView missionId={mission.id} report={report} />
          ) : (
            <Text size="sm" data-testid="empty-state">
              {may(mission, 'mission.report.write')
                ? t('missionReporting.report.notYetOpen')
                : t('missionReporting.report.none')}
            </Text>
          )}
          {canReview && <Review missionId={mission.id} onReviewed={() => void refresh()} />}
        </DataState>
      </Stack>
    </Card>
  );
}

/** The expert's mission report: written and submitted by the expert, accepted or returned by staff, read by all. */
export function ReportPanel({ mission, onChanged }: PanelProps) {
  if (!may(mission, 'mission.read')) return null;
  return <ReportCard mission={mission} onChanged={onChanged} />;
}
