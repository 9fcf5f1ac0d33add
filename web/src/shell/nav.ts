import type { Me } from '../api/types.ts';

export interface NavItem {
  to: string;
  labelKey: string;
  /** Active only on this exact address, not on the pages below it (e.g. "My profile" vs its privacy page). */
  end?: boolean;
}

/** The navigation a user gets, derived from the actions the server says they may take. */
export function navItemsFor(me: Me): NavItem[] {
  if (me.mfaEnrolmentRequired) return [];
  const allowed = new Set(me.allowedActions);
  const items: NavItem[] = [{ to: '/', labelKey: 'nav.home', end: true }];
  const roles = new Set(me.roles.map((grant) => grant.role));
  if (allowed.has('roster.search')) items.push({ to: '/roster', labelKey: 'nav.roster' });
  if (roles.has('expert')) {
    items.push({ to: '/profile', labelKey: 'nav.profile', end: true });
    items.push({ to: '/profile/privacy', labelKey: 'nav.privacy' });
  }
  if (allowed.has('user.list')) items.push({ to: '/admin/users', labelKey: 'nav.users' });
  if (allowed.has('audit.list')) items.push({ to: '/admin/audit', labelKey: 'nav.audit' });
  if (allowed.has('outbox.list')) items.push({ to: '/admin/outbox', labelKey: 'nav.outbox' });
  if (allowed.has('user.invite')) items.push({ to: '/invite', labelKey: 'nav.invite' });
  items.push({ to: '/account', labelKey: 'nav.account' });
  return items;
}
