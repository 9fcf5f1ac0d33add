import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage.tsx';
import { RegisterPage } from '../auth/RegisterPage.tsx';
import { AcceptInvitationPage, ResetPasswordPage } from '../auth/ResetPasswordPage.tsx';
import { SignInPage } from '../auth/SignInPage.tsx';
import { VerifyEmailPage } from '../auth/VerifyEmailPage.tsx';
import { ErasedPage, PrivacyPage } from '../experts/PrivacyPage.tsx';
import { HomePage } from '../home/HomePage.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Loading, RequireAuth, totpPath } from './RequireAuth.tsx';

/** Pages most visitors never open load on first use, so signing in downloads less (slow connections). */
const AccountPage = lazy(() =>
  import('../account/AccountPage.tsx').then((module) => ({ default: module.AccountPage })),
);
const AuditPage = lazy(() => import('../admin/AuditPage.tsx').then((module) => ({ default: module.AuditPage })));
const InvitePage = lazy(() => import('../admin/InvitePage.tsx').then((module) => ({ default: module.InvitePage })));
const OutboxPage = lazy(() => import('../admin/OutboxPage.tsx').then((module) => ({ default: module.OutboxPage })));
const UsersPage = lazy(() => import('../admin/UsersPage.tsx').then((module) => ({ default: module.UsersPage })));
const TotpEnrolPage = lazy(() =>
  import('../auth/TotpEnrolPage.tsx').then((module) => ({ default: module.TotpEnrolPage })),
);
const ProfilePage = lazy(() =>
  import('../experts/ProfilePage.tsx').then((module) => ({ default: module.ProfilePage })),
);
const DuplicatesPage = lazy(() =>
  import('../roster/DuplicatesPage.tsx').then((module) => ({ default: module.DuplicatesPage })),
);
const ImportPage = lazy(() =>
  import('../roster/import/ImportPage.tsx').then((module) => ({ default: module.ImportPage })),
);
const ExpertDetailPage = lazy(() =>
  import('../roster/ExpertDetailPage.tsx').then((module) => ({ default: module.ExpertDetailPage })),
);
const RosterPage = lazy(() => import('../roster/RosterPage.tsx').then((module) => ({ default: module.RosterPage })));

/** Every page address. Admin pages are guarded here only for sign-in; the server refuses what a role may not see. */
export function App() {
  return (
    <Suspense fallback={<Loading />}>
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
    </Suspense>
  );
}
