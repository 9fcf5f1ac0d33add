import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { minimalDocx, minimalPdf, multipart } from '../experts/documents/documents.test-helper.ts';
import { signInDemo } from '../experts/experts.test-helper.ts';
import { createTor, demoIds, move, validBody } from './assignments.test-helper.ts';

let t: TestApp;
let officer: string;
let focal: string;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  focal = await signInDemo(t, 'focal.point');
  ids = await demoIds(t);
});
afterAll(() => t.close());

const attach = (
  cookie: string,
  id: string,
  fileName: string,
  bytes: Uint8Array,
  extra: { name: string; value: string }[] = [],
) =>
  t.request({
    method: 'POST',
    url: `/api/assignments/${id}/attachments`,
    cookie,
    ...multipart([...extra, { name: 'file', fileName, bytes }]),
  });

describe('ToR attachments', () => {
  it('stores PDF and DOCX recognised from the bytes, serves them as attachments, deletes them', async () => {
    const tor = await createTor(t, focal, validBody(ids.programmeId));
    const pdf = await attach(focal, tor.id, 'annexe budget été.pdf', minimalPdf(['Budget indicatif']));
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ fileName: 'annexe budget été.pdf', mediaType: 'application/pdf', public: true });
    const docx = await attach(focal, tor.id, 'cahier.bin', minimalDocx(['Cahier des charges']), [
      { name: 'public', value: 'false' },
    ]);
    expect(docx.json()).toMatchObject({
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      public: false,
    });

    const download = await t.request({
      method: 'GET',
      url: `/api/assignments/${tor.id}/attachments/${pdf.json().id}`,
      cookie: officer,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="annexe budget _t_.pdf"; filename\*=UTF-8''annexe%20budget%20/,
    );
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const page = await t.request({ method: 'GET', url: `/api/assignments/${tor.id}`, cookie: focal });
    expect(page.json().attachments).toHaveLength(2);

    const removed = await t.request({
      method: 'DELETE',
      url: `/api/assignments/${tor.id}/attachments/${docx.json().id}`,
      cookie: focal,
    });
    expect(removed.json()).toEqual({ status: 'deleted' });
    const audit = await t.database.query<{ action: string }>(
      "select action from audit_events where entity_id = $1 and action like 'assignment.attachment%' order by at",
      [tor.id],
    );
    expect(audit.map((event) => event.action)).toEqual([
      'assignment.attachment_added',
      'assignment.attachment_added',
      'assignment.attachment_deleted',
    ]);
  });

  it('refuses other types, files over 10 MB, an eleventh file and changes once submitted', async () => {
    const tor = await createTor(t, focal, validBody(ids.programmeId));
    const html = await attach(focal, tor.id, 'termes.pdf', new TextEncoder().encode('<html><script>1</script></html>'));
    expect(html.statusCode).toBe(415);
    expect(html.json().error.code).toBe('unsupported_file_type');
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const tooBig = await attach(focal, tor.id, 'gros.pdf', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');

    for (let i = 0; i < 10; i++) {
      expect((await attach(focal, tor.id, `annexe-${i}.pdf`, minimalPdf([`Annexe ${i}`]))).statusCode).toBe(201);
    }
    const eleventh = await attach(focal, tor.id, 'annexe-10.pdf', minimalPdf(['Annexe 10']));
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().error.code).toBe('attachment_limit_reached');

    const [{ count }] = (await t.database.query<{ count: string }>(
      'select count(*)::text as count from assignment_attachments where assignment_id = $1',
      [tor.id],
    )) as [{ count: string }];
    expect(count).toBe('10');

    await move(t, focal, tor.id, 'submitted');
    const late = await attach(focal, tor.id, 'tard.pdf', minimalPdf(['Tard']));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('assignment_not_editable');
    const list = await t.request({ method: 'GET', url: `/api/assignments/${tor.id}`, cookie: focal });
    const first = list.json().attachments[0].id as string;
    const deleteLate = await t.request({
      method: 'DELETE',
      url: `/api/assignments/${tor.id}/attachments/${first}`,
      cookie: focal,
    });
    expect(deleteLate.json().error.code).toBe('assignment_not_editable');
  });

  it('hides another institution’s attachments from a focal point', async () => {
    const tor = await createTor(t, officer, { ...validBody(ids.programmeId), institutionId: ids.otherInstitutionId });
    const file = await attach(officer, tor.id, 'annexe.pdf', minimalPdf(['Annexe']));
    expect(file.statusCode).toBe(201);
    const response = await t.request({
      method: 'GET',
      url: `/api/assignments/${tor.id}/attachments/${file.json().id}`,
      cookie: focal,
    });
    expect(response.statusCode).toBe(404);
    expect((await attach(focal, tor.id, 'x.pdf', minimalPdf(['X']))).statusCode).toBe(404);
  });
});
