import { Alert, Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { ConfirmDialog } from '../applications/ConfirmDialog.tsx';
import { checklistKey, missionKey, missionsKey, moveMission } from './api.ts';
import type { Mission, MissionState } from './types.ts';

/**
 * The moves the server says the reader may make now, each confirmed first; cancelling asks why (the expert and the
 * host read it). A stale version (someone else moved the mission meanwhile) reloads the mission and says so.
 */
export function MovesBar({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [asked, setAsked] = useState<MissionState | null>(null);
  const [conflict, setConflict] = useState(false);
  const move = useMutation({
    mutationFn: ({ to, reason }: { to: MissionState; reason: string }) =>
      moveMission(mission.id, { to, version: mission.version, ...(reason ? { reason } : {}) }),
    onSuccess: (updated) => {
      client.setQueryData(missionKey(mission.id), updated);
      void client.invalidateQueries({ queryKey: missionsKey });
      void client.invalidateQueries({ queryKey: checklistKey(mission.id) });
      setAsked(null);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        setAsked(null);
        setConflict(true);
        void client.invalidateQueries({ queryKey: missionKey(mission.id) });
      }
    },
  });
  if (!mission.moves.length) return null;
  const ask = (to: MissionState) => {
    move.reset();
    setConflict(false);
    setAsked(to);
  };
  return (
    <Stack gap="xs">
      <Group gap="sm" data-testid="mission-moves">
        {mission.moves.map((to) => (
          <Button
            key={to}
            variant={to === 'cancelled' ? 'default' : 'filled'}
            color={to === 'cancelled' ? 'red.9' : undefined}
            onClick={() => ask(to)}
          >
            {t(`missions.moves.${to}`)}
          </Button>
        ))}
      </Group>
      <div aria-live="polite">
        {conflict && (
          <Alert color="orange" role="alert" data-error-code="version_conflict">
            {t('missions.moveConflict')}
          </Alert>
        )}
      </div>
      <ConfirmDialog
        key={asked ?? 'none'}
        opened={asked !== null}
        title={asked ? t(`missions.moves.${asked}`) : ''}
        body={asked ? t(`missions.moveConfirm.${asked}`, { reference: mission.reference }) : ''}
        confirmLabel={asked ? t(`missions.moves.${asked}`) : ''}
        reason={
          asked === 'cancelled'
            ? { label: t('missions.cancelReason'), description: t('missions.cancelReasonHelp'), required: true }
            : undefined
        }
        danger={asked === 'cancelled'}
        pending={move.isPending}
        error={move.error}
        onClose={() => setAsked(null)}
        onConfirm={(reason) => asked && move.mutate({ to: asked, reason })}
      />
    </Stack>
  );
}
