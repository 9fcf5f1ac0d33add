import { Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldErrorsOf } from '../../api/errors.tsx';
import { DataState } from '../../shell/DataState.tsx';
import { formatDateTime } from '../../shell/format.ts';
import { missionSessions, panelKeys, planSession, recordAttendance } from './api.ts';
import { may, type PanelProps, type Session } from './types.ts';

const settled = (state: string) => state === 'closed' || state === 'cancelled';

/** The host records how many attended, once the session has started; a later record corrects the earlier. */
function AttendanceCell({ missionId, session, onSaved }: { missionId: string; session: Session; onSaved: () => void }) {
  const { t } = useTranslation();
  const [attended, setAttended] = useState<number | string>(session.attended ?? '');
  const save = useMutation({
    mutationFn: () => recordAttendance(missionId, session.id, Number(attended)),
    onSuccess: onSaved,
  });
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <NumberInput
          size="xs"
          w={90}
          min={0}
          max={10000}
          allowDecimal={false}
          allowNegative={false}
          label={t('missionReporting.sessions.attendedFor', { topic: session.topic })}
          labelProps={{ className: 'visually-hidden' }}
          value={attended}
          onChange={setAttended}
        />
        <Button
          size="xs"
          variant="default"
          loading={save.isPending}
          disabled={attended === ''}
          onClick={() => save.mutate()}
        >
          {t('missionReporting.sessions.record')}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
    </Stack>
  );
}

interface PlanValues {
  startsAt: string;
  durationMinutes: number | string;
  topic: string;
  participantsCount: number | string;
}

function PlanForm({ missionId, onPlanned }: { missionId: string; onPlanned: () => void }) {
  const { t } = useTranslation();
  const form = useForm<PlanValues>({
    initialValues: { startsAt: '', durationMinutes: 90, topic: '', participantsCount: 10 },
    validate: {
      startsAt: (value) => (value ? null : t('validation.required')),
      topic: (value) => (value.trim() ? null : t('validation.required')),
    },
  });
  const plan = useMutation({
    mutationFn: (values: PlanValues) =>
      planSession(missionId, {
        // The browser's local time, sent with its offset so the server places it on the right day.
        startsAt: new Date(values.startsAt).toISOString(),
        durationMinutes: Number(values.durationMinutes),
        topic: values.topic.trim(),
        participantsCount: Number(values.participantsCount),
      }),
    onSuccess: () => {
      form.reset();
      onPlanned();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => plan.mutate(values))} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('missionReporting.sessions.plan')}
        </Title>
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label={t('missionReporting.sessions.startsAt')}
            required
            {...form.getInputProps('startsAt')}
          />
          <NumberInput
            label={t('missionReporting.sessions.duration')}
            min={15}
            max={600}
            step={15}
            allowDecimal={false}
            required
            {...form.getInputProps('durationMinutes')}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('missionReporting.sessions.topic')}
            maxLength={300}
            required
            {...form.getInputProps('topic')}
          />
          <NumberInput
            label={t('missionReporting.sessions.participants')}
            min={1}
            max={10000}
            allowDecimal={false}
            required
            {...form.getInputProps('participantsCount')}
          />
        </Group>
        <ErrorAlert error={plan.error} />
        <Button type="submit" loading={plan.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('missionReporting.sessions.planSubmit')}
        </Button>
      </Stack>
    </form>
  );
}

function SessionsCard({ mission, onChanged }: PanelProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const client = useQueryClient();
  const query = useQuery({ queryKey: panelKeys.sessions(mission.id), queryFn: () => missionSessions(mission.id) });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: panelKeys.sessions(mission.id) });
    onChanged();
  };
  const open = !settled(mission.state);
  const canRecord = open && may(mission, 'mission.sessions.attendance');
  const now = Date.now();
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid="sessions-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('missionReporting.sessions.title')}
        </Title>
        <DataState
          isPending={query.isPending}
          error={query.error}
          isEmpty={query.data?.items.length === 0}
          emptyText={t('missionReporting.sessions.empty')}
        >
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="sessions">
              <caption className="visually-hidden">{t('missionReporting.sessions.title')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('missionReporting.sessions.startsAt')}</Table.Th>
                  <Table.Th scope="col">{t('missionReporting.sessions.topic')}</Table.Th>
                  <Table.Th scope="col">{t('missionReporting.sessions.duration')}</Table.Th>
                  <Table.Th scope="col">{t('missionReporting.sessions.participants')}</Table.Th>
                  <Table.Th scope="col">{t('missionReporting.sessions.attended')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data?.items.map((session) => {
                  const started = new Date(session.startsAt).getTime() <= now;
                  return (
                    <Table.Tr key={session.id} data-testid="session">
                      <Table.Td>{formatDateTime(session.startsAt, i18n.language)}</Table.Td>
                      <Table.Td>{session.topic}</Table.Td>
                      <Table.Td>
                        {t('missionReporting.sessions.minutes', { minutes: session.durationMinutes })}
                      </Table.Td>
                      <Table.Td>{session.participantsCount}</Table.Td>
                      <Table.Td>
                        {canRecord && started ? (
                          <AttendanceCell missionId={mission.id} session={session} onSaved={() => void refresh()} />
                        ) : session.attended !== null ? (
                          session.attended
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t(
                              started ? 'missionReporting.sessions.notRecorded' : 'missionReporting.sessions.upcoming',
                            )}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </DataState>
        {open && may(mission, 'mission.sessions.plan') && (
          <PlanForm missionId={mission.id} onPlanned={() => void refresh()} />
        )}
      </Stack>
    </Card>
  );
}

/** The sessions of an online or hybrid mission: listed for every reader, planned and attended by those allowed. */
export function SessionsPanel({ mission, onChanged }: PanelProps) {
  if (mission.modality === 'on_site' || !may(mission, 'mission.read')) return null;
  return <SessionsCard mission={mission} onChanged={onChanged} />;
}
