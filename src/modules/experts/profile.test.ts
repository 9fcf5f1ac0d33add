import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { matchSkillConcept } from '../reference/skills.ts';
import { registerExpert, signInDemo } from './experts.test-helper.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

const fullPatch = {
  firstName: 'Fatima Zahra',
  lastName: 'El Amrani',
  nameAr: 'فاطمة الزهراء العمراني',
  gender: 'female',
  birthDate: '1984-03-12',
  phone: '+31 6 1234 5678',
  nationalities: ['MA', 'NL', 'NL'],
  residenceCountry: 'NL',
  residenceCity: 'Utrecht',
  originCountry: 'MA',
  occupation: '2211',
  sectors: ['12110'],
  preferredRegions: ['01', '04'],
  headline: 'Hospital manager',
  summary: 'Twenty years in public hospitals.',
  languages: [
    { language: 'ar', level: 'C2' },
    { language: 'nl', level: 'C1' },
  ],
  education: [
    { degree: 'MD', field: 'Medicine', institution: 'Université Mohammed V', country: 'MA', yearCompleted: 2009 },
  ],
  experience: [{ title: 'Manager', employer: 'UMC Utrecht', country: 'NL', startsOn: '2012-01-01', endsOn: null }],
  skills: [{ label: 'Hospital management' }, { label: 'Quality assurance' }],
  availability: [{ startsOn: '2030-01-01', endsOn: '2030-03-31', onSite: true, online: false }],
};

const getMe = (cookie: string) => t.request({ method: 'GET', url: '/api/experts/me', cookie });
const patchMe = (cookie: string, payload: Record<string, unknown>) =>
  t.request({ method: 'PATCH', url: '/api/experts/me', cookie, payload });

describe('my expert profile', () => {
  it('is created on the first visit from the account name, once, and only experts have one', async () => {
    const expert = await registerExpert(t, 'Youssef  Ben Ali', 'youssef@example.org');
    const first = await getMe(expert.cookie);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      userId: expert.id,
      email: 'youssef@example.org',
      firstName: 'Youssef',
      lastName: 'Ben Ali',
      gender: 'undisclosed',
      stale: false,
      consents: [{ purpose: 'processing', withdrawnAt: null }],
      completeness: { missing: expect.arrayContaining(['languages', 'cv']) },
    });
    expect(first.json().allowedActions).toEqual(
      expect.arrayContaining(['profile.read', 'profile.update', 'profile.export', 'profile.erase', 'consent.update']),
    );
    expect((await getMe(expert.cookie)).json()).toEqual(first.json());
    const rows = await t.database.query('select 1 from expert_profiles where user_id = $1', [expert.id]);
    expect(rows).toHaveLength(1);
    for (const role of ['admin', 'focal.point', 'donor'] as const) {
      expect((await getMe(await signInDemo(t, role))).statusCode).toBe(403);
    }
  });

  it('saves every field in one PATCH, returns the new view, and audits without identifying values', async () => {
    const expert = await registerExpert(t, 'Fatima Amrani', 'fatima@example.org');
    const before = (await getMe(expert.cookie)).json();
    const response = await patchMe(expert.cookie, fullPatch);
    expect(response.statusCode).toBe(200);
    const view = response.json();
    const {
      languages,
      education,
      experience,
      skills,
      availability,
      nationalities: _nationalities,
      ...scalars
    } = fullPatch;
    expect(view).toMatchObject({ ...scalars, nationalities: ['MA', 'NL'] });
    expect(view.languages).toEqual(expect.arrayContaining(languages));
    expect(view.education).toEqual([expect.objectContaining(education[0])]);
    expect(view.experience).toEqual([expect.objectContaining(experience[0])]);
    expect(view.availability).toEqual([expect.objectContaining(availability[0])]);
    expect(view.skills.map((s: { label: string }) => s.label).sort()).toEqual(skills.map((s) => s.label).sort());
    for (const skill of view.skills)
      expect(skill).toMatchObject({ conceptId: matchSkillConcept(skill.label), source: 'manual' });
    expect(view.completeness).toEqual({ percent: 91, missing: ['cv'] });
    expect(Date.parse(view.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));

    const [event] = await t.database.query<{ changes: Record<string, unknown> }>(
      "select changes from audit_events where action = 'expert.profile_updated' and entity_id = $1",
      [expert.id],
    );
    expect(event!.changes).toMatchObject({
      gender: { before: 'undisclosed', after: 'female' },
      residenceCountry: { before: null, after: 'NL' },
      firstName: { after: 'changed' },
      phone: { after: 'changed' },
      summary: { after: 'changed' },
      languages: { before: [], after: ['ar:C2', 'nl:C1'] },
    });
    const audit = JSON.stringify(event!.changes);
    for (const personal of ['Fatima', 'Amrani', '1234', 'Utrecht', '1984', 'Twenty years']) {
      expect(audit).not.toContain(personal);
    }
  });

  it('replaces a list as a whole, and a PATCH that changes nothing writes nothing', async () => {
    const expert = await registerExpert(t, 'Karim Idrissi', 'karim@example.org');
    await patchMe(expert.cookie, { languages: [{ language: 'fr', level: 'C2' }], skills: [{ label: 'Budgeting' }] });
    const second = await patchMe(expert.cookie, { languages: [{ language: 'zgh', level: 'B1' }] });
    expect(second.json().languages).toEqual([{ language: 'zgh', level: 'B1' }]);
    expect(second.json().skills.map((s: { label: string }) => s.label)).toEqual(['Budgeting']);
    const cleared = await patchMe(expert.cookie, { languages: [] });
    expect(cleared.json().languages).toEqual([]);
    const count = async () =>
      (
        await t.database.query(
          "select 1 from audit_events where action = 'expert.profile_updated' and entity_id = $1",
          [expert.id],
        )
      ).length;
    const events = await count();
    const same = await patchMe(expert.cookie, { languages: [], firstName: 'Karim' });
    expect(same.statusCode).toBe(200);
    expect(same.json().updatedAt).toBe(cleared.json().updatedAt);
    expect(await count()).toBe(events);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const expert = await registerExpert(t, 'Salma Tazi', 'salma@example.org');
    await patchMe(expert.cookie, { firstName: 'Salma', languages: [{ language: 'fr', level: 'B2' }] });
    const snapshot = async () => ({
      view: (await getMe(expert.cookie)).json(),
      audit: (await t.database.query('select id from audit_events where entity_id = $1', [expert.id])).length,
    });
    const before = await snapshot();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ firstName: 42 }, 'firstName', 'invalid_type'],
      [{ favouriteColour: 'blue' }, 'favouriteColour', 'unknown_field'],
      [{ firstName: 'x'.repeat(101) }, 'firstName', 'too_long'],
      [{ summary: 'x'.repeat(4001) }, 'summary', 'too_long'],
      [{ residenceCountry: 'fra' }, 'residenceCountry', 'invalid_format'],
      [{ nationalities: ['Morocco'] }, 'nationalities.0', 'invalid_format'],
      [{ languages: [{ language: 'fr', level: 'D1' }] }, 'languages.0.level', 'invalid_value'],
      [{ languages: [{ language: 'french', level: 'B1' }] }, 'languages.0.language', 'invalid_format'],
      [{ education: [{ degree: 'MSc', institution: 'TU Delft', grade: 'A' }] }, 'education.0.grade', 'unknown_field'],
      [{ birthDate: '2999-01-01' }, 'birthDate', 'invalid_value'],
      [{ birthDate: '12/03/1984' }, 'birthDate', 'invalid_format'],
      [
        {
          firstName: 'Changed',
          languages: [
            { language: 'fr', level: 'C1' },
            { language: 'fr', level: 'B1' },
          ],
        },
        'languages.1.language',
        'invalid_value',
      ],
      [{ skills: [{ label: 'Audit' }, { label: 'audit' }] }, 'skills.1.label', 'invalid_value'],
      [
        { availability: [{ startsOn: '2030-05-01', endsOn: '2030-04-01', onSite: true, online: true }] },
        'availability.0.endsOn',
        'invalid_value',
      ],
      [
        { experience: [{ title: 'Nurse', employer: 'AMC', startsOn: '2020-01-01', endsOn: '2019-12-31' }] },
        'experience.0.endsOn',
        'invalid_value',
      ],
    ];
    for (const [payload, path, code] of cases) {
      const response = await patchMe(expert.cookie, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.fields, JSON.stringify(payload)).toContainEqual(
        expect.objectContaining({ path, code }),
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it('keeps each concurrent PATCH whole: the lists and fields all come from one of them', async () => {
    const expert = await registerExpert(t, 'Nadia Berrada', 'nadia@example.org');
    await getMe(expert.cookie);
    const variants = ['fr', 'nl', 'de', 'es', 'en'].map((language, index) => ({
      headline: `variant ${index}`,
      languages: [{ language, level: 'B2' }],
      skills: [{ label: `skill ${index}a` }, { label: `skill ${index}b` }],
      availability: [{ startsOn: `203${index}-01-01`, endsOn: `203${index}-02-01`, onSite: true, online: true }],
    }));
    const responses = await Promise.all(variants.map((variant) => patchMe(expert.cookie, variant)));
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const final = (await getMe(expert.cookie)).json();
    const index = Number(final.headline.split(' ')[1]);
    expect(final.languages).toEqual(variants[index]!.languages);
    expect(final.skills.map((s: { label: string }) => s.label).sort()).toEqual([`skill ${index}a`, `skill ${index}b`]);
    expect(final.availability).toEqual([expect.objectContaining(variants[index]!.availability[0])]);
  });
});

describe('reading one expert', () => {
  it('shows staff the full view, the expert only themselves, and nobody else anything', async () => {
    const expert = await registerExpert(t, 'Hamid Alaoui', 'hamid@example.org');
    await patchMe(expert.cookie, { phone: '+32 470 00 00 00' });
    const other = await registerExpert(t, 'Leila Chraibi', 'leila@example.org');
    const url = `/api/experts/${expert.id}`;
    for (const role of ['admin', 'officer', 'me'] as const) {
      const response = await t.request({ method: 'GET', url, cookie: await signInDemo(t, role) });
      expect(response.statusCode, role).toBe(200);
      expect(response.json()).toMatchObject({
        userId: expert.id,
        phone: '+32 470 00 00 00',
        allowedActions: ['profile.read'],
      });
    }
    expect((await t.request({ method: 'GET', url, cookie: expert.cookie })).json().userId).toBe(expert.id);
    for (const cookie of [other.cookie, await signInDemo(t, 'focal.point'), await signInDemo(t, 'donor')]) {
      const response = await t.request({ method: 'GET', url, cookie });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
      expect(response.body).not.toContain('Hamid');
    }
  });

  it('answers 404 for an id that is not an expert, and creates the profile of an expert who never opened it', async () => {
    const admin = await signInDemo(t, 'admin');
    const [adminRow] = await t.database.query<{ id: string }>(
      "select id from users where email = 'admin@passerelle.example'",
    );
    expect((await t.request({ method: 'GET', url: `/api/experts/${adminRow!.id}`, cookie: admin })).statusCode).toBe(
      404,
    );
    const [demoExpert] = await t.database.query<{ id: string; name: string }>(
      "select id, name from users where email = 'expert@passerelle.example'",
    );
    const response = await t.request({ method: 'GET', url: `/api/experts/${demoExpert!.id}`, cookie: admin });
    expect(response.statusCode).toBe(200);
    expect(`${response.json().firstName} ${response.json().lastName}`).toBe(demoExpert!.name);
    expect((await t.request({ method: 'GET', url: '/api/experts/not-a-uuid', cookie: admin })).statusCode).toBe(400);
  });
});
