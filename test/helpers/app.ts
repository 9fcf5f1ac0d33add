import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { demoTotpSecret } from '../../src/demo/load.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export const origin = 'http://localhost:3000';

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  /** A request from the web app's origin, JSON body, optional session cookie. */
  request(options: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  /** Signs in and returns the session cookie (`name=value`). */
  login(email: string, password?: string, totpSecret?: string): Promise<string>;
  close(): Promise<void>;
}

/** The current code for a base32 secret, as an authenticator app would show it. */
export function totpCode(secret: string = demoTotpSecret): string {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }).generate();
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'passerelle_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}

/** The whole app on a fresh database, optionally with the demo data loaded. */
export async function createTestApp({
  demo = false,
  env = {},
}: { demo?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  const testDatabase = await createTestDatabase({ demo });
  const config = { ...loadConfig({ PUBLIC_URL: origin, ...env }) };
  const app = await buildApp({ database: testDatabase.database, config });
  await app.ready();
  const request: TestApp['request'] = ({ cookie, headers, ...options }) =>
    app.inject({ ...options, headers: { origin, ...(cookie ? { cookie } : {}), ...headers } });
  return {
    ...testDatabase,
    app,
    request,
    async login(email, password = 'passerelle-demo', totpSecret) {
      const response = await request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password, ...(totpSecret ? { totp: totpCode(totpSecret) } : {}) },
      });
      if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
      return sessionCookieOf(response);
    },
    async close() {
      await app.close();
      await testDatabase.drop();
    },
  };
}
