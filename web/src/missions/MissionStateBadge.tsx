import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { statusColors } from '../shell/statusColors.ts';
import type { MissionState } from './types.ts';

const colorOf: Record<MissionState, string> = {
  planned: statusColors.pending,
  agreed: '#1c5a9c',
  ready: '#1c5a9c',
  in_progress: statusColors.warning,
  reporting: statusColors.warning,
  closed: statusColors.positive,
  cancelled: statusColors.negative,
};

/** Where a mission stands, in words (the colour only repeats it). */
export function MissionStateBadge({ state }: { state: MissionState }) {
  const { t } = useTranslation();
  return (
    <Badge color={colorOf[state]} variant="filled" data-state={state} style={{ minWidth: 'max-content' }}>
      {t(`missions.states.${state}`)}
    </Badge>
  );
}
