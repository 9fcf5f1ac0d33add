import { adminOnly, anyUser, auth, everyone, no, ok, type Row } from './types.ts';

/** Every route but the web app's files (listed from dist/web below). HEAD routes follow their GET row. */
/** The platform's own routes: health, docs, identity, administration, reference lists. */
export const platformRoutes: Record<string, Row> = {
  'GET /healthz': { expect: everyone },
  'GET /api/openapi.json': { expect: everyone },
  'GET /api/docs': { expect: everyone },
  'GET /api/docs/': { expect: everyone },
  'GET /api/docs/static/index.html': { expect: everyone },
  'GET /api/docs/static/swagger-initializer.js': { expect: everyone },
  'GET /api/docs/static/*': { expect: everyone },
  'GET /api/docs/json': { expect: everyone },
  'GET /api/docs/yaml': { expect: everyone },
  // Public forms: an empty body is refused by validation (400), which is all a walk may safely do to them.
  'POST /api/auth/register': { expect: everyone },
  'POST /api/auth/login': { expect: everyone },
  'POST /api/auth/verify-email': { expect: everyone },
  'POST /api/auth/password-reset': { expect: everyone, body: { email: 'nobody@walk.example' } },
  'POST /api/auth/password-reset/confirm': { expect: everyone },
  'POST /api/auth/invitations/accept': { expect: everyone },
  'POST /api/auth/logout': { expect: anyUser, ownSession: true },
  'POST /api/auth/verify-email/resend': { expect: anyUser },
  'POST /api/auth/totp/setup': { expect: anyUser },
  // A well-formed but wrong code answers 401 totp_invalid (see the report); a malformed one stops at validation.
  'POST /api/auth/totp/enable': { expect: anyUser, body: { code: 'abc' } },
  'GET /api/me': { expect: anyUser },
  'PATCH /api/me': { expect: anyUser, body: { locale: 'fr' } },
  'POST /api/me/password': {
    expect: anyUser,
    body: { currentPassword: 'passerelle-demo', newPassword: 'passerelle-demo' },
  },
  'POST /api/invitations': {
    expect: [auth, ok, ok, no, no, no, no],
    body: { email: 'invited.donor@walk.example', name: 'Walk Donor', role: 'donor' },
  },
  'GET /api/users': { expect: adminOnly },
  'GET /api/audit-events': { expect: adminOnly },
  'GET /api/admin/outbox': { expect: adminOnly },
  'POST /api/admin/outbox/:id/retry': { expect: adminOnly },
};
