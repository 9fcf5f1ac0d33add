import { Badge, Button, Group, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../../api/errors.tsx';
import { vettingStatuses, type VettingStatus } from '../../experts/types.ts';
import { formatDateTime } from '../../shell/format.ts';
import { statusColors } from '../../shell/statusColors.ts';
import { vettingColor } from '../RosterTable.tsx';
import { StaffCard } from './StaffCard.tsx';
import { staffKeys, vettingSubjects, type VettingCheck, type VettingSubject, type VettingView } from './types.ts';

const outcomeColor = { verified: statusColors.positive, problem: statusColors.negative } as const;

/** One check as a sentence: outcome, who and when, and the note. */
function CheckLine({ check }: { check: VettingCheck }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge bg={outcomeColor[check.outcome]} c="white" variant="filled" tt="none">
          {t(`staff.vetting.outcomes.${check.outcome}`)}
        </Badge>
        <Text size="sm">
          {t('staff.vetting.checkedBy', {
            name: check.checkedBy?.name || t('staff.formerStaff'),
            date: formatDateTime(check.checkedAt, i18n.language),
          })}
        </Text>
      </Group>
      {check.note && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {check.note}
        </Text>
      )}
    </Stack>
  );
}

function RecordCheck({ expertId }: { expertId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [subject, setSubject] = useState<VettingSubject>('documents');
  const [outcome, setOutcome] = useState<'verified' | 'problem'>('verified');
  const [note, setNote] = useState('');
  const record = useMutation({
    mutationFn: () =>
      api<VettingView>('POST', `/experts/${encodeURIComponent(expertId)}/vetting-checks`, {
        subject,
        outcome,
        note: note.trim() || null,
      }),
    onSuccess: (view) => {
      setNote('');
      client.setQueryData(staffKeys.vetting(expertId), view);
      return client.invalidateQueries({ queryKey: ['experts', 'profile', expertId] });
    },
  });
  const errors = fieldErrorsOf(t, record.error);
  return (
    <form
      aria-label={t('staff.vetting.record')}
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate();
      }}
    >
      <Stack gap="xs">
        <Select
          label={t('staff.vetting.subject')}
          data={vettingSubjects.map((value) => ({ value, label: t(`staff.vetting.subjects.${value}`) }))}
          value={subject}
          onChange={(value) => value && setSubject(value as VettingSubject)}
          allowDeselect={false}
          error={errors.subject}
        />
        <Radio.Group
          label={t('staff.vetting.outcome')}
          value={outcome}
          onChange={(value) => setOutcome(value as 'verified' | 'problem')}
        >
          <Group gap="md" mt={4}>
            <Radio value="verified" label={t('staff.vetting.outcomes.verified')} />
            <Radio value="problem" label={t('staff.vetting.outcomes.problem')} />
          </Group>
        </Radio.Group>
        <Textarea
          label={t('staff.vetting.note')}
          description={t('staff.vetting.noteHelp')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          error={errors.note}
        />
        <ErrorAlert error={record.error && !Object.keys(errors).length ? record.error : null} />
        <Group>
          <Button type="submit" size="sm" loading={record.isPending}>
            {t('staff.vetting.recordSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ChangeStatus({ expertId, view }: { expertId: string; view: VettingView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [status, setStatus] = useState<VettingStatus>(view.status);
  const change = useMutation({
    mutationFn: () =>
      api<VettingView>('PATCH', `/experts/${encodeURIComponent(expertId)}/vetting-status`, {
        status,
        // The status on screen: if a colleague changed it meanwhile, the server refuses instead of overwriting.
        expectedStatus: view.status,
      }),
    onSuccess: (next) => {
      client.setQueryData(staffKeys.vetting(expertId), next);
      return client.invalidateQueries({ queryKey: ['experts', 'profile', expertId] });
    },
    onError: () => client.invalidateQueries({ queryKey: staffKeys.vetting(expertId) }),
  });
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <Select
          label={t('staff.vetting.changeStatus')}
          data={vettingStatuses.map((value) => ({ value, label: t(`roster.vetting.${value}`) }))}
          value={status}
          onChange={(value) => value && setStatus(value as VettingStatus)}
          allowDeselect={false}
          description={view.readyToVet ? undefined : t('staff.vetting.notReady')}
        />
        <Button
          size="sm"
          variant="light"
          loading={change.isPending}
          disabled={status === view.status}
          onClick={() => change.mutate()}
        >
          {t('staff.vetting.applyStatus')}
        </Button>
      </Group>
      <ErrorAlert error={change.error} />
    </Stack>
  );
}

/** Vetting on the staff side of a profile: the state of each subject with who checked and when, history, actions. */
export function VettingPanel({ expertId }: { expertId: string }) {
  const { t } = useTranslation();
  const vetting = useQuery({
    queryKey: staffKeys.vetting(expertId),
    queryFn: () => api<VettingView>('GET', `/experts/${encodeURIComponent(expertId)}/vetting`),
  });
  const view = vetting.data;
  return (
    <StaffCard id="staff-vetting" title={t('staff.vetting.title')}>
      <ErrorAlert error={vetting.error} />
      {view && (
        <Stack gap="md">
          <Group gap="xs">
            <Text size="sm">{t('staff.vetting.status')}</Text>
            <Badge bg={vettingColor[view.status]} c="white" variant="filled" tt="none" data-testid="vetting-status">
              {t(`roster.vetting.${view.status}`)}
            </Badge>
          </Group>
          <Stack gap="sm" component="ul" className="plain-list">
            {view.subjects.map((entry) => (
              <Stack key={entry.subject} gap={4} component="li" data-testid={`vetting-${entry.subject}`}>
                <Text fw={600} size="sm">
                  {t(`staff.vetting.subjects.${entry.subject}`)}
                </Text>
                {entry.current ? (
                  <CheckLine check={entry.current} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('staff.vetting.notChecked')}
                  </Text>
                )}
                {entry.history.length > 1 && (
                  <details>
                    <summary>{t('staff.vetting.history', { count: entry.history.length - 1 })}</summary>
                    <Stack gap="xs" mt="xs">
                      {entry.history.slice(1).map((check) => (
                        <CheckLine key={check.id} check={check} />
                      ))}
                    </Stack>
                  </details>
                )}
              </Stack>
            ))}
          </Stack>
          {view.allowedActions.includes('vetting.set_status') && (
            <ChangeStatus key={view.status} expertId={expertId} view={view} />
          )}
          {view.allowedActions.includes('vetting.record') && <RecordCheck expertId={expertId} />}
        </Stack>
      )}
    </StaffCard>
  );
}
