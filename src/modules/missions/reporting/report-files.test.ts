import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { minimalPdf, multipart } from '../../experts/documents/documents.test-helper.ts';
import {
  auditActions,
  dayFromToday,
  expectError,
  insertMission,
  missionScene,
  rowsOf,
} from './reporting.test-helper.ts';

let t: TestApp;
let cookies: Awaited<ReturnType<typeof missionScene>>;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  cookies = await missionScene(t);
});
afterAll(() => t.close());

const pdf = minimalPdf(['Étude de faisabilité', 'Recommandations']);
const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });

const uploadFile = (cookie: string, missionId: string, fileName: string, bytes: Uint8Array) => {
  const body = multipart([{ name: 'file', fileName, bytes }]);
  return t.request({ method: 'POST', url: `/api/missions/${missionId}/report/files`, cookie, ...body });
};
const listFiles = (cookie: string, missionId: string) =>
  t.request({ method: 'GET', url: `/api/missions/${missionId}/report/files`, cookie });
const download = (cookie: string, missionId: string, fileId: string) =>
  t.request({ method: 'GET', url: `/api/missions/${missionId}/report/files/${fileId}/content`, cookie });
const saveReport = (cookie: string, missionId: string, deliverables: unknown[], submit = false) =>
  t.request({
    method: 'POST',
    url: `/api/missions/${missionId}/report`,
    cookie,
    payload: {
      activities: 'Deux ateliers.',
      deliverables,
      results: 'Un plan adopté.',
      recommendations: 'Suivre en ligne.',
      submit,
    },
  });

describe('deliverable files of a mission report', () => {
  it('takes the expert’s documents, spreadsheets and decks, keeps those the report names, and shows them once submitted', async () => {
    const mission = await insertMission(t);
    const study = await uploadFile(cookies.expert, mission.id, 'étude.pdf', pdf);
    expect(study.statusCode, study.body).toBe(201);
    expect(study.json()).toMatchObject({ fileName: 'étude.pdf', mediaType: 'application/pdf', byteSize: pdf.length });
    const sheet = await uploadFile(cookies.expert, mission.id, 'budget.xlsx', xlsx);
    expect(sheet.json().mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await listFiles(cookies.expert, mission.id)).json().items).toHaveLength(2);

    // Only the study is named: saving the draft drops the spreadsheet.
    const draft = await saveReport(cookies.expert, mission.id, [{ title: 'Étude', fileId: study.json().id }]);
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().report.deliverables).toEqual([
      {
        title: 'Étude',
        fileId: study.json().id,
        fileName: 'étude.pdf',
        mediaType: 'application/pdf',
        byteSize: pdf.length,
      },
    ]);
    expect((await listFiles(cookies.expert, mission.id)).json().items.map((f: { id: string }) => f.id)).toEqual([
      study.json().id,
    ]);

    // A draft's files are the expert's alone.
    expect((await download(cookies.expert, mission.id, study.json().id)).statusCode).toBe(200);
    expectError(await download(cookies.officer, mission.id, study.json().id), 404, 'not_found');
    expectError(await download(cookies.focal, mission.id, study.json().id), 404, 'not_found');

    expect(
      (
        await saveReport(
          cookies.expert,
          mission.id,
          draft
            .json()
            .report.deliverables.map(({ title, fileId }: { title: string; fileId: string }) => ({ title, fileId })),
          true,
        )
      ).statusCode,
    ).toBe(200);
    for (const cookie of [cookies.officer, cookies.focal]) {
      const file = await download(cookie, mission.id, study.json().id);
      expect(file.statusCode, file.body).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toContain("filename*=UTF-8''%C3%A9tude.pdf");
      expect(new Uint8Array(file.rawPayload)).toEqual(pdf);
    }
    expect(await auditActions(t, mission.id)).toEqual(
      expect.arrayContaining(['mission.report_file_uploaded', 'mission.report_submitted']),
    );
    // Submitted: nothing more is attached until staff return it.
    expectError(await uploadFile(cookies.expert, mission.id, 'late.pdf', pdf), 409, 'report_locked');
    expect(await rowsOf(t, 'mission_report_files', mission.id)).toHaveLength(1);
  });

  it('refuses other types, other missions’ files, other people and missions not started, storing nothing', async () => {
    const mission = await insertMission(t, { startsOn: dayFromToday(20), endsOn: dayFromToday(25) });
    const planned = await insertMission(t, { state: 'planned', startsOn: dayFromToday(40), endsOn: dayFromToday(45) });
    const program = strToU8('MZ\x90\x00 a Windows program');
    const refused = await uploadFile(cookies.expert, mission.id, 'setup.pdf', program);
    expectError(refused, 415, 'unsupported_deliverable_type');
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ path: 'file', code: 'invalid_value' })]);
    expectError(await uploadFile(cookies.officer, mission.id, 'x.pdf', pdf), 403, 'forbidden');
    expectError(await uploadFile(cookies.focal, mission.id, 'x.pdf', pdf), 403, 'forbidden');
    expectError(await listFiles(cookies.officer, mission.id), 403, 'forbidden');
    expectError(await uploadFile(cookies.expert, planned.id, 'x.pdf', pdf), 409, 'mission_not_started');
    expect(await rowsOf(t, 'mission_report_files', mission.id)).toEqual([]);
    expect(await rowsOf(t, 'mission_report_files', planned.id)).toEqual([]);

    const other = await insertMission(t, { startsOn: dayFromToday(60), endsOn: dayFromToday(65) });
    const elsewhere = (await uploadFile(cookies.expert, other.id, 'ailleurs.pdf', pdf)).json().id;
    const wrong = await saveReport(cookies.expert, mission.id, [{ title: 'Ailleurs', fileId: elsewhere }]);
    expectError(wrong, 400, 'validation_failed');
    expect(wrong.json().error.fields).toEqual([
      expect.objectContaining({ path: 'deliverables.0.fileId', code: 'not_found' }),
    ]);
    expect(await rowsOf(t, 'mission_reports', mission.id)).toEqual([]);
    expectError(await download(cookies.expert, mission.id, elsewhere), 404, 'not_found');
  });

  it('holds at most thirty files per report', async () => {
    const mission = await insertMission(t, { startsOn: dayFromToday(80), endsOn: dayFromToday(85) });
    for (let index = 0; index < 30; index += 1) {
      expect((await uploadFile(cookies.expert, mission.id, `annexe-${index}.pdf`, pdf)).statusCode).toBe(201);
    }
    expectError(await uploadFile(cookies.expert, mission.id, 'trop.pdf', pdf), 409, 'report_file_limit_reached');
    expect((await listFiles(cookies.expert, mission.id)).json()).toMatchObject({ maxFiles: 30 });
    expect(await rowsOf(t, 'mission_report_files', mission.id)).toHaveLength(30);
  });
});
