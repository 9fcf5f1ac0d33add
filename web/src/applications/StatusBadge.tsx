import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { statusColors } from '../shell/statusColors.ts';
import type { ApplicationStatus } from './types.ts';

const colours: Record<ApplicationStatus, string> = {
  submitted: 'blue',
  under_review: 'indigo',
  shortlisted: 'violet',
  // Mantine's light green reads at 3.8:1; the shared darker tone keeps the label at AA.
  selected: statusColors.positive,
  not_selected: 'gray',
  withdrawn: 'gray',
};

/** Where an application stands, in words (the colour only repeats it). */
export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colours[status]} variant="light" data-status={status}>
      {t(`applications.status.${status}`)}
    </Badge>
  );
}
