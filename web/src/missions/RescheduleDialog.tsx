import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../api/errors.tsx';
import { formatDay } from '../shell/format.ts';
import { checklistKey, missionKey, missionsKey, rescheduleMission } from './api.ts';
import {
  MissionDatesFields,
  missionDatesErrorsOf,
  missionDatesRules,
  type MissionDates,
} from './MissionDatesFields.tsx';
import type { Mission } from './types.ts';

interface Values extends MissionDates {
  reason: string;
}

/** States whose dates may still change (as the server allows). */
const reschedulable = new Set(['planned', 'agreed', 'ready']);

/** Whether the reader may give this mission new dates now. */
export const mayReschedule = (mission: Mission) =>
  mission.actions.includes('mission.manage') && reschedulable.has(mission.state);

function RescheduleForm({ mission, onClose }: { mission: Mission; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      startsOn: mission.startsOn,
      endsOn: mission.endsOn,
      workingDays: mission.workingDays,
      reason: '',
    },
    validate: {
      ...missionDatesRules(t),
      reason: (value) => (value.trim() ? null : t('validation.required')),
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      rescheduleMission(mission.id, {
        startsOn: values.startsOn,
        endsOn: values.endsOn,
        workingDays: Number(values.workingDays),
        reason: values.reason.trim(),
        version: mission.version,
      }),
    onSuccess: (updated) => {
      client.setQueryData(missionKey(mission.id), updated);
      // The list and the mission's panels (repriced costs) sit under `missionsKey`; the checklist under the mission.
      void client.invalidateQueries({ queryKey: missionsKey });
      void client.invalidateQueries({ queryKey: checklistKey(mission.id) });
      onClose();
    },
    onError: (error) => form.setErrors(missionDatesErrorsOf(t, error)),
  });
  const { torWindow } = mission;
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {t('missions.create.window', {
            start: formatDay(torWindow.startsOn, i18n.language),
            end: formatDay(torWindow.endsOn, i18n.language),
          })}
        </Text>
        {mission.agreement.acceptedAt && (
          <Alert color="orange" data-testid="reschedule-agreement-warning">
            {t('missions.reschedule.agreementWarning')}
          </Alert>
        )}
        <Text size="sm">{t('missions.reschedule.costsNote')}</Text>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <MissionDatesFields form={form} window={torWindow} />
        </SimpleGrid>
        <Textarea
          label={t('missions.reschedule.reason')}
          description={t('missions.reschedule.reasonHelp')}
          required
          autosize
          minRows={2}
          maxLength={4000}
          dir="auto"
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('missions.reschedule.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Change the dates" for staff, on a mission that has not started: the form opens in a dialog. */
export function RescheduleButton({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!mayReschedule(mission)) return null;
  return (
    <>
      <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => setOpen(true)}>
        {t('missions.reschedule.button')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('missions.reschedule.title', { reference: mission.reference })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
        centered
      >
        {open && <RescheduleForm mission={mission} onClose={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
