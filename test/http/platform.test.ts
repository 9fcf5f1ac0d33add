import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { createTestApp, origin, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

const config = () => loadConfig({ PUBLIC_URL: origin });

describe('GET /healthz', () => {
  it('answers 200 {"status":"ok"} when the database answers', async () => {
    const response = await t.request({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 once the database is closed', async () => {
    const testDatabase = await createTestDatabase();
    const app = await buildApp({ database: testDatabase.database, config: config() });
    try {
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      await testDatabase.drop();
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'unavailable' });
    } finally {
      await app.close();
    }
  });

  it('answers 503 when the PostgreSQL server does not listen, and API calls say database_unavailable', async () => {
    // Port 9 (discard) is closed on loopback: the connection is refused at once.
    const database = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:9/none', poolSize: 1 });
    const app = await buildApp({ database, config: config() });
    try {
      const health = await app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toEqual({ status: 'unavailable' });
      const me = await app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { cookie: 'passerelle_session=some-session-token' },
      });
      expect(me.statusCode).toBe(503);
      expect(me.json()).toEqual({ error: { code: 'database_unavailable', message: 'The database does not answer' } });
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('unexpected faults', () => {
  it('answer 500 internal_error without the internal message or a stack', async () => {
    const testDatabase = await createTestDatabase();
    const app = await buildApp({ database: testDatabase.database, config: config() });
    app.get('/api/test-fault', { config: { access: 'public' } }, async () => {
      throw new Error('connection string postgres://secret@db/internal failed at /srv/app/src/x.ts:12');
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/test-fault' });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({
        error: { code: 'internal_error', message: 'Something went wrong on our side' },
      });
      expect(response.body).not.toMatch(/secret|src|stack/);
    } finally {
      await app.close();
      await testDatabase.drop();
    }
  });

  it('refuse, at start-up, an /api route that does not declare who may call it', async () => {
    const testDatabase = await createTestDatabase();
    const app = await buildApp({ database: testDatabase.database, config: config() });
    try {
      expect(() => app.get('/api/undeclared', async () => ({}))).toThrow(/does not declare config.access/);
    } finally {
      await app.close();
      await testDatabase.drop();
    }
  });
});

interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('OpenAPI', () => {
  let document: { openapi: string; paths: Record<string, Record<string, OpenApiOperation>> };
  beforeAll(async () => {
    const response = await t.request({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });

  it('is OpenAPI 3.x', () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
  });

  /** The routes the document must describe: every /api route but the document itself and its viewer. */
  const apiRoutes = () =>
    t.app
      .listRoutes()
      .filter(
        (route) =>
          route.url.startsWith('/api/') &&
          route.method !== 'HEAD' &&
          route.url !== '/api/openapi.json' &&
          !route.url.startsWith('/api/docs'),
      );

  it('describes every /api route, and nothing else under /api', () => {
    const expected = apiRoutes()
      .map((route) => `${route.method} ${route.url.replaceAll(/:(\w+)/g, '{$1}')}`)
      .sort();
    const documented = Object.entries(document.paths)
      .flatMap(([url, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${url}`))
      .filter((key) => key.split(' ')[1]!.startsWith('/api/'))
      .sort();
    expect(documented).toEqual(expected);
    expect(expected.length).toBeGreaterThan(15);
  });

  it('gives every /api route a response schema, and a request body schema where it takes a body', () => {
    for (const route of apiRoutes()) {
      const key = `${route.method} ${route.url}`;
      const operation = document.paths[route.url.replaceAll(/:(\w+)/g, '{$1}')]![route.method.toLowerCase()]!;
      const responses = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
      expect(responses.length, key).toBeGreaterThan(0);
      for (const [, response] of responses) {
        const media = Object.entries(response.content ?? {});
        expect(media.length, key).toBeGreaterThan(0);
        for (const [, { schema }] of media) expect(schema, key).toBeTruthy();
      }
      if (route.hasBody) {
        expect(operation.requestBody?.content?.['application/json']?.schema, key).toBeTruthy();
      } else {
        expect(operation.requestBody, key).toBeUndefined();
      }
    }
  });

  it('files feeds and files under their own media types, not JSON', () => {
    const mediaOf = (url: string, status = '200') =>
      Object.keys(document.paths[url]!.get!.responses![status]!.content ?? {}).sort();
    expect(mediaOf('/api/public/calls.atom')).toEqual(['application/atom+xml']);
    expect(mediaOf('/api/public/calls/{id}.ics')).toEqual(['text/calendar']);
    expect(mediaOf('/api/experts/me/export')).toEqual(['application/zip']);
    expect(mediaOf('/api/public/calls/{id}/attachments/{attachmentId}')).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    expect(mediaOf('/api/public/calls')).toEqual(['application/json']);
    expect(JSON.stringify(document)).not.toContain('x-media-types');
  });

  it('has a docs page at /api/docs', async () => {
    const response = await t.request({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toMatch(/swagger/i);
  });
});
