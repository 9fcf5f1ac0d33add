import { Route, Routes } from 'react-router';
import { AccountPage } from '../account/AccountPage.tsx';
import { AuditPage } from '../admin/AuditPage.tsx';
import { InvitePage } from '../admin/InvitePage.tsx';
import { OutboxPage } from '../admin/OutboxPage.tsx';
import { UsersPage } from '../admin/UsersPage.tsx';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage.tsx';
import { RegisterPage } from '../auth/RegisterPage.tsx';
import { AcceptInvitationPage, ResetPasswordPage } from '../auth/ResetPasswordPage.tsx';
import { SignInPage } from '../auth/SignInPage.tsx';
import { TotpEnrolPage } from '../auth/TotpEnrolPage.tsx';
import { VerifyEmailPage } from '../auth/VerifyEmailPage.tsx';
import { ErasedPage, PrivacyPage } from '../experts/PrivacyPage.tsx';
import { ProfilePage } from '../experts/ProfilePage.tsx';
import { HomePage } from '../home/HomePage.tsx';
import { DuplicatesPage } from '../roster/DuplicatesPage.tsx';
import { ImportPage } from '../roster/import/ImportPage.tsx';
import { ExpertDetailPage } from '../roster/ExpertDetailPage.tsx';
import { RosterPage } from '../roster/RosterPage.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequireAuth, totpPath } from './RequireAuth.tsx';

/** Every page address. Admin pages are guarded here only for sign-in; the server refuses what a role may not see. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/verify-email" element={<VerifyEmailPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
        <Route path={totpPath} element={<RequireAuth>{(me) => <TotpEnrolPage me={me} />}</RequireAuth>} />
        <Route path="/" element={<RequireAuth>{(me) => <HomePage me={me} />}</RequireAuth>} />
        <Route path="/account" element={<RequireAuth>{(me) => <AccountPage me={me} />}</RequireAuth>} />
        <Route path="/invite" element={<RequireAuth>{(me) => <InvitePage me={me} />}</RequireAuth>} />
        <Route path="/admin/users" element={<RequireAuth>{() => <UsersPage />}</RequireAuth>} />
        <Route path="/admin/audit" element={<RequireAuth>{() => <AuditPage />}</RequireAuth>} />
        <Route path="/admin/outbox" element={<RequireAuth>{() => <OutboxPage />}</RequireAuth>} />
        <Route path="/profile" element={<RequireAuth>{() => <ProfilePage />}</RequireAuth>} />
        <Route path="/profile/privacy" element={<RequireAuth>{() => <PrivacyPage />}</RequireAuth>} />
        <Route path="/account-erased" element={<ErasedPage />} />
        <Route path="/roster" element={<RequireAuth>{() => <RosterPage />}</RequireAuth>} />
        <Route path="/roster/duplicates" element={<RequireAuth>{() => <DuplicatesPage />}</RequireAuth>} />
        <Route path="/roster/import" element={<RequireAuth>{() => <ImportPage />}</RequireAuth>} />
        <Route path="/roster/experts/:id" element={<RequireAuth>{() => <ExpertDetailPage />}</RequireAuth>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
