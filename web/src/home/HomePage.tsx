import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Grant, Me, Role } from '../api/types.ts';
import { InviteForm } from '../admin/InviteForm.tsx';
import { Page } from '../shell/Page.tsx';
import { AdminShortcuts } from './AdminShortcuts.tsx';

/** Which role's home to show when someone holds several: the one with the widest reach first. */
const precedence: Role[] = ['admin', 'programme_officer', 'me_officer', 'focal_point', 'donor', 'expert'];

/** The role a user's home is built around. */
export function primaryRole(me: Me): Role {
  return precedence.find((role) => me.roles.some((grant) => grant.role === role)) ?? 'expert';
}

function ScopeLine({ grant }: { grant: Grant }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (grant.institution) parts.push(t('home.scopeInstitution', { name: grant.institution.name }));
  if (grant.programme) parts.push(t('home.scopeProgramme', { name: grant.programme.name }));
  return <Text data-testid="scope">{parts.length ? parts.join(' · ') : t(`home.${grant.role}.scopeAll`)}</Text>;
}

function RoleCard({ grant }: { grant: Grant }) {
  const { t } = useTranslation();
  const abilities = t(`home.${grant.role}.abilities`, { returnObjects: true }) as string[];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`role-${grant.role}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={2} size="h4" id={`role-${grant.role}`}>
            {t('home.yourRole')}
          </Title>
          <Badge variant="outline" color="blue" data-testid="role-badge">
            {t(`roles.${grant.role}`)}
          </Badge>
        </Group>
        <ScopeLine grant={grant} />
        <Text>{t(`home.${grant.role}.intro`)}</Text>
        <Title order={3} size="h5">
          {t('home.canDo')}
        </Title>
        <List spacing={4}>
          {abilities.map((ability) => (
            <List.Item key={ability}>{ability}</List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}

/** The signed-in home: who you are, where your role applies, what the platform lets you do, and a first task. */
export function HomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const role = primaryRole(me);
  return (
    <Page title={t(`home.${role}.title`)}>
      <Text size="lg" data-testid="greeting">
        {t('home.greeting', { name: me.user.name })}
      </Text>
      {me.roles.map((grant) => (
        <RoleCard key={`${grant.role}-${grant.institution?.id ?? ''}-${grant.programme?.id ?? ''}`} grant={grant} />
      ))}
      {role === 'admin' && <AdminShortcuts />}
      {role === 'programme_officer' && (
        <Paper withBorder p="md" component="section" aria-labelledby="invite-focal-point">
          <Title order={2} size="h4" id="invite-focal-point" mb="xs">
            {t('home.programme_officer.inviteTitle')}
          </Title>
          <Text mb="sm">{t('home.programme_officer.inviteIntro')}</Text>
          <InviteForm me={me} defaultRole="focal_point" />
        </Paper>
      )}
      {role !== 'admin' && role !== 'programme_officer' && <Text>{t('home.comingSoon')}</Text>}
    </Page>
  );
}
