import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../api/errors.tsx';
import type { Me } from '../api/types.ts';
import { intlLocale } from '../shell/format.ts';
import type { MissionState } from './types.ts';

/** `GET /api/missions/results`: the figures the strip shows (the server sends more, by modality and country). */
export interface MissionResults {
  /** `institutions`: a focal point's own institutions only. */
  scope: 'all' | 'institutions';
  missions: {
    byState: Record<MissionState, number>;
    experts: number;
    workingDays: number;
    sessions: { held: number; participants: number };
  };
  internships: { byKind: Record<'internship' | 'training', number>; completed: number };
  knowledgeTransferActivities: number;
}

/** The server's permission to read the results, listed in /api/me. */
export const resultsAction = 'mission.results.read';

const figures = [
  ['activities', (r: MissionResults) => r.knowledgeTransferActivities],
  ['closed', (r: MissionResults) => r.missions.byState.closed],
  ['inProgress', (r: MissionResults) => r.missions.byState.in_progress],
  ['experts', (r: MissionResults) => r.missions.experts],
  ['workingDays', (r: MissionResults) => r.missions.workingDays],
  ['internships', (r: MissionResults) => r.internships.byKind.internship + r.internships.byKind.training],
  ['participants', (r: MissionResults) => r.missions.sessions.participants],
] as const;

/**
 * The knowledge-transfer results of a programme (every programme the reader sees when none is chosen): a strip of
 * key figures above the missions and the internships. Nothing shows for readers without the results (experts).
 */
export function ResultsCard({ me, programmeId }: { me: Me; programmeId: string | null }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const allowed = me.allowedActions.includes(resultsAction);
  const results = useQuery({
    queryKey: ['mission-results', programmeId ?? ''],
    queryFn: () => api<MissionResults>('GET', '/missions/results', undefined, { programmeId }),
    enabled: allowed,
  });
  if (!allowed) return null;
  const number = new Intl.NumberFormat(intlLocale(i18n.language));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="mission-results">
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('missions.results.title')}
      </Title>
      {results.data?.scope === 'institutions' && (
        <Text size="sm" mb="xs">
          {t('missions.results.ownInstitutions')}
        </Text>
      )}
      <ErrorAlert error={results.error} />
      {results.data && (
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} component="dl" spacing="sm" m={0}>
          {figures.map(([key, value]) => (
            <div key={key} data-figure={key}>
              <Text component="dt" size="sm">
                {t(`missions.results.${key}`)}
              </Text>
              <Text component="dd" m={0} fw={700} size="xl">
                {number.format(value(results.data))}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
