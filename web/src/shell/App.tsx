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
const ProgrammesPage = lazy(() =>
  import('../programmes/ProgrammesPage.tsx').then((module) => ({ default: module.ProgrammesPage })),
);
const InstitutionsPage = lazy(() =>
  import('../institutions/InstitutionsPage.tsx').then((module) => ({ default: module.InstitutionsPage })),
);
const InstitutionDetailPage = lazy(() =>
  import('../institutions/InstitutionDetailPage.tsx').then((module) => ({ default: module.InstitutionDetailPage })),
);
const MyInstitutionPage = lazy(() =>
  import('../institutions/InstitutionDetailPage.tsx').then((module) => ({ default: module.MyInstitutionPage })),
);
const AssignmentsPage = lazy(() =>
  import('../assignments/AssignmentsPage.tsx').then((module) => ({ default: module.AssignmentsPage })),
);
const AssignmentPage = lazy(() =>
  import('../assignments/AssignmentPage.tsx').then((module) => ({ default: module.AssignmentPage })),
);
const NewAssignmentPage = lazy(() =>
  import('../assignments/AssignmentPage.tsx').then((module) => ({ default: module.NewAssignmentPage })),
);
const CallsPage = lazy(() => import('../calls/CallsPage.tsx').then((module) => ({ default: module.CallsPage })));
const CallPage = lazy(() => import('../calls/CallPage.tsx').then((module) => ({ default: module.CallPage })));
const ApplyPage = lazy(() => import('../applications/ApplyPage.tsx').then((module) => ({ default: module.ApplyPage })));
const MyApplicationsPage = lazy(() =>
  import('../applications/MyApplicationsPage.tsx').then((module) => ({ default: module.MyApplicationsPage })),
);
const CandidatesPage = lazy(() =>
  import('../matching/CandidatesPage.tsx').then((module) => ({ default: module.CandidatesPage })),
);
const AllocationRoundPage = lazy(() =>
  import('../matching/AllocationRoundPage.tsx').then((module) => ({ default: module.AllocationRoundPage })),
);
const VocabularyPage = lazy(() =>
  import('../matching/VocabularyPage.tsx').then((module) => ({ default: module.VocabularyPage })),
);
const RecommendedCallsPage = lazy(() =>
  import('../matching/RecommendedCallsPage.tsx').then((module) => ({ default: module.RecommendedCallsPage })),
);
const ScreeningPage = lazy(() =>
  import('../applications/ScreeningPage.tsx').then((module) => ({ default: module.ScreeningPage })),
);
const ShortlistPage = lazy(() =>
  import('../applications/ShortlistPage.tsx').then((module) => ({ default: module.ShortlistPage })),
);
const MissionsPage = lazy(() =>
  import('../missions/MissionsPage.tsx').then((module) => ({ default: module.MissionsPage })),
);
const MissionPage = lazy(() =>
  import('../missions/MissionPage.tsx').then((module) => ({ default: module.MissionPage })),
);
const NotificationsPage = lazy(() =>
  import('../applications/NotificationsPage.tsx').then((module) => ({ default: module.NotificationsPage })),
);
const DsaRatesPage = lazy(() =>
  import('../missions/pages/DsaRatesPage.tsx').then((module) => ({ default: module.DsaRatesPage })),
);
const InternshipsPage = lazy(() =>
  import('../missions/pages/InternshipsPage.tsx').then((module) => ({ default: module.InternshipsPage })),
);

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
          <Route path="/assignments" element={<RequireAuth>{(me) => <AssignmentsPage me={me} />}</RequireAuth>} />
          <Route path="/assignments/new" element={<RequireAuth>{(me) => <NewAssignmentPage me={me} />}</RequireAuth>} />
          <Route path="/assignments/:id" element={<RequireAuth>{(me) => <AssignmentPage me={me} />}</RequireAuth>} />
          <Route path="/calls" element={<CallsPage />} />
          <Route path="/calls/:id" element={<CallPage />} />
          <Route path="/calls/:id/apply" element={<RequireAuth>{() => <ApplyPage />}</RequireAuth>} />
          <Route path="/my-applications" element={<RequireAuth>{() => <MyApplicationsPage />}</RequireAuth>} />
          <Route path="/assignments/:id/applications" element={<RequireAuth>{() => <ScreeningPage />}</RequireAuth>} />
          <Route path="/assignments/:id/candidates" element={<RequireAuth>{() => <CandidatesPage />}</RequireAuth>} />
          <Route path="/calls-for-you" element={<RequireAuth>{() => <RecommendedCallsPage />}</RequireAuth>} />
          <Route path="/allocation-rounds" element={<RequireAuth>{() => <AllocationRoundPage />}</RequireAuth>} />
          <Route path="/skill-concepts" element={<RequireAuth>{() => <VocabularyPage />}</RequireAuth>} />
          <Route path="/assignments/:id/shortlist" element={<RequireAuth>{() => <ShortlistPage />}</RequireAuth>} />
          <Route path="/missions" element={<RequireAuth>{(me) => <MissionsPage me={me} />}</RequireAuth>} />
          <Route path="/missions/:id" element={<RequireAuth>{() => <MissionPage />}</RequireAuth>} />
          <Route path="/notifications" element={<RequireAuth>{() => <NotificationsPage />}</RequireAuth>} />
          <Route path="/dsa-rates" element={<RequireAuth>{(me) => <DsaRatesPage me={me} />}</RequireAuth>} />
          <Route path="/internships" element={<RequireAuth>{(me) => <InternshipsPage me={me} />}</RequireAuth>} />
          <Route path="/roster" element={<RequireAuth>{() => <RosterPage />}</RequireAuth>} />
          <Route path="/roster/duplicates" element={<RequireAuth>{() => <DuplicatesPage />}</RequireAuth>} />
          <Route path="/roster/import" element={<RequireAuth>{() => <ImportPage />}</RequireAuth>} />
          <Route path="/roster/experts/:id" element={<RequireAuth>{() => <ExpertDetailPage />}</RequireAuth>} />
          <Route path="/programmes" element={<RequireAuth>{() => <ProgrammesPage />}</RequireAuth>} />
          <Route path="/institutions" element={<RequireAuth>{() => <InstitutionsPage />}</RequireAuth>} />
          <Route path="/institutions/:id" element={<RequireAuth>{() => <InstitutionDetailPage />}</RequireAuth>} />
          <Route path="/my-institution" element={<RequireAuth>{() => <MyInstitutionPage />}</RequireAuth>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
