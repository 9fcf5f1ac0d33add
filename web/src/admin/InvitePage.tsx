import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { roles, type Me, type Role } from '../api/types.ts';
import { Page } from '../shell/Page.tsx';
import { InviteForm } from './InviteForm.tsx';

/**
 * The invitation page reached from the navigation, or from an institution's page with `?role=focal_point&
 * institutionId=…` so that the form starts with that institution chosen.
 */
export function InvitePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const role = params.get('role');
  return (
    <Page title={t('invite.title')}>
      <Text>{t('invite.intro')}</Text>
      <InviteForm
        me={me}
        defaultRole={roles.includes(role as Role) ? (role as Role) : undefined}
        defaultInstitutionId={params.get('institutionId') ?? undefined}
      />
    </Page>
  );
}
