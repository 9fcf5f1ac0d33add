import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataState } from '../shell/DataState.tsx';
import { Page } from '../shell/Page.tsx';
import { ConsentsCard } from './ConsentsCard.tsx';
import { DataRightsCard } from './DataRightsCard.tsx';
import { useProfile } from './useProfile.ts';

/** Consents, the data download and account erasure, in one place the expert can find from their profile. */
export function PrivacyPage() {
  const { t } = useTranslation();
  const profile = useProfile();
  return (
    <Page title={t('privacy.title')}>
      <Text>{t('privacy.intro')}</Text>
      <DataState isPending={profile.isPending} error={profile.error} isEmpty={false} emptyText="">
        {profile.data && <ConsentsCard profile={profile.data} />}
      </DataState>
      <DataRightsCard />
      <Anchor component={Link} to="/profile" size="sm">
        {t('privacy.backToProfile')}
      </Anchor>
    </Page>
  );
}

/** Shown once, after erasure, to a visitor who is no longer signed in. */
export function ErasedPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('privacy.erased.title')} narrow>
      <Text data-testid="erased">{t('privacy.erased.body')}</Text>
      <Anchor component={Link} to="/sign-in">
        {t('nav.signIn')}
      </Anchor>
    </Page>
  );
}
