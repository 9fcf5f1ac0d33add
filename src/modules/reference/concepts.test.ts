import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { insertAssignment } from '../../../test/helpers/assignments.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';

let t: TestApp;
let officer: string;
let me: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  me = await signInDemo(t, 'me');
});
afterAll(() => t.close());

const concept = {
  key: 'manuscript-conservation',
  labels: {
    fr: 'conservation des manuscrits',
    ar: 'صيانة المخطوطات',
    en: 'manuscript conservation',
    nl: 'manuscriptconservering',
  },
  synonyms: { nl: ['restauratie van handschriften'] },
  sectors: ['16061'],
};

describe('skill concepts added by staff', () => {
  it('extends the vocabulary in four languages: suggested, matched across languages, and ranked', async () => {
    const created = await t.request({ method: 'POST', url: '/api/skill-concepts', cookie: officer, payload: concept });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ key: 'manuscript-conservation', sectors: ['16061'] });
    const list = await t.request({ method: 'GET', url: '/api/skill-concepts', cookie: officer });
    expect(list.json().items).toContainEqual(expect.objectContaining({ key: 'manuscript-conservation' }));
    const suggestions = await t.request({
      method: 'GET',
      url: '/api/skills/suggest?q=manuscriptcons',
      cookie: officer,
    });
    expect(JSON.stringify(suggestions.json())).toContain('manuscript-conservation');
    // A ToR asking in French meets the Dutch synonym through the new concept.
    const callId = await insertAssignment(t.database.db, {
      skills: [{ label: 'conservation des manuscrits', conceptId: null }],
      languages: [],
    });
    const [someone] = await t.database.query<{ user_id: string }>(
      'select user_id from expert_profiles where erased_at is null order by user_id limit 1',
    );
    await t.database.query("insert into expert_skills (user_id, label) values ($1, 'restauratie van handschriften')", [
      someone!.user_id,
    ]);
    await t.database.query(
      `insert into expert_availability (user_id, starts_on, ends_on, on_site, online)
       values ($1, current_date, current_date + 400, true, true)`,
      [someone!.user_id],
    );
    const ranked = await t.request({
      method: 'GET',
      url: `/api/assignments/${callId}/candidates?limit=200`,
      cookie: officer,
    });
    const mine = ranked.json().ranked.find((entry: { expert: { id: string } }) => entry.expert.id === someone!.user_id);
    const skills = mine.components.find((component: { name: string }) => component.name === 'skills');
    expect(skills.explanation).toMatchObject({ code: 'skills.matched', matched: ['manuscript-conservation'] });
    expect(ranked.json().skillLabels['manuscript-conservation']).toBe('conservation des manuscrits');
  });

  it('refuses a taken key, a missing language, and anyone but officers and admins', async () => {
    const again = await t.request({ method: 'POST', url: '/api/skill-concepts', cookie: officer, payload: concept });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('skill_concept_taken');
    const builtIn = await t.request({
      method: 'POST',
      url: '/api/skill-concepts',
      cookie: officer,
      payload: { ...concept, key: 'hospital-management' },
    });
    expect(builtIn.json().error.code).toBe('skill_concept_taken');
    const { nl: _dutch, ...threeLanguages } = concept.labels;
    const partial = await t.request({
      method: 'POST',
      url: '/api/skill-concepts',
      cookie: officer,
      payload: { ...concept, key: 'three-languages', labels: threeLanguages },
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.fields).toContainEqual(expect.objectContaining({ path: 'labels.nl' }));
    const forbidden = await t.request({
      method: 'POST',
      url: '/api/skill-concepts',
      cookie: me,
      payload: { ...concept, key: 'not-allowed' },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
