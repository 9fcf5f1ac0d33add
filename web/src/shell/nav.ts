import type { Me } from '../api/types.ts';

export interface NavItem {
  to: string;
  labelKey: string;
  /** Active only on this exact address, not on the pages below it (e.g. "My profile" vs its privacy page). */
  end?: boolean;
}

/** Pages anyone may open, signed in or not: anonymous visitors get these alone. */
export const publicNavItems: NavItem[] = [{ to: '/calls', labelKey: 'calls.nav' }];

/** The navigation a user gets, derived from the actions the server says they may take. */
export function navItemsFor(me: Me): NavItem[] {
  if (me.mfaEnrolmentRequired) return [];
  const allowed = new Set(me.allowedActions);
  const items: NavItem[] = [{ to: '/', labelKey: 'nav.home', end: true }, ...publicNavItems];
  const roles = new Set(me.roles.map((grant) => grant.role));
  if (allowed.has('roster.search')) items.push({ to: '/roster', labelKey: 'nav.roster' });
  if (allowed.has('programme.browse')) items.push({ to: '/programmes', labelKey: 'institutions.nav.programmes' });
  if (allowed.has('institution.browse')) items.push({ to: '/institutions', labelKey: 'institutions.nav.institutions' });
  else if (allowed.has('institution.own')) items.push({ to: '/my-institution', labelKey: 'institutions.nav.mine' });
  if (allowed.has('assignment.list')) items.push({ to: '/assignments', labelKey: 'assignments.nav' });
  if (allowed.has('mission.list')) items.push({ to: '/missions', labelKey: 'missions.nav' });
  if (allowed.has('matching.rounds')) items.push({ to: '/allocation-rounds', labelKey: 'matching.nav.rounds' });
  if (allowed.has('skill_concept.create')) items.push({ to: '/skill-concepts', labelKey: 'matching.vocabulary.nav' });
  if (allowed.has('dsa_rates.manage')) items.push({ to: '/dsa-rates', labelKey: 'missionReporting.nav.dsaRates' });
  if (allowed.has('internships.manage')) {
    items.push({ to: '/internships', labelKey: 'missionReporting.nav.internships' });
  }
  if (roles.has('expert')) {
    items.push({ to: '/profile', labelKey: 'nav.profile', end: true });
    items.push({ to: '/profile/privacy', labelKey: 'nav.privacy' });
  }
  if (allowed.has('application.apply')) {
    items.push({ to: '/calls-for-you', labelKey: 'matching.nav.forYou' });
    items.push({ to: '/my-applications', labelKey: 'applications.nav.myApplications' });
  }
  if (allowed.has('notifications.read')) {
    items.push({ to: '/notifications', labelKey: 'applications.nav.notifications' });
  }
  if (allowed.has('user.list')) items.push({ to: '/admin/users', labelKey: 'nav.users' });
  if (allowed.has('audit.list')) items.push({ to: '/admin/audit', labelKey: 'nav.audit' });
  if (allowed.has('outbox.list')) items.push({ to: '/admin/outbox', labelKey: 'nav.outbox' });
  if (allowed.has('user.invite')) items.push({ to: '/invite', labelKey: 'nav.invite' });
  items.push({ to: '/account', labelKey: 'nav.account' });
  return items;
}
