import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataState } from '../shell/DataState.tsx';
import { Page } from '../shell/Page.tsx';
import { recommendedCalls } from './api.ts';
import { ScoreBar, ScoreDetails } from './ScoreDetails.tsx';
import { useExplain } from './useExplain.ts';

/** "Calls for you": the open calls ranked for the expert, each fit explained, and why the others are not for them. */
export function RecommendedCallsPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['recommended-calls'], queryFn: recommendedCalls });
  const data = query.data;
  const explain = useExplain(data?.skillLabels ?? {});
  return (
    <Page title={t('matching.forYou.title')}>
      <Text size="sm">{t('matching.forYou.intro')}</Text>
      <DataState
        isPending={query.isPending}
        error={query.error}
        isEmpty={!!data && data.items.length === 0 && data.notForYou.length === 0}
        emptyText={t('matching.forYou.empty')}
      >
        <Stack gap="sm">
          {data?.items.map((entry) => (
            <Card withBorder key={entry.call.id} data-testid="call-for-you">
              <Group justify="space-between" align="start" wrap="nowrap">
                <Anchor component={Link} to={`/calls/${entry.call.id}`} fw={600}>
                  {entry.call.reference} — {entry.call.title}
                </Anchor>
                <ScoreBar score={entry.score} label={t('matching.score')} />
              </Group>
              <ScoreDetails components={entry.components} explain={explain} />
            </Card>
          ))}
          {data && data.notForYou.length > 0 && (
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('matching.forYou.notForYou')}
              </Title>
              {data.notForYou.map((entry) => (
                <Text size="sm" key={entry.call.id} data-testid="call-not-for-you">
                  <Anchor component={Link} to={`/calls/${entry.call.id}`}>
                    {entry.call.reference} — {entry.call.title}
                  </Anchor>{' '}
                  — {entry.reasons.map((reason) => explain.reason(reason)).join(' · ')}
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
      </DataState>
    </Page>
  );
}
