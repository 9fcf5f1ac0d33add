/**
 * The access table of the route walk (test/http/route-walk.test.ts), one file per module under this folder: for
 * each route, the outcome expected for each kind of caller.
 */
export const callers = [
  'anonymous',
  'admin',
  'programme_officer',
  'me_officer',
  'focal_point',
  'expert',
  'donor',
] as const;
export type Caller = (typeof callers)[number];

/** ok: not 401/403 (400, 404, 409 are fine: access was granted). no: 403 or 404. auth: 401 unauthenticated. */
export type Outcome = 'ok' | 'no' | 'auth';
export const ok = 'ok' as const;
export const no = 'no' as const;
export const auth = 'auth' as const;

export interface Row {
  /** Columns in the order of `callers`: anonymous, admin, programme_officer, me_officer, focal_point, expert, donor. */
  expect: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
  /** A valid, harmless body: it must pass validation so that a refusal comes from the policy, not from zod. */
  body?: Record<string, unknown>;
  /** Use a session made for this request alone (the request ends it). */
  ownSession?: boolean;
}

export const everyone: Row['expect'] = [ok, ok, ok, ok, ok, ok, ok];
export const anyUser: Row['expect'] = [auth, ok, ok, ok, ok, ok, ok];
export const adminOnly: Row['expect'] = [auth, ok, no, no, no, no, no];
