import { Anchor, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../api/errors.tsx';
import { useMe } from '../api/session.ts';
import type { Application } from '../applications/types.ts';
import { formatDay } from '../shell/format.ts';
import { createMission, listMissions, missionsKey } from './api.ts';
import {
  MissionDatesFields,
  missionDatesErrorsOf,
  missionDatesRules,
  type MissionDates,
} from './MissionDatesFields.tsx';
import { missionModalities, type MissionCreate, type MissionModality } from './types.ts';

interface Values extends MissionDates {
  /** Empty: the ToR's modality. */
  modality: MissionModality | '';
  city: string;
  hostContactName: string;
  hostContactEmail: string;
  hostContactPhone: string;
}

/** The request body: optional fields left empty are not sent, so the server applies the ToR's values. */
function bodyOf(applicationId: string, values: Values): MissionCreate {
  const optional = (value: string) => value.trim() || undefined;
  return {
    applicationId,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    workingDays: Number(values.workingDays),
    modality: values.modality || undefined,
    city: values.modality === 'online' ? undefined : optional(values.city),
    hostContactName: values.hostContactName.trim(),
    hostContactEmail: optional(values.hostContactEmail),
    hostContactPhone: optional(values.hostContactPhone),
  };
}

interface Props {
  application: Application;
  onClose: () => void;
}

/**
 * Makes a mission from a confirmed selection: dates within the ToR's window (prefilled with it), working days,
 * modality and the host's contact person. The server's refusals show next to their field (dates outside the
 * window or out of order, too many working days, an overlap with another mission of the expert); on success the
 * mission opens.
 */
export function CreateMissionDialog({ application, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { windowStartsOn, windowEndsOn } = application.call;
  const form = useForm<Values>({
    initialValues: {
      startsOn: windowStartsOn,
      endsOn: windowEndsOn,
      workingDays: '',
      modality: '',
      city: '',
      hostContactName: '',
      hostContactEmail: '',
      hostContactPhone: '',
    },
    validate: {
      ...missionDatesRules(t),
      hostContactName: (value) => (value.trim() ? null : t('validation.required')),
    },
  });
  const create = useMutation({
    mutationFn: (values: Values) => createMission(bodyOf(application.id, values)),
    onSuccess: async (mission) => {
      await client.invalidateQueries({ queryKey: missionsKey });
      void navigate(`/missions/${mission.id}`);
    },
    onError: (error) => form.setErrors(missionDatesErrorsOf(t, error)),
  });
  const online = form.values.modality === 'online';
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('missions.create.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {t('missions.create.intro', {
              name: application.applicant?.name ?? '',
              reference: application.call.reference,
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('missions.create.window', {
              start: formatDay(windowStartsOn, i18n.language),
              end: formatDay(windowEndsOn, i18n.language),
            })}
          </Text>
          <ErrorAlert error={create.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MissionDatesFields form={form} window={{ startsOn: windowStartsOn, endsOn: windowEndsOn }} />
            <NativeSelect label={t('missions.create.modality')} {...form.getInputProps('modality')}>
              <option value="">{t('missions.create.modalityOfTor')}</option>
              {missionModalities.map((code) => (
                <option key={code} value={code}>
                  {t(`missions.modalities.${code}`)}
                </option>
              ))}
            </NativeSelect>
            {!online && (
              <TextInput
                label={t('missions.create.city')}
                description={t('missions.create.cityHelp')}
                maxLength={120}
                {...form.getInputProps('city')}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('missions.create.hostContactName')}
              required
              maxLength={200}
              autoComplete="off"
              {...form.getInputProps('hostContactName')}
            />
            <TextInput
              type="email"
              label={t('missions.create.hostContactEmail')}
              maxLength={254}
              autoComplete="off"
              {...form.getInputProps('hostContactEmail')}
            />
            <TextInput
              type="tel"
              label={t('missions.create.hostContactPhone')}
              maxLength={40}
              autoComplete="off"
              {...form.getInputProps('hostContactPhone')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('missions.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * On a screening row in status `selected`: a link to the selection's mission when it has one, else (for those
 * who may create missions) the button that opens the dialog. The ToR's missions are read once for the whole page.
 */
export function CreateMissionButton({ application }: { application: Application }) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const mayCreate = me.data?.allowedActions.includes('mission.create') ?? false;
  const selected = application.status === 'selected';
  const missions = useQuery({
    queryKey: [...missionsKey, 'assignment', application.call.id],
    queryFn: () =>
      listMissions({ states: [], assignmentId: application.call.id, sort: 'reference', page: 1, pageSize: 100 }),
    enabled: selected && (me.data?.allowedActions.includes('mission.list') ?? false),
  });
  if (!selected) return null;
  const existing = missions.data?.items.find(
    (mission) => mission.expert.id === application.applicant?.id && mission.state !== 'cancelled',
  );
  if (existing) {
    return (
      <Anchor component={Link} to={`/missions/${existing.id}`} size="xs">
        {t('missions.create.existing', { reference: existing.reference })}
      </Anchor>
    );
  }
  if (!mayCreate) return null;
  return (
    <>
      <Button size="compact-xs" onClick={() => setOpen(true)} data-testid="create-mission">
        {t('missions.create.button')}
      </Button>
      {open && <CreateMissionDialog application={application} onClose={() => setOpen(false)} />}
    </>
  );
}
