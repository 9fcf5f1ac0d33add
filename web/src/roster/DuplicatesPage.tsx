import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { useMe } from '../api/session.ts';
import type { DuplicatePair, DuplicatePerson, DuplicateReason } from '../experts/types.ts';
import { DataState } from '../shell/DataState.tsx';
import { Page } from '../shell/Page.tsx';
import { MergeDialog, personName } from './staff/MergeDialog.tsx';
import type { MergeResult } from './staff/types.ts';

function listOf(payload: DuplicatePair[] | { items: DuplicatePair[] }): DuplicatePair[] {
  return Array.isArray(payload) ? payload : payload.items;
}

function Person({ person }: { person: DuplicatePerson }) {
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/roster/experts/${person.userId}`} fw={600}>
        {person.firstName} {person.lastName}
      </Anchor>
      {person.nameAr && (
        <Text size="sm" className="name-ar">
          <span lang="ar" dir="rtl">
            {person.nameAr}
          </span>
        </Text>
      )}
    </Stack>
  );
}

/** A reason as a badge; for names, the two spellings behind the match, so staff see why at a glance. */
function Reason({ reason }: { reason: DuplicateReason }) {
  const { t } = useTranslation();
  const key = reason.keys?.[0];
  return (
    <Badge variant="outline" color="blue.9" tt="none">
      {t(`duplicates.reason.${reason.code}`, { defaultValue: reason.code })}
      {reason.code === 'name' && key && (
        <>
          {' · '}
          <bdi>{key.left}</bdi> ≈ <bdi>{key.right}</bdi>
        </>
      )}
    </Badge>
  );
}

/** What a merge did, announced to screen readers and shown until the next merge. */
interface Merged {
  kept: string;
  duplicate: string;
  moved: number;
}

/**
 * Pairs of profiles that are probably one person, with the reasons, for staff to check; programme officers and
 * admins merge a pair from here.
 */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe();
  const canMerge = !!me.data?.allowedActions.includes('expert.merge');
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const [merged, setMerged] = useState<Merged | null>(null);
  const pairs = useQuery({
    queryKey: ['experts', 'duplicates'],
    queryFn: async () => listOf(await api('GET', '/experts/duplicates')),
  });
  const onMerged = (result: MergeResult, kept: DuplicatePerson, duplicate: DuplicatePerson) => {
    setMerging(null);
    setMerged({
      kept: personName(kept),
      duplicate: personName(duplicate),
      moved: Object.values(result.moved).reduce((sum, count) => sum + count, 0),
    });
    // The roster, the profiles and the list all changed.
    return client.invalidateQueries({ queryKey: ['experts'] });
  };
  return (
    <Page title={t('duplicates.title')}>
      <Text>{t('duplicates.intro')}</Text>
      <div role="status">
        {merged && (
          <Alert
            color="green.9"
            title={t('merge.doneTitle')}
            withCloseButton
            onClose={() => setMerged(null)}
            closeButtonLabel={t('common.close')}
            data-testid="merge-done"
          >
            {t('merge.done', { ...merged })}
          </Alert>
        )}
      </div>
      <DataState
        isPending={pairs.isPending}
        error={pairs.error}
        isEmpty={pairs.data?.length === 0}
        emptyText={t('duplicates.empty')}
      >
        <Stack gap="sm" component="ul" className="plain-list" data-testid="duplicates">
          {pairs.data?.map((pair) => (
            <Paper
              key={`${pair.left.userId}-${pair.right.userId}`}
              withBorder
              p="md"
              component="li"
              data-testid="duplicate-pair"
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Person person={pair.left} />
                <Person person={pair.right} />
              </SimpleGrid>
              <Group gap="xs" mt="sm">
                <Text size="sm">{t('duplicates.confidence', { percent: Math.round(pair.confidence * 100) })}</Text>
                <Text size="sm">{t('duplicates.reasons')}</Text>
                {pair.reasons.map((reason) => (
                  <Reason key={reason.code} reason={reason} />
                ))}
                {canMerge && (
                  <Button size="xs" variant="light" ms="auto" onClick={() => setMerging(pair)}>
                    {t('merge.open', { left: personName(pair.left), right: personName(pair.right) })}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      </DataState>
      {merging && <MergeDialog pair={merging} onClose={() => setMerging(null)} onMerged={onMerged} />}
    </Page>
  );
}
