/** The six roles of the platform, as the server names them. */
export const roles = ['admin', 'programme_officer', 'me_officer', 'focal_point', 'expert', 'donor'] as const;
export type Role = (typeof roles)[number];

/** Roles that must use a second factor. */
export const staffRoles: readonly Role[] = ['admin', 'programme_officer', 'me_officer'];

export interface Grant {
  role: Role;
  programme: { id: string; name: string } | null;
  institution: { id: string; name: string } | null;
}

/** `GET /api/me`. */
export interface Me {
  user: {
    id: string;
    email: string;
    name: string;
    locale: string;
    emailVerified: boolean;
    totpEnabled: boolean;
  };
  roles: Grant[];
  mfaEnrolmentRequired: boolean;
  allowedActions: string[];
}

/** The envelope of every paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Sort orders `GET /api/users` accepts; a leading minus reverses. */
export const userSorts = ['name', '-name', 'email', '-email', '-createdAt', 'createdAt'] as const;

/** Account statuses as the server stores them. */
export const userStatuses = ['active', 'invited', 'disabled'] as const;

export interface UserRow {
  id: string;
  email: string;
  name: string;
  status: string;
  locale: string;
  roles: Role[];
  emailVerified: boolean;
  totpEnabled: boolean;
  createdAt: string;
}

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: unknown;
  ip: string | null;
}

export const outboxStatuses = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export interface OutboxMessage {
  id: string;
  toAddress: string;
  locale: string;
  template: string;
  subject: string;
  textBody: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface Institution {
  id: string;
  kind: string;
  type: string;
  nameFr: string;
  nameAr: string | null;
  nameEn: string | null;
  country: string;
}

export interface Programme {
  id: string;
  code: string;
  name: string;
  status: string;
}

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}
