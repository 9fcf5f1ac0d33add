import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useMe, useSetMe } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher.tsx';
import { navItemsFor, publicNavItems } from './nav.ts';
import { VerifyBanner } from './VerifyBanner.tsx';

const headerStyle = {
  borderBlockEnd: '1px solid var(--mantine-color-gray-3)',
  background: 'var(--mantine-color-white)',
} as const;

/** A link that is visually hidden until focused, so keyboard users can jump over the header. */
function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main" className="skip-link">
      {t('app.skipToContent')}
    </a>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => api('POST', '/auth/logout'),
    // Even if the session had already expired, the visitor wants to be signed out locally.
    onSettled: () => {
      setMe(null);
      void navigate('/sign-in');
    },
  });
  return (
    <Button variant="default" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
      {t('nav.signOut')}
    </Button>
  );
}

function MainNav({ me }: { me: Me | null }) {
  const { t } = useTranslation();
  const items = me ? navItemsFor(me) : publicNavItems;
  if (!items.length) return null;
  return (
    <Box component="nav" aria-label={t('nav.label')}>
      <Group gap="xs" component="ul" className="main-nav">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="main-nav-link">
              {t(item.labelKey)}
            </NavLink>
          </li>
        ))}
      </Group>
    </Box>
  );
}

/** Header (brand, navigation, language, account), the e-mail banner, and the page in a `<main>` landmark. */
export function Layout() {
  const { t } = useTranslation();
  const me = useMe().data ?? null;
  return (
    <>
      <SkipLink />
      <Box component="header" style={headerStyle}>
        <Container size="lg" py="sm">
          <Group justify="space-between" gap="sm">
            <Anchor component={Link} to="/" fw={700} size="lg" underline="never" c="blue.9">
              {t('app.name')}
            </Anchor>
            <Group gap="sm">
              <LanguageSwitcher />
              {me ? (
                <>
                  <Text size="sm" data-testid="signed-in-as">
                    {me.user.name}
                  </Text>
                  <SignOutButton />
                </>
              ) : (
                <Anchor component={Link} to="/sign-in" size="sm">
                  {t('nav.signIn')}
                </Anchor>
              )}
            </Group>
          </Group>
          <MainNav me={me} />
        </Container>
      </Box>
      {me && !me.user.emailVerified && <VerifyBanner />}
      <Container size="lg" py="lg" component="main" id="main" tabIndex={-1}>
        <Outlet />
      </Container>
    </>
  );
}
