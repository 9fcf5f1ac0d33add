import { Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../api/errors.tsx';
import { formatDateTime, formatDay, intlLocale } from '../shell/format.ts';
import { Page } from '../shell/Page.tsx';
import { Loading } from '../shell/RequireAuth.tsx';
import { AgreementCard } from './AgreementCard.tsx';
import { getMission, missionKey } from './api.ts';
import { ChecklistCard } from './ChecklistCard.tsx';
import { HistoryCard } from './HistoryCard.tsx';
import { MissionStateBadge } from './MissionStateBadge.tsx';
import { MovesBar } from './MovesBar.tsx';
import { RescheduleButton } from './RescheduleDialog.tsx';
import { CostsPanel } from './panels/CostsPanel.tsx';
import { EvaluationPanel } from './panels/EvaluationPanel.tsx';
import { FollowUpPanel } from './panels/FollowUpPanel.tsx';
import { ReportPanel } from './panels/ReportPanel.tsx';
import { SessionsPanel } from './panels/SessionsPanel.tsx';
import { SurveysPanel } from './panels/SurveysPanel.tsx';
import type { Mission } from './types.ts';

/** One fact of the header: a term and its value, read as a pair by screen readers. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** A country's name in the interface's language (`MA` → Maroc, المغرب), its code if the browser cannot say. */
function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Who, what, where and when: the mission's facts as a definition list. */
function MissionFacts({ mission }: { mission: Mission }) {
  const { t, i18n } = useTranslation();
  // The expert reaches the ToR through its public call; staff and the host through the ToR itself.
  const torPath = mission.actions.includes('mission.agreement.accept')
    ? `/calls/${mission.tor.id}`
    : `/assignments/${mission.tor.id}`;
  const { hostContact } = mission;
  const place =
    mission.modality === 'online'
      ? null
      : [mission.city, countryName(mission.country, i18n.language)]
          .filter(Boolean)
          .join(i18n.language === 'ar' ? '، ' : ', ');
  return (
    <Paper withBorder p="md" component="section" aria-label={t('missions.facts.title')}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" spacing="sm" m={0}>
        <Fact term={t('missions.facts.tor')}>
          <Anchor component={Link} to={torPath} display="block">
            <bdi>{mission.tor.reference}</bdi>
          </Anchor>
          {mission.tor.title}
        </Fact>
        <Fact term={t('missions.facts.host')}>{mission.host.name}</Fact>
        <Fact term={t('missions.facts.expert')}>
          <bdi>{mission.expert.name}</bdi>
        </Fact>
        <Fact term={t('missions.facts.dates')}>
          {t('missions.dateRange', {
            start: formatDay(mission.startsOn, i18n.language),
            end: formatDay(mission.endsOn, i18n.language),
          })}
        </Fact>
        <Fact term={t('missions.facts.workingDays')}>{mission.workingDays}</Fact>
        <Fact term={t('missions.facts.modality')}>
          {t(`missions.modalities.${mission.modality}`)}
          {place ? ` · ${place}` : ''}
        </Fact>
        <Fact term={t('missions.facts.hostContact')}>
          <Stack gap={0}>
            <bdi>{hostContact.name}</bdi>
            {hostContact.email && (
              <Anchor href={`mailto:${hostContact.email}`} size="sm">
                <bdi>{hostContact.email}</bdi>
              </Anchor>
            )}
            {hostContact.phone && (
              <Anchor href={`tel:${hostContact.phone.replace(/\s+/g, '')}`} size="sm" dir="ltr">
                {hostContact.phone}
              </Anchor>
            )}
          </Stack>
        </Fact>
        {mission.closedAt && (
          <Fact term={t('missions.facts.closedAt')}>{formatDateTime(mission.closedAt, i18n.language)}</Fact>
        )}
        {mission.cancelReason && (
          <Fact term={t('missions.facts.cancelReason')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{mission.cancelReason}</span>
          </Fact>
        )}
      </SimpleGrid>
    </Paper>
  );
}

/**
 * One mission: its facts, the moves the reader may make, the agreement, the logistics checklist and the history,
 * then the panels of costs, sessions, report, evaluation and surveys.
 */
export function MissionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useQuery({ queryKey: missionKey(id), queryFn: () => getMission(id) });
  const mission = query.data;
  // A panel's change (a report submitted, a checklist ticked) may move the mission: read it again.
  const refresh = () => void query.refetch();
  if (!mission) {
    return (
      <Page title={t('missions.page.loadingTitle')}>
        {query.isPending ? <Loading /> : <ErrorAlert error={query.error} />}
        <Anchor component={Link} to="/missions">
          {t('missions.page.backToList')}
        </Anchor>
      </Page>
    );
  }
  return (
    <Page title={t('missions.page.title', { reference: mission.reference })}>
      <Group gap="sm">
        <MissionStateBadge state={mission.state} />
        <Anchor component={Link} to="/missions" size="sm">
          {t('missions.page.backToList')}
        </Anchor>
      </Group>
      <MissionFacts mission={mission} />
      <MovesBar mission={mission} />
      <RescheduleButton mission={mission} />
      <AgreementCard mission={mission} />
      <ChecklistCard mission={mission} />
      <SessionsPanel mission={mission} onChanged={refresh} />
      <ReportPanel mission={mission} onChanged={refresh} />
      <EvaluationPanel mission={mission} onChanged={refresh} />
      <SurveysPanel mission={mission} onChanged={refresh} />
      <CostsPanel mission={mission} onChanged={refresh} />
      <FollowUpPanel mission={mission} onChanged={refresh} />
      <HistoryCard history={mission.history} />
    </Page>
  );
}
