import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';
import { planDsa, plannedMission } from './agreement/agreement.test-helper.ts';

let t: TestApp;
let officer: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
});
afterAll(() => t.close());

/** The expert's data export, unzipped: `me.json` read, every entry's bytes by path. */
async function exportOf(cookie: string) {
  const response = await t.request({ method: 'GET', url: '/api/experts/me/export', cookie });
  expect(response.statusCode, response.body).toBe(200);
  const entries = unzipSync(new Uint8Array(response.rawPayload));
  return { data: JSON.parse(strFromU8(entries['me.json']!)), entries };
}

/**
 * A report, a deliverable file, a session, cost lines of every category, the host's evaluation and an answered
 * survey on a mission, written directly (each has its own tests through its routes).
 */
async function fillMission(missionId: string, bytes: Uint8Array) {
  const [file] = await t.database.query<{ id: string }>(
    `insert into mission_report_files (mission_id, file_name, media_type, byte_size, sha256, content)
     values ($1, 'étude finale.pdf', 'application/pdf', $2, 'abc', $3) returning id`,
    [missionId, bytes.length, bytes],
  );
  await t.database.query(
    `insert into mission_reports (mission_id, status, activities, results, recommendations, deliverables)
     values ($1, 'submitted', 'Ateliers avec le service juridique', 'Une procédure écrite', 'Former deux agents',
       $2::jsonb)`,
    [missionId, JSON.stringify([{ title: 'Étude finale', fileId: file!.id }])],
  );
  await t.database.query(
    `insert into mission_sessions (mission_id, starts_at, duration_minutes, topic, participants_count, attended)
     values ($1, '2027-03-02T09:00:00Z', 90, 'Atelier sur la procédure', 12, 10)`,
    [missionId],
  );
  for (const [category, amount] of [
    ['travel', '420.00'],
    ['insurance', '35.00'],
  ]) {
    await t.database.query(
      `insert into mission_costs (mission_id, category, kind, amount, currency, rate, reporting_amount,
         reporting_currency) values ($1, $2, 'planned', $3, 'EUR', 1, $3, 'EUR')`,
      [missionId, category, amount],
    );
  }
  await t.database.query(
    `insert into mission_evaluations (mission_id, ratings, knowledge_transferred, need_met, follow_up_wanted, comment)
     values ($1, '{"overall": 2}', 'Peu de transfert', 'partly', false, 'Avis confidentiel de l’hôte')`,
    [missionId],
  );
  await t.database.query(
    `insert into mission_surveys (mission_id, moment, respondent_name, respondent_email, token_hash, due_on,
       submitted_at, answers)
     values ($1, 'after', 'Samir Agent', 'samir.agent@example.org', $2, '2027-04-01', now(),
       '{"useful": "Réponse privée d’un agent"}')`,
    [missionId, `hash-${missionId}`],
  );
  return file!.id;
}

describe("an expert's missions in their data export", () => {
  it('lists their missions with agreement, report, files, sessions and own costs; never others’ missions', async () => {
    const { expert, mission } = await plannedMission(t, officer, 'en', 'Nadia Export');
    await planDsa(t, mission.id, '4500.00', 'MAD', 11);
    const agreementUrl = `/api/missions/${mission.id}/agreement`;
    const read = (await t.request({ method: 'GET', url: agreementUrl, cookie: expert.cookie })).json();
    const accepted = await t.request({
      method: 'POST',
      url: `${agreementUrl}/accept`,
      cookie: expert.cookie,
      payload: { version: read.version, sha256: read.sha256 },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const bytes = new TextEncoder().encode('%PDF-1.7 étude');
    const fileId = await fillMission(mission.id, bytes);
    const other = await plannedMission(t, officer, 'fr', 'Karim Autre');

    const { data, entries } = await exportOf(expert.cookie);
    expect(data.missions).toHaveLength(1);
    const [exported] = data.missions;
    const full = (await t.request({ method: 'GET', url: `/api/missions/${mission.id}`, cookie: officer })).json();
    expect(exported).toMatchObject({
      id: mission.id,
      reference: mission.reference,
      torTitle: { fr: expect.any(String) },
      host: { fr: expect.any(String) },
      modality: full.modality,
      startsOn: full.startsOn,
      endsOn: full.endsOn,
      workingDays: 8,
      state: 'agreed',
      agreement: { language: 'en', sha256: read.sha256, text: read.parts },
      report: {
        status: 'submitted',
        activities: 'Ateliers avec le service juridique',
        deliverables: [{ title: 'Étude finale', fileId }],
      },
      reportFiles: [{ id: fileId, fileName: 'étude finale.pdf', mediaType: 'application/pdf' }],
      sessions: [{ topic: 'Atelier sur la procédure', durationMinutes: 90, attended: 10 }],
    });
    expect(exported.agreement.acceptedAt).toEqual(expect.any(String));
    expect(JSON.stringify(exported.agreement.text)).toContain('4,500.00 MAD');
    expect(exported.costs.map((line: { category: string }) => line.category).sort()).toEqual(['dsa', 'travel']);
    // The report file's bytes are in the archive, as the expert's documents are.
    expect(entries[exported.reportFiles[0].path]).toEqual(bytes);
    // The host's evaluation and the host staff's survey answers are theirs: not in the expert's export.
    const text = strFromU8(entries['me.json']!);
    for (const secret of ['Avis confidentiel', 'Peu de transfert', 'Réponse privée', 'samir.agent@example.org']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(other.mission.id);

    const theirs = await exportOf(other.expert.cookie);
    expect(theirs.data.missions.map((row: { id: string }) => row.id)).toEqual([other.mission.id]);
    expect(theirs.data.missions[0]).toMatchObject({ agreement: null, report: null, reportFiles: [], sessions: [] });
    expect(Object.keys(theirs.entries).some((path) => path.startsWith('missions/'))).toBe(false);
    expect(strFromU8(theirs.entries['me.json']!)).not.toContain(mission.id);
  });

  it('on erasure, keeps the mission as the programme’s record and drops the agreement text and calendar feed', async () => {
    const { expert, mission } = await plannedMission(t, officer, 'fr', 'Nadia Effacée');
    const agreementUrl = `/api/missions/${mission.id}/agreement`;
    const read = (await t.request({ method: 'GET', url: agreementUrl, cookie: expert.cookie })).json();
    const accept = { version: read.version, sha256: read.sha256 };
    const accepted = await t.request({
      method: 'POST',
      url: `${agreementUrl}/accept`,
      cookie: expert.cookie,
      payload: accept,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const feed = await t.request({ method: 'POST', url: '/api/calendar-feeds', cookie: expert.cookie });
    expect(feed.statusCode, feed.body).toBeLessThan(300);
    const kept = () =>
      t.database.query<{ text: boolean; sha256: string | null; state: string; feeds: number }>(
        `select agreement_text is not null as text, agreement_sha256 as sha256, state,
           (select count(*)::int from calendar_feeds where user_id = $2) as feeds
         from missions where id = $1`,
        [mission.id, expert.id],
      );
    expect(await kept()).toEqual([{ text: true, sha256: read.sha256, state: 'agreed', feeds: 1 }]);

    const erased = await t.request({
      method: 'DELETE',
      url: '/api/experts/me',
      cookie: expert.cookie,
      payload: { password: expert.password },
    });
    expect(erased.statusCode, erased.body).toBeLessThan(300);
    expect(await kept()).toEqual([{ text: false, sha256: read.sha256, state: 'agreed', feeds: 0 }]);
  });
});
