import { useTranslation } from 'react-i18next';
import { TokenPasswordForm } from './TokenPasswordForm.tsx';

/** Landing page of the password-reset e-mail's link. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  return (
    <TokenPasswordForm
      endpoint="/auth/password-reset/confirm"
      title={t('reset.title')}
      intro={t('reset.intro')}
      submitLabel={t('reset.submit')}
      successText={t('reset.success')}
    />
  );
}

/** Landing page of an invitation e-mail's link: the invited person chooses a password. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  return (
    <TokenPasswordForm
      endpoint="/auth/invitations/accept"
      title={t('invitation.title')}
      intro={t('invitation.intro')}
      submitLabel={t('invitation.submit')}
      successText={t('invitation.success')}
    />
  );
}
