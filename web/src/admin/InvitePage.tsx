import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types.ts';
import { Page } from '../shell/Page.tsx';
import { InviteForm } from './InviteForm.tsx';

/** The invitation page reached from the navigation. */
export function InvitePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Page title={t('invite.title')}>
      <Text>{t('invite.intro')}</Text>
      <InviteForm me={me} />
    </Page>
  );
}
