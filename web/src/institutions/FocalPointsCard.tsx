import { Anchor, Badge, Group, List, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { DataState } from '../shell/DataState.tsx';
import { statusColors } from '../shell/statusColors.ts';
import { institutionKeys, type FocalPoint, type InstitutionView } from './types.ts';

const statusColor = { active: statusColors.positive, invited: statusColors.pending, disabled: statusColors.neutral };

/**
 * The people who represent the institution. Staff see their addresses and may invite another one through the
 * invitation page, with the role and institution in the address.
 */
export function FocalPointsCard({ institution }: { institution: InstitutionView }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: institutionKeys.focalPoints(institution.id),
    queryFn: () =>
      api<{ items: FocalPoint[] }>('GET', `/institutions/${encodeURIComponent(institution.id)}/focal-points`),
  });
  const invite = `/invite?${new URLSearchParams({ role: 'focal_point', institutionId: institution.id })}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="focal-points-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="focal-points-title">
          {t('institutions.focalPoints.title')}
        </Title>
        {institution.allowedActions.includes('focal_point.invite') && (
          <Anchor component={Link} to={invite} data-testid="invite-focal-point">
            {t('institutions.focalPoints.invite')}
          </Anchor>
        )}
      </Group>
      <DataState
        isPending={query.isPending}
        error={query.error}
        isEmpty={query.data?.items.length === 0}
        emptyText={t('institutions.focalPoints.empty')}
      >
        <List listStyleType="none" spacing="xs" data-testid="focal-points">
          {query.data?.items.map((person) => (
            <List.Item key={person.id}>
              <Group gap="xs">
                <Text fw={600}>{person.name}</Text>
                {person.email && (
                  <Text size="sm" c="dimmed">
                    <bdi>{person.email}</bdi>
                  </Text>
                )}
                <Badge color={statusColor[person.status]}>
                  {t(`institutions.focalPoints.statuses.${person.status}`)}
                </Badge>
              </Group>
            </List.Item>
          ))}
        </List>
      </DataState>
    </Paper>
  );
}
