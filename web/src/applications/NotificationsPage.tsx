import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataState } from '../shell/DataState.tsx';
import { formatDateTime } from '../shell/format.ts';
import { Page } from '../shell/Page.tsx';
import { Pager } from '../shell/Pager.tsx';
import { markRead, notices, noticesKey } from './api.ts';
import type { Notice } from './types.ts';

/** A notice in words: its kind is translated with its parameters; an unknown kind still says something. */
function NoticeText({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const key = `applications.notices.${notice.kind.replaceAll('.', '_')}`;
  return <Text size="sm">{t(key, { ...notice.params, defaultValue: t('applications.notices.other') })}</Text>;
}

/** The signed-in user's in-app notices, newest first, with "mark as read". */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: [...noticesKey, page], queryFn: () => notices(page) });
  const read = useMutation({
    mutationFn: (id: string) => markRead(id),
    onSuccess: () => client.invalidateQueries({ queryKey: noticesKey }),
  });
  return (
    <Page title={t('applications.notices.title')}>
      <DataState
        isPending={list.isPending}
        error={list.error}
        isEmpty={list.data?.total === 0}
        emptyText={t('applications.notices.empty')}
      >
        <Stack gap="xs">
          {list.data?.items.map((notice) => (
            <Card withBorder key={notice.id} data-testid="notice">
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <NoticeText notice={notice} />
                  <Text size="xs" c="dimmed">
                    {formatDateTime(notice.createdAt, i18n.language)}
                  </Text>
                  {notice.link && (
                    <Anchor
                      component={Link}
                      to={notice.link}
                      size="xs"
                      onClick={() => !notice.readAt && read.mutate(notice.id)}
                    >
                      {t('applications.notices.open')}
                    </Anchor>
                  )}
                </Stack>
                {notice.readAt ? (
                  <Badge variant="light" color="gray">
                    {t('applications.notices.read')}
                  </Badge>
                ) : (
                  <Button size="compact-xs" variant="default" onClick={() => read.mutate(notice.id)}>
                    {t('applications.notices.markRead')}
                  </Button>
                )}
              </Group>
            </Card>
          ))}
          {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} />}
        </Stack>
      </DataState>
    </Page>
  );
}
