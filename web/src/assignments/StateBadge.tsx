import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { statusColors } from '../shell/statusColors.ts';
import type { AssignmentState } from './types.ts';

const colorOf: Record<AssignmentState, string> = {
  draft: statusColors.neutral,
  submitted: statusColors.pending,
  returned: statusColors.warning,
  approved: statusColors.positive,
  published: '#1c5a9c',
  closed: statusColors.neutral,
  filled: statusColors.positive,
  completed: statusColors.positive,
  cancelled: statusColors.negative,
};

/** The state of a ToR as a badge, in words (never colour alone). */
export function StateBadge({ state }: { state: AssignmentState }) {
  const { t } = useTranslation();
  return (
    <Badge color={colorOf[state]} variant="filled" data-state={state}>
      {t(`assignments.states.${state}`)}
    </Badge>
  );
}
