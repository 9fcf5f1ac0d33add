import { Anchor, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { OutboxMessage, Page, UserRow } from '../api/types.ts';

/** Totals come from the list endpoints' `total`, asking for a single row to keep the calls cheap. */
function useTotal(key: string, path: string, query: Record<string, string | number> = {}) {
  return useQuery({
    queryKey: ['total', key],
    queryFn: () => api<Page<UserRow | OutboxMessage>>('GET', path, undefined, { ...query, pageSize: 1 }),
    select: (page) => page.total,
  });
}

function Shortcut({ to, title, text }: { to: string; title: string; text: string }) {
  return (
    <Paper withBorder p="md">
      <Anchor component={Link} to={to} fw={600}>
        {title}
      </Anchor>
      <Text size="sm" mt={4}>
        {text}
      </Text>
    </Paper>
  );
}

/** The admin's home: the platform's records at a glance, one link each. */
export function AdminShortcuts() {
  const { t } = useTranslation();
  const users = useTotal('users', '/users');
  const failed = useTotal('outbox-failed', '/admin/outbox', { status: 'failed' });
  const pending = useTotal('outbox-pending', '/admin/outbox', { status: 'pending' });
  const dash = '…';
  return (
    <section aria-labelledby="admin-shortcuts" data-testid="admin-shortcuts">
      <Title order={2} size="h4" id="admin-shortcuts" mb="sm">
        {t('home.admin.shortcuts')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Shortcut
          to="/admin/users"
          title={t('nav.users')}
          text={t('home.admin.usersCount', { total: users.data ?? dash })}
        />
        <Shortcut to="/admin/audit" title={t('nav.audit')} text={t('home.admin.auditText')} />
        <Shortcut
          to="/admin/outbox"
          title={t('nav.outbox')}
          text={t('home.admin.outboxCount', { pending: pending.data ?? dash, failed: failed.data ?? dash })}
        />
        <Shortcut to="/invite" title={t('nav.invite')} text={t('home.admin.inviteText')} />
      </SimpleGrid>
    </section>
  );
}
