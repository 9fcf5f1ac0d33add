import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { signInDemo } from '../../experts/experts.test-helper.ts';
import { asLaidOutRightToLeft, pdfText, planDsa, plannedMission } from './agreement.test-helper.ts';
import { longDate } from './render.ts';

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

const get = (cookie: string, url: string) => t.request({ method: 'GET', url, cookie });
const send = (method: 'POST' | 'PUT', cookie: string, url: string, payload: Record<string, unknown>) =>
  t.request({ method, url, cookie, payload });

/** The host's names, as the agreement writes them. */
async function hostOf(missionId: string) {
  const [host] = await t.database.query<{ name_fr: string; name_ar: string | null }>(
    'select i.name_fr, i.name_ar from institutions i join missions m on m.institution_id = i.id where m.id = $1',
    [missionId],
  );
  return host!;
}

async function missionRow(id: string) {
  const [row] = await t.database.query<{ state: string; version: number; agreement_sha256: string | null }>(
    'select state, version, agreement_sha256 from missions where id = $1',
    [id],
  );
  return row!;
}

describe('the agreement as PDF', () => {
  it('is in Arabic, set right to left with joined letters, and in French, for an Arabic-reading expert', async () => {
    const { expert, mission } = await plannedMission(t, officer, 'ar', 'نادية بنّاني');
    await planDsa(t, mission.id, '4500.00', 'MAD', 11);
    const response = await get(expert.cookie, `/api/missions/${mission.id}/agreement.pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`${mission.reference}-agreement.pdf`);
    const text = await pdfText(response.rawPayload);
    const host = await hostOf(mission.id);
    const full = await get(officer, `/api/missions/${mission.id}`);
    const { startsOn, endsOn } = full.json();

    // Arabic: each word reads back in order (shaped glyphs map to their letters, lam-alef included) and the words
    // of a line come right to left.
    expect(text).toContain(asLaidOutRightToLeft('اتفاقية مهمة خبرة'));
    expect(text).toContain(asLaidOutRightToLeft('تليها النسخة الفرنسية من هذه الاتفاقية،'));
    expect(text).toContain(asLaidOutRightToLeft('مدونة السلوك'));
    for (const word of ['نادية', 'بنّاني', 'الأطراف', 'التأمين', 'المخرجات', 'لإنجاز']) {
      expect(text).toContain(word);
    }
    if (host.name_ar) for (const word of host.name_ar.split(' ')) expect(text).toContain(word);
    for (const word of longDate(startsOn, 'ar').split(' ')) expect(text).toContain(word);
    // French, the other part.
    expect(text).toContain('Accord de mission d’expertise');
    expect(text).toContain(host.name_fr);
    expect(text).toContain(`du ${longDate(startsOn, 'fr')} au ${longDate(endsOn, 'fr')}`);
    expect(text).toContain('Rapport de recommandations');
    expect(text).toContain('Montant prévu de l’indemnité : 4 500,00 MAD (11 nuits).');
    expect(text).toContain('assure l’expert·e');
    expect(text).toContain('Confidentialité');
  });

  it('is in Dutch and French for a Dutch-reading expert, and the host reads it without the allowance', async () => {
    const { expert, mission } = await plannedMission(t, officer, 'nl', 'Nadia Bennani');
    await planDsa(t, mission.id, '4500.00', 'MAD', 11);
    const { startsOn, endsOn } = (await get(officer, `/api/missions/${mission.id}`)).json();
    const text = await pdfText((await get(expert.cookie, `/api/missions/${mission.id}/agreement.pdf`)).rawPayload);
    const host = await hostOf(mission.id);
    expect(text).toContain('Overeenkomst voor een expertmissie');
    expect(text).toContain(`van ${longDate(startsOn, 'nl')} tot en met ${longDate(endsOn, 'nl')}`);
    expect(text).toContain('Nadia Bennani');
    expect(text).toContain(host.name_fr);
    expect(text).toContain('Rapport de recommandations');
    expect(text).toContain('Geplande vergoeding');
    expect(text).toContain('Accord de mission d’expertise');

    const hostView = await get(focal, `/api/missions/${mission.id}/agreement`);
    expect(hostView.statusCode, hostView.body).toBe(200);
    expect(hostView.json()).toMatchObject({ amountsHidden: true, canAccept: false, language: 'nl' });
    expect(JSON.stringify(hostView.json().parts)).not.toContain('MAD');
    const hostPdf = await get(focal, `/api/missions/${mission.id}/agreement.pdf?language=fr`);
    const hostText = await pdfText(hostPdf.rawPayload);
    expect(hostText).toContain('communiqué à l’expert·e');
    expect(hostText).not.toContain('Overeenkomst');
    expect((await get(donor, `/api/missions/${mission.id}/agreement.pdf`)).statusCode).toBe(404);
  });
});

describe('accepting the agreement', () => {
  it('accepts the text read once, and the mission becomes agreed', async () => {
    const { expert, mission } = await plannedMission(t, officer, 'en', 'Nadia Bennani');
    const read = (await get(expert.cookie, `/api/missions/${mission.id}/agreement`)).json();
    expect(read).toMatchObject({ language: 'en', expertLanguage: 'en', canAccept: true, accepted: null });
    expect(read.parts.map((part: { locale: string }) => part.locale)).toEqual(['en', 'fr']);
    const url = `/api/missions/${mission.id}/agreement/accept`;

    const other = await plannedMission(t, officer, 'fr', 'Karim Tazi');
    expect(
      (await send('POST', other.expert.cookie, url, { version: read.version, sha256: read.sha256 })).json(),
    ).toMatchObject({ error: { code: 'not_found' } });
    expect((await send('POST', focal, url, { version: read.version, sha256: read.sha256 })).statusCode).toBe(403);

    const accepted = await send('POST', expert.cookie, url, { version: read.version, sha256: read.sha256 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      state: 'agreed',
      canAccept: false,
      accepted: { language: 'en', sha256: read.sha256, matchesCurrent: true, by: { id: expert.id } },
    });
    expect(await missionRow(mission.id)).toMatchObject({ state: 'agreed', agreement_sha256: read.sha256 });
    const audit = await t.database.query<{ changes: { agreementSha256: { after: string } } }>(
      "select changes from audit_events where entity_id = $1 and action = 'mission.agreement_accepted'",
      [mission.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes.agreementSha256.after).toBe(read.sha256);

    const again = await send('POST', expert.cookie, url, { version: accepted.json().version, sha256: read.sha256 });
    expect(again.json().error).toMatchObject({ code: 'illegal_transition', details: { from: 'agreed' } });
  });

  it('refuses a fingerprint that is no longer the text’s, and changes nothing', async () => {
    const { expert, mission } = await plannedMission(t, officer, 'fr', 'Nadia Bennani');
    const read = (await get(expert.cookie, `/api/missions/${mission.id}/agreement`)).json();
    expect(read.parts).toHaveLength(1);
    // Costs planned after the expert read it: the allowance paragraph, and so the fingerprint, changed.
    await planDsa(t, mission.id, '3000.00', 'EUR', 9);
    const url = `/api/missions/${mission.id}/agreement/accept`;
    const stale = await send('POST', expert.cookie, url, { version: read.version, sha256: read.sha256 });
    expect(stale.statusCode).toBe(409);
    const current = (await get(expert.cookie, `/api/missions/${mission.id}/agreement`)).json();
    expect(stale.json().error).toMatchObject({ code: 'agreement_changed', details: { sha256: current.sha256 } });
    expect(await missionRow(mission.id)).toMatchObject({
      state: 'planned',
      version: read.version,
      agreement_sha256: null,
    });
    const audit = await t.database.query(
      "select 1 from audit_events where entity_id = $1 and action = 'mission.agreement_accepted'",
      [mission.id],
    );
    expect(audit).toHaveLength(0);
    const wrongVersion = await send('POST', expert.cookie, url, { version: read.version + 1, sha256: current.sha256 });
    expect(wrongVersion.json().error.code).toBe('version_conflict');
  });
});

describe('the agreement accepted', () => {
  it('is kept word for word: a later template edit or allowance shows before acceptance only', async () => {
    const { expert, mission } = await plannedMission(t, officer, 'nl', 'Nadia Bennani');
    await planDsa(t, mission.id, '4500.00', 'MAD', 11);
    const programmeId = (await get(officer, `/api/missions/${mission.id}`)).json().programmeId as string;
    const templates = `/api/programmes/${programmeId}/agreement-templates`;
    const agreementUrl = `/api/missions/${mission.id}/agreement`;
    const read = (await get(expert.cookie, agreementUrl)).json();
    expect(read).toMatchObject({ textAccepted: false, accepted: null });
    const hostBefore = (await get(focal, agreementUrl)).json();

    // Before acceptance, an edit of the template shows at once.
    const edited = '# Accord modifié\nEntre le programme et {{expert_name}}.\n{{dsa_planned}}';
    expect((await send('PUT', officer, `${templates}/fr`, { body: edited })).statusCode).toBe(200);
    const afterEdit = (await get(expert.cookie, agreementUrl)).json();
    expect(afterEdit.parts.at(-1).text).toMatch(/^# Accord modifié\nEntre le programme et Nadia Bennani\./);
    expect(afterEdit.sha256).not.toBe(read.sha256);
    await t.database.query('delete from agreement_templates where programme_id = $1', [programmeId]);
    expect((await get(expert.cookie, agreementUrl)).json().sha256).toBe(read.sha256);

    const pdfBefore = await pdfText((await get(expert.cookie, `${agreementUrl}.pdf`)).rawPayload);
    const accepted = await send('POST', expert.cookie, `${agreementUrl}/accept`, {
      version: read.version,
      sha256: read.sha256,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ textAccepted: true, parts: read.parts, sha256: read.sha256 });
    const [row] = await t.database.query<{ agreement_text: string }>(
      'select agreement_text from missions where id = $1',
      [mission.id],
    );
    expect(JSON.parse(row!.agreement_text).parts).toEqual(read.parts);

    // After acceptance: another template, another allowance; the agreement, its fingerprint and PDF stay.
    expect((await send('PUT', officer, `${templates}/fr`, { body: edited })).statusCode).toBe(200);
    expect((await send('PUT', officer, `${templates}/nl`, { body: edited })).statusCode).toBe(200);
    await planDsa(t, mission.id, '1000.00', 'EUR', 3);
    const after = await get(expert.cookie, `${agreementUrl}?language=en`);
    expect(after.json()).toMatchObject({
      language: 'nl',
      textAccepted: true,
      parts: read.parts,
      sha256: read.sha256,
      accepted: { sha256: read.sha256, matchesCurrent: false },
    });
    const staff = (await get(officer, agreementUrl)).json();
    expect(staff).toMatchObject({ parts: read.parts, sha256: read.sha256, textAccepted: true });
    const pdfAfter = await pdfText((await get(expert.cookie, `${agreementUrl}.pdf`)).rawPayload);
    expect(pdfAfter).toBe(pdfBefore);
    expect(pdfAfter).toContain(`SHA-256 ${read.sha256.slice(0, 16)}`);
    expect(pdfAfter).toContain('Geplande vergoeding');
    expect(pdfAfter).not.toContain('Accord modifié');
    expect(pdfAfter).not.toContain('EUR');

    // The host reads the same accepted text, still without the allowance.
    const hostAfter = (await get(focal, agreementUrl)).json();
    expect(hostAfter).toMatchObject({ textAccepted: true, amountsHidden: true, parts: hostBefore.parts });
    expect(JSON.stringify(hostAfter.parts)).not.toContain('MAD');
    const hostPdf = await pdfText((await get(focal, `${agreementUrl}.pdf`)).rawPayload);
    expect(hostPdf).not.toContain('Accord modifié');
    expect(hostPdf).not.toContain('4 500');

    // A mission not yet accepted in the same programme shows the edited template.
    const other = await plannedMission(t, officer, 'fr', 'Karim Tazi');
    const live = (await get(other.expert.cookie, `/api/missions/${other.mission.id}/agreement`)).json();
    expect(live).toMatchObject({ textAccepted: false });
    expect(live.parts[0].text).toMatch(/^# Accord modifié\nEntre le programme et Karim Tazi\./);
    await t.database.query('delete from agreement_templates where programme_id = $1', [programmeId]);
  });
});

describe('agreement templates', () => {
  it('lists the built-in templates, refuses unknown placeholders, and applies a programme’s own', async () => {
    const { expert, mission } = await plannedMission(t, officer, 'fr', 'Nadia Bennani');
    const programmeId = (await get(officer, `/api/missions/${mission.id}`)).json().programmeId as string;
    const url = `/api/programmes/${programmeId}/agreement-templates`;
    const listed = await get(officer, url);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(
      listed.json().templates.map((row: { locale: string; builtIn: boolean }) => [row.locale, row.builtIn]),
    ).toEqual([
      ['fr', true],
      ['ar', true],
      ['en', true],
      ['nl', true],
    ]);
    expect(listed.json().placeholders.map((row: { name: string }) => row.name)).toContain('deliverables');
    expect((await get(expert.cookie, url)).statusCode).toBe(403);

    const bad = await send('PUT', officer, `${url}/fr`, { body: '# Accord {{expert_name}} {{salaire}} {{ iban }}' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({
      code: 'template_unknown_placeholder',
      details: { unknown: ['salaire', 'iban'] },
      fields: [{ path: 'body', code: 'invalid_value' }],
    });
    expect((await send('PUT', officer, `${url}/xx`, { body: '# Accord' })).json().error.code).toBe('validation_failed');
    expect((await send('PUT', focal, `${url}/fr`, { body: '# Accord' })).statusCode).toBe(403);

    const body =
      '# Accord du programme\nEntre le programme et {{expert_name}}, auprès de {{host_name}}.\n{{deliverables}}';
    const saved = await send('PUT', officer, `${url}/fr`, { body });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().templates[0]).toMatchObject({
      locale: 'fr',
      body,
      builtIn: false,
      updatedBy: { name: expect.any(String) },
    });
    const agreement = (await get(expert.cookie, `/api/missions/${mission.id}/agreement`)).json();
    expect(agreement.parts[0].text).toMatch(
      /^# Accord du programme\nEntre le programme et Nadia Bennani, auprès de .+\.\n- Rapport de recommandations$/,
    );
    const audit = await t.database.query<{ changes: { body: { before: string | null; after: string } } }>(
      "select changes from audit_events where entity_id = $1 and action = 'agreement_template.updated'",
      [programmeId],
    );
    expect(audit.at(-1)!.changes.body).toEqual({ before: null, after: body });
    // Back to the built-in template for the other tests of this programme.
    await t.database.query('delete from agreement_templates where programme_id = $1', [programmeId]);
  });
});
