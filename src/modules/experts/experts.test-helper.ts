import type { TestApp } from '../../../test/helpers/app.ts';
import { sessionCookieOf } from '../../../test/helpers/app.ts';
import { demoTotpSecret } from '../../demo/load.ts';

/** A fresh expert registered through the API; returns their session cookie and id. */
export async function registerExpert(
  t: TestApp,
  name: string,
  email: string,
  password = 'a long enough password',
): Promise<{ cookie: string; id: string; email: string; password: string }> {
  const response = await t.request({
    method: 'POST',
    url: '/api/auth/register',
    payload: { name, email, password, consentToProcessing: true },
  });
  if (response.statusCode !== 201) throw new Error(`register ${email}: ${response.statusCode} ${response.body}`);
  return { cookie: sessionCookieOf(response), id: response.json().user.id, email, password };
}

/** Signs in a demo account (staff with their second factor). */
export function signInDemo(t: TestApp, role: 'admin' | 'officer' | 'me' | 'focal.point' | 'expert' | 'donor') {
  const staff = role === 'admin' || role === 'officer' || role === 'me';
  return t.login(`${role}@passerelle.example`, undefined, staff ? demoTotpSecret : undefined);
}
