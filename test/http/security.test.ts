import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, origin, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let expertCookie: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  expertCookie = await t.login('expert@passerelle.example');
});
afterAll(() => t.close());

const patchMe = (headers: Record<string, string | undefined>, cookie = expertCookie) =>
  t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie, ...headers }, payload: { locale: 'en' } });

describe('CSRF: cookie-authenticated state changes must come from our origin', () => {
  it('refuses a foreign Origin with 403 csrf_rejected', async () => {
    const response = await patchMe({ origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_rejected');
  });

  it('refuses a foreign Referer when there is no Origin', async () => {
    const response = await patchMe({ referer: 'https://evil.example/page' });
    expect(response.json().error.code).toBe('csrf_rejected');
  });

  it('refuses a cookie without any Origin or Referer', async () => {
    const response = await patchMe({});
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_rejected');
  });

  it('refuses a look-alike origin (same host, other port or scheme)', async () => {
    for (const foreign of ['http://localhost:3001', 'https://localhost:3000', 'http://localhost:3000.evil.example']) {
      expect((await patchMe({ origin: foreign })).statusCode, foreign).toBe(403);
    }
  });

  it('accepts the public origin, and a Referer from it', async () => {
    expect((await patchMe({ origin })).statusCode).toBe(200);
    expect((await patchMe({ referer: `${origin}/account` })).statusCode).toBe(200);
  });

  it('nothing was written by the refused requests', async () => {
    const rows = await t.database.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'user.updated'",
    );
    // Only the two accepted requests above; the second one changed nothing (locale already 'en').
    expect(rows[0]!.n).toBe(1);
  });

  it('lets a cookie-less API call through without an Origin (it cannot ride a session)', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} });
    expect(response.statusCode).toBe(400);
  });

  it('does not apply to safe methods', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: expertCookie } });
    expect(response.statusCode).toBe(200);
  });
});

function directives(response: LightMyRequestResponse): Map<string, string> {
  const csp = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name!, values.join(' ')] as const;
      }),
  );
}

describe('security headers', () => {
  for (const url of ['/', '/api/me', '/api/no-such-route']) {
    it(`are set on ${url}`, async () => {
      const response = await t.request({ method: 'GET', url, cookie: expertCookie });
      const csp = directives(response);
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['x-powered-by']).toBeUndefined();
    });
  }

  it('never allows inline or eval scripts', async () => {
    const response = await t.request({ method: 'GET', url: '/' });
    const scripts = `${directives(response).get('script-src')} ${directives(response).get('script-src-attr')}`;
    expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site, not Secure over plain HTTP', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'donor@passerelle.example', password: 'passerelle-demo' },
    });
    const cookie = response.cookies.find((c) => c.name === 'passerelle_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('is Secure when PUBLIC_URL is https', async () => {
    const https = await createTestApp({ demo: true, env: { PUBLIC_URL: 'https://passerelle.example' } });
    try {
      const response = await https.request({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: 'https://passerelle.example' },
        payload: { email: 'donor@passerelle.example', password: 'passerelle-demo' },
      });
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === 'passerelle_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
    } finally {
      await https.close();
    }
  });

  it('is stored only as a hash', async () => {
    const token = expertCookie.split('=')[1]!;
    const rows = await t.database.query<{ n: number }>(
      'select count(*)::int as n from sessions where token_hash = $1',
      [token],
    );
    expect(rows[0]!.n).toBe(0);
  });
});

describe('session expiry', () => {
  async function freshSession(): Promise<{ cookie: string; id: string }> {
    const cookie = await t.login('expert@passerelle.example');
    const [row] = await t.database.query<{ id: string }>('select id from sessions order by created_at desc limit 1');
    return { cookie, id: row!.id };
  }

  it('ends after the idle timeout', async () => {
    const { cookie, id } = await freshSession();
    expect((await t.request({ method: 'GET', url: '/api/me', cookie })).statusCode).toBe(200);
    await t.database.query("update sessions set last_seen_at = now() - interval '9 hours' where id = $1", [id]);
    const response = await t.request({ method: 'GET', url: '/api/me', cookie });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('session_expired');
  });

  it('ends at its absolute expiry even when in use', async () => {
    const { cookie, id } = await freshSession();
    await t.database.query("update sessions set expires_at = now() - interval '1 minute' where id = $1", [id]);
    const response = await t.request({ method: 'GET', url: '/api/me', cookie });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('session_expired');
  });

  it('ends at logout, and the old cookie no longer works', async () => {
    const { cookie } = await freshSession();
    expect((await t.request({ method: 'POST', url: '/api/auth/logout', cookie })).statusCode).toBe(200);
    const response = await t.request({ method: 'GET', url: '/api/me', cookie });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });

  it('is not looked up for web files, pages or /healthz, only for API routes', async () => {
    const { cookie, id } = await freshSession();
    const lastSeen = async () =>
      (await t.database.query<{ at: string }>('select last_seen_at::text as at from sessions where id = $1', [id]))[0]!
        .at;
    await t.database.query("update sessions set last_seen_at = now() - interval '5 minutes' where id = $1", [id]);
    const before = await lastSeen();
    for (const url of ['/healthz', '/', '/some/page', '/api/docs']) await t.request({ method: 'GET', url, cookie });
    expect(await lastSeen()).toBe(before);
    await t.request({ method: 'GET', url: '/api/me', cookie });
    expect(await lastSeen()).not.toBe(before);
  });

  it('treats a forged cookie as no session', async () => {
    const response = await t.request({ method: 'GET', url: '/api/me', cookie: 'passerelle_session=forged' });
    expect(response.json().error.code).toBe('unauthenticated');
  });
});

describe('errors leak nothing internal', () => {
  const internals = /stack|node_modules|\/src\/|\.ts:\d+|FST_|at [\w.]+ \(|SELECT|drizzle/i;

  it('answers an unknown /api path with a JSON 404 not_found', async () => {
    const response = await t.request({ method: 'GET', url: '/api/no/such/thing' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/no/such/thing' } });
    expect(response.body).not.toMatch(internals);
  });

  it('answers malformed JSON with 400 malformed_json and nothing more', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json())).toEqual(['error']);
    expect(response.json().error.code).toBe('malformed_json');
    expect(response.body).not.toMatch(internals);
  });

  it('answers a wrong type with 400 validation_failed naming the field', async () => {
    const response = await t.request({ method: 'PATCH', url: '/api/me', cookie: expertCookie, payload: { name: 42 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([expect.objectContaining({ path: 'name' })]);
    expect(response.body).not.toMatch(internals);
  });

  it('answers an oversized body with 413 payload_too_large', async () => {
    const response = await t.request({
      method: 'PATCH',
      url: '/api/me',
      cookie: expertCookie,
      payload: { name: 'x'.repeat(300 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });
});
