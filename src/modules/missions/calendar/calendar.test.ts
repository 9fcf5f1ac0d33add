import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { unfold } from '../../assignments/public/public-calls.test-helper.ts';
import { signInDemo } from '../../experts/experts.test-helper.ts';
import { plannedMission } from '../agreement/agreement.test-helper.ts';
import { dayAfter } from './ics.ts';

let t: TestApp;
let officer: string;
let focal: string;
let donor: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  focal = await signInDemo(t, 'focal.point');
  donor = await signInDemo(t, 'donor');
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'DELETE', cookie: string | undefined, url: string) =>
  t.request({ method, url, cookie });

/** Makes a feed as the caller with `cookie` and returns its path (the URL without the public address). */
async function makeFeed(cookie: string): Promise<string> {
  const response = await call('POST', cookie, '/api/calendar-feeds');
  expect(response.statusCode, response.body).toBe(201);
  const { url, active } = response.json();
  expect(active).toBe(true);
  expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  return new URL(url).pathname;
}

const compact = (date: string) => date.replace(/-/g, '');

describe('calendar feeds', () => {
  it('makes a secret URL shown once, replaces it, and revokes it', async () => {
    const { expert } = await plannedMission(t, officer, 'fr', 'Nadia Bennani');
    expect((await call('GET', expert.cookie, '/api/calendar-feeds')).json()).toEqual({
      active: false,
      createdAt: null,
    });
    const first = await makeFeed(expert.cookie);
    const status = (await call('GET', expert.cookie, '/api/calendar-feeds')).json();
    expect(status).toMatchObject({ active: true, createdAt: expect.any(String) });
    expect(status).not.toHaveProperty('url');
    const [stored] = await t.database.query<{ token_hash: string }>(
      'select token_hash from calendar_feeds where user_id = $1 and revoked_at is null',
      [expert.id],
    );
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first).not.toContain(stored!.token_hash);

    expect((await call('GET', undefined, first)).statusCode).toBe(200);
    const second = await makeFeed(expert.cookie);
    expect(second).not.toBe(first);
    expect((await call('GET', undefined, first)).json().error.code).toBe('not_found');
    expect((await call('GET', undefined, second)).statusCode).toBe(200);

    expect((await call('DELETE', expert.cookie, '/api/calendar-feeds')).json()).toEqual({
      active: false,
      createdAt: null,
    });
    expect((await call('GET', undefined, second)).statusCode).toBe(404);
    expect((await call('GET', undefined, '/api/calendar/not-a-token.ics')).statusCode).toBe(404);
    expect((await call('POST', donor, '/api/calendar-feeds')).statusCode).toBe(403);
    expect((await call('POST', undefined, '/api/calendar-feeds')).statusCode).toBe(401);
    const audit = await t.database.query<{ action: string }>(
      "select action from audit_events where actor_id = $1 and entity_type = 'calendar_feed' order by at, id",
      [expert.id],
    );
    expect(audit.map((row) => row.action).sort()).toEqual([
      'calendar_feed.created',
      'calendar_feed.created',
      'calendar_feed.revoked',
      'calendar_feed.revoked',
    ]);
  });

  it('lists missions as all-day events and sessions at their times, as proper iCalendar', async () => {
    const title = 'Appui, suivi; et évaluation des cursus de licence en gestion hospitalière — حوكمة المستشفيات';
    const { expert, mission } = await plannedMission(t, officer, 'fr', 'Nadia Bennani', {});
    await t.database.query(
      'update assignments set title_fr = $2 where id = (select assignment_id from missions where id = $1)',
      [mission.id, title],
    );
    const detail = (await call('GET', officer, `/api/missions/${mission.id}`)).json();
    const startsAt = new Date(`${detail.startsOn}T09:30:00Z`);
    await t.database.query(
      `insert into mission_sessions (mission_id, starts_at, duration_minutes, topic, participants_count)
       values ($1, $2, 90, 'Atelier: cursus, crédits; évaluation', 25)`,
      [mission.id, startsAt],
    );
    const cancelled = await plannedMission(t, officer, 'fr', 'Nadia Bennani', {});
    await t.database.query("update missions set state = 'cancelled', cancel_reason = 'Test' where id = $1", [
      cancelled.mission.id,
    ]);

    const feed = await makeFeed(expert.cookie);
    const response = await call('GET', undefined, feed);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, max-age=300');
    const ics = response.body;
    // CRLF everywhere, no line over 75 octets, long lines folded with a leading space.
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = ics.split('\r\n').slice(0, -1);
    for (const line of physical) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(physical.some((line) => line.startsWith(' '))).toBe(true);

    const lines = unfold(ics).slice(0, -1);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const host = new URL(t.app.ctx.config.publicUrl).hostname;
    const event = lines.slice(lines.indexOf(`UID:mission-${mission.id}@${host}`) - 1);
    expect(event[0]).toBe('BEGIN:VEVENT');
    const field = (name: string) => event.find((line) => line.startsWith(name))!;
    expect(field('DTSTART')).toBe(`DTSTART;VALUE=DATE:${compact(detail.startsOn)}`);
    expect(field('DTEND')).toBe(`DTEND;VALUE=DATE:${compact(dayAfter(detail.endsOn))}`);
    expect(field('DTSTAMP')).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(field('SUMMARY')).toContain(`${mission.reference} — Appui\\, suivi\\; et évaluation`);
    expect(field('SUMMARY')).toContain(detail.host.name.replace(/,/g, '\\,'));
    expect(field('DESCRIPTION')).toContain('\\n');
    expect(field('STATUS')).toBe('STATUS:TENTATIVE');

    const sessionStart = lines.findIndex((line) => line.startsWith('UID:mission-session-'));
    const session = lines.slice(sessionStart);
    expect(session.find((line) => line.startsWith('DTSTART'))).toBe('DTSTART:' + compact(detail.startsOn) + 'T093000Z');
    expect(session.find((line) => line.startsWith('DTEND'))).toBe('DTEND:' + compact(detail.startsOn) + 'T110000Z');
    expect(session.find((line) => line.startsWith('SUMMARY'))).toContain('Atelier: cursus\\, crédits\\; évaluation');
    expect(ics).not.toContain(cancelled.mission.id);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);

    // The same file until something changes: the ETag answers 304.
    const again = await t.request({ method: 'GET', url: feed, headers: { 'if-none-match': response.headers.etag! } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('shows the host its institution’s missions and staff every mission, not another expert’s', async () => {
    const { mission } = await plannedMission(t, officer, 'fr', 'Nadia Bennani');
    const other = await plannedMission(t, officer, 'fr', 'Karim Tazi');
    const hostFeed = (await call('GET', undefined, await makeFeed(focal))).body;
    expect(hostFeed).toContain(`UID:mission-${mission.id}@`);
    const staffFeed = (await call('GET', undefined, await makeFeed(officer))).body;
    expect(staffFeed).toContain(`UID:mission-${mission.id}@`);
    expect(staffFeed).toContain(`UID:mission-${other.mission.id}@`);
    const otherFeed = (await call('GET', undefined, await makeFeed(other.expert.cookie))).body;
    expect(otherFeed).toContain(`UID:mission-${other.mission.id}@`);
    expect(otherFeed).not.toContain(mission.id);
  });

  it('is documented as text/calendar, and the agreement as application/pdf', async () => {
    const document = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const mediaOf = (path: string) => Object.keys(document.paths[path].get.responses['200'].content);
    expect(mediaOf('/api/calendar/{token}.ics')).toEqual(['text/calendar']);
    expect(mediaOf('/api/missions/{id}/agreement.pdf')).toEqual(['application/pdf']);
  });
});
