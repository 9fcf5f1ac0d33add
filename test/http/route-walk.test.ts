import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoot } from '../../src/http/app.ts';
import type { RouteInfo } from '../../src/http/route-list.ts';
import { demoTotpSecret } from '../../src/demo/load.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { assignmentRoutes } from './access/assignments.ts';
import { expertDocumentRoutes } from './access/experts-documents.ts';
import { expertImportRoutes } from './access/experts-import.ts';
import { expertProfileRoutes } from './access/experts-profile.ts';
import { expertSearchRoutes } from './access/experts-search.ts';
import { expertStaffRoutes } from './access/experts-staff.ts';
import { institutionRoutes } from './access/institutions.ts';
import { applicationRoutes } from './access/applications.ts';
import { matchingRoutes } from './access/matching.ts';
import { missionRoutes } from './access/missions.ts';
import { platformRoutes } from './access/platform.ts';
import { publicCallRoutes } from './access/public-calls.ts';
import { referenceDataRoutes } from './access/reference.ts';
import { callers, everyone, type Caller, type Row } from './access/types.ts';

/**
 * Deny by default, proved on the real route table: every registered route is called by every kind of caller and
 * the outcome compared with the table below. A new route fails this test until it gets a row; a row whose route
 * is gone fails it too.
 */

const table: Record<string, Row> = {
  ...platformRoutes,
  ...assignmentRoutes,
  ...expertProfileRoutes,
  ...expertSearchRoutes,
  ...expertDocumentRoutes,
  ...expertImportRoutes,
  ...expertStaffRoutes,
  ...institutionRoutes,
  ...referenceDataRoutes,
  ...publicCallRoutes,
  ...applicationRoutes,
  ...matchingRoutes,
  ...missionRoutes,
};

/** The built web app's files, each served by its own public route (none when dist/web is not built). */
function webFileRoutes(): string[] {
  if (!fs.existsSync(webRoot)) return [];
  const files = fs.readdirSync(webRoot, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return files.map((entry) => `GET /${path.relative(webRoot, path.join(entry.parentPath, entry.name))}`);
}

function rowFor(route: RouteInfo): Row | undefined {
  const key = `${route.method === 'HEAD' ? 'GET' : route.method} ${route.url}`;
  return table[key] ?? (webFileRoutes().includes(key) ? { expect: everyone } : undefined);
}

/**
 * How many method entries Fastify's own router holds, read from printRoutes: the route list must account for
 * all of them (the tree merges path segments, so only the count is compared, and each listed route is looked up).
 */
function routerEntryCount(tree: string): number {
  let count = 0;
  for (const match of tree.matchAll(/\(([A-Z, ]+)\)$/gm)) count += match[1]!.split(', ').length;
  return count;
}

let t: TestApp;
const cookies = new Map<Caller, string | undefined>();
const emails: Record<Exclude<Caller, 'anonymous'>, string> = {
  admin: 'admin@passerelle.example',
  programme_officer: 'officer@passerelle.example',
  me_officer: 'me@passerelle.example',
  focal_point: 'focal.point@passerelle.example',
  expert: 'expert@passerelle.example',
  donor: 'donor@passerelle.example',
};
const staff = new Set<Caller>(['admin', 'programme_officer', 'me_officer']);

function signIn(caller: Exclude<Caller, 'anonymous'>): Promise<string> {
  return t.login(emails[caller], undefined, staff.has(caller) ? demoTotpSecret : undefined);
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  cookies.set('anonymous', undefined);
  for (const caller of callers) if (caller !== 'anonymous') cookies.set(caller, await signIn(caller));
});
afterAll(() => t.close());

describe('route walk', () => {
  it('knows every route: the route list matches the router', () => {
    const listed = t.app.listRoutes();
    for (const route of listed) expect(t.app.hasRoute({ method: route.method, url: route.url })).toBe(true);
    expect(listed.length).toBe(routerEntryCount(t.app.printRoutes({ commonPrefix: false })));
  });

  it('has a row for every route, and a route for every row', () => {
    const routes = t.app.listRoutes();
    const missing = routes.filter((route) => !rowFor(route)).map((route) => `${route.method} ${route.url}`);
    expect(missing, 'routes without a row in the access table').toEqual([]);
    const keys = new Set(routes.map((route) => `${route.method} ${route.url}`));
    expect(
      Object.keys(table).filter((key) => !keys.has(key)),
      'rows without a route',
    ).toEqual([]);
  });

  it('answers every caller on every route as the table says', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const route of t.app.listRoutes()) {
      const row = rowFor(route);
      if (!row) continue;
      const url = route.url.replaceAll(/:[A-Za-z]+/g, randomUUID()).replace('*', 'swagger-ui.css');
      for (const [index, caller] of callers.entries()) {
        const expected = row.expect[index]!;
        let cookie = cookies.get(caller);
        if (cookie && row.ownSession) cookie = await signIn(caller as Exclude<Caller, 'anonymous'>);
        const response = await t.request({
          method: route.method as 'GET',
          url,
          cookie,
          ...(row.body ? { payload: row.body } : route.hasBody ? { payload: {} } : {}),
        });
        calls++;
        const status = response.statusCode;
        // Server-rendered pages (the survey link) answer their errors in HTML: only JSON bodies carry a code.
        const isJson = String(response.headers['content-type']).startsWith('application/json');
        const code = status >= 400 && route.method !== 'HEAD' && isJson ? response.json().error?.code : undefined;
        const passed =
          expected === 'ok'
            ? status !== 401 && status !== 403 && status < 500
            : expected === 'auth'
              ? status === 401 && (route.method === 'HEAD' || code === 'unauthenticated')
              : (status === 403 && (route.method === 'HEAD' || code === 'forbidden')) ||
                (status === 404 && (route.method === 'HEAD' || code === 'not_found'));
        if (!passed) failures.push(`${route.method} ${route.url} as ${caller}: expected ${expected}, got ${status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBe(t.app.listRoutes().length * callers.length);
    // Seven callers on every route of the API, one after another: a few seconds per hundred routes on a quiet machine.
  }, 180_000);

  it('lets a staff member without a second factor reach only the enrolment routes', async () => {
    await t.database.query(
      "update users set totp_enabled_at = null, totp_secret = null where email = 'officer@passerelle.example'",
    );
    const cookie = await t.login(emails.programme_officer);
    for (const route of t.app.listRoutes()) {
      if (route.access !== 'user' || route.method === 'HEAD' || route.url === '/api/auth/logout') continue;
      const response = await t.request({ method: route.method as 'GET', url: route.url, cookie });
      if (route.allowPendingMfa) {
        expect(response.statusCode, `${route.method} ${route.url}`).not.toBe(403);
      } else {
        expect(response.json().error.code, `${route.method} ${route.url}`).toBe('mfa_enrolment_required');
      }
    }
  });
});
