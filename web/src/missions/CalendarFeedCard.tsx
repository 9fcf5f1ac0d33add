import { Alert, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../api/errors.tsx';
import { ConfirmDialog } from '../applications/ConfirmDialog.tsx';
import { formatDateTime } from '../shell/format.ts';
import { calendarFeedKey, createCalendarFeed, getCalendarFeed, revokeCalendarFeed } from './api.ts';

type Asked = 'regenerate' | 'revoke' | null;

/**
 * The reader's calendar feed: one secret address their calendar application subscribes to (missions and
 * sessions). The address is shown once, when made; regenerating replaces it and revoking ends it, and either way
 * the old address stops working.
 */
export function CalendarFeedCard() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const feed = useQuery({ queryKey: calendarFeedKey, queryFn: getCalendarFeed });
  const [url, setUrl] = useState<string | null>(null);
  const [asked, setAsked] = useState<Asked>(null);
  const create = useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: async (created) => {
      setAsked(null);
      setUrl(created.url);
      await client.invalidateQueries({ queryKey: calendarFeedKey });
    },
  });
  const revoke = useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: async () => {
      setAsked(null);
      setUrl(null);
      await client.invalidateQueries({ queryKey: calendarFeedKey });
    },
  });
  const active = feed.data?.active ?? false;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-feed-heading">
      <Title order={2} size="h4" id="calendar-feed-heading" mb="sm">
        {t('missions.calendar.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('missions.calendar.intro')}</Text>
        <ErrorAlert error={feed.error ?? (asked ? null : (create.error ?? revoke.error))} />
        <div aria-live="polite">
          {url && (
            <Alert color="blue" title={t('missions.calendar.createdTitle')} data-testid="calendar-feed-url">
              <Stack gap="xs">
                <Text size="sm">{t('missions.calendar.shownOnce')}</Text>
                <Group gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t('missions.calendar.address')}
                    value={url}
                    readOnly
                    dir="ltr"
                    style={{ flex: 1 }}
                    onFocus={(event) => event.currentTarget.select()}
                  />
                  <CopyButton value={url}>
                    {({ copied, copy }) => (
                      <Button variant={copied ? 'light' : 'filled'} onClick={copy}>
                        {copied ? t('missions.calendar.copied') : t('missions.calendar.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
                <Text size="xs">{t('missions.calendar.howTo')}</Text>
              </Stack>
            </Alert>
          )}
        </div>
        {feed.data && (
          <Text size="sm" data-testid="calendar-feed-status">
            {active && feed.data.createdAt
              ? t('missions.calendar.activeSince', { date: formatDateTime(feed.data.createdAt, i18n.language) })
              : t('missions.calendar.none')}
          </Text>
        )}
        {feed.data && (
          <Group gap="sm">
            {active ? (
              <>
                <Button variant="default" onClick={() => setAsked('regenerate')}>
                  {t('missions.calendar.regenerate')}
                </Button>
                <Button variant="default" color="red.9" onClick={() => setAsked('revoke')}>
                  {t('missions.calendar.revoke')}
                </Button>
              </>
            ) : (
              <Button loading={create.isPending} onClick={() => create.mutate()}>
                {t('missions.calendar.create')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ConfirmDialog
        key={asked ?? 'none'}
        opened={asked !== null}
        title={asked === 'revoke' ? t('missions.calendar.revoke') : t('missions.calendar.regenerate')}
        body={asked === 'revoke' ? t('missions.calendar.revokeConfirm') : t('missions.calendar.regenerateConfirm')}
        confirmLabel={asked === 'revoke' ? t('missions.calendar.revoke') : t('missions.calendar.regenerate')}
        danger
        pending={create.isPending || revoke.isPending}
        error={asked === 'revoke' ? revoke.error : create.error}
        onClose={() => setAsked(null)}
        onConfirm={() => (asked === 'revoke' ? revoke.mutate() : create.mutate())}
      />
    </Paper>
  );
}
