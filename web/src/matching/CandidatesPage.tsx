import { Anchor, Badge, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataState } from '../shell/DataState.tsx';
import { Page } from '../shell/Page.tsx';
import { candidates } from './api.ts';
import { ScoreBar, ScoreDetails } from './ScoreDetails.tsx';
import { useExplain } from './useExplain.ts';

const limits = ['10', '20', '50', '100'];

/**
 * Staff's view of who in the roster fits a ToR: the best candidates with every part of their score explained,
 * then who the hard filters keep off and why — so a ranking can be checked, not only trusted.
 */
export function CandidatesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [limit, setLimit] = useState('20');
  const query = useQuery({ queryKey: ['candidates', id, limit], queryFn: () => candidates(id, Number(limit)) });
  const data = query.data;
  const explain = useExplain(data?.skillLabels ?? {});
  const title = data
    ? `${data.assignment.reference} · ${t('matching.candidates.title')}`
    : t('matching.candidates.title');
  return (
    <Page title={title}>
      <Group justify="space-between" wrap="wrap" align="end">
        <Text size="sm">{data?.assignment.title}</Text>
        <NativeSelect
          label={t('matching.candidates.limit')}
          value={limit}
          onChange={(event) => setLimit(event.currentTarget.value)}
          data={limits}
        />
      </Group>
      <DataState
        isPending={query.isPending}
        error={query.error}
        isEmpty={!!data && data.ranked.length === 0 && data.excludedTotal === 0}
        emptyText={t('matching.candidates.empty')}
      >
        <Stack gap="sm">
          {data?.ranked.length === 0 && <Text>{t('matching.candidates.noneFits')}</Text>}
          {data?.ranked.map((entry, index) => (
            <Card withBorder key={entry.expert.id} data-testid="candidate">
              <Group justify="space-between" align="start" wrap="nowrap">
                <Stack gap={2}>
                  <Anchor component={Link} to={`/roster/experts/${entry.expert.id}`} fw={600}>
                    {index + 1}. {entry.expert.name}
                  </Anchor>
                  {entry.expert.headline && <Text size="sm">{entry.expert.headline}</Text>}
                </Stack>
                <ScoreBar score={entry.score} label={t('matching.score')} />
              </Group>
              <ScoreDetails components={entry.components} explain={explain} />
            </Card>
          ))}
          {data && data.excludedTotal > 0 && (
            <Stack gap="xs" data-testid="excluded">
              <Title order={2} size="h4">
                {t('matching.candidates.excludedTitle', { count: data.excludedTotal })}
              </Title>
              <Group gap="xs">
                {Object.entries(data.excludedByReason).map(([code, count]) => (
                  <Badge key={code} variant="light" color="gray">
                    {t(`matching.reasonNames.${code.replaceAll('.', '_')}`)} · {count}
                  </Badge>
                ))}
              </Group>
              {data.excluded.map((entry) => (
                <Text size="sm" key={entry.expert.id}>
                  <Text span fw={600}>
                    {entry.expert.name || t('matching.candidates.erasedName')}
                  </Text>{' '}
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
