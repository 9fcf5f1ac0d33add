import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { demoDemandContext } from '../../../../test/helpers/assignments.ts';
import { signInDemo } from '../../experts/experts.test-helper.ts';

let t: TestApp;
let officer: string;
let me: string;
let focal: string;
let expert: string;
let donor: string;
let programmeId: string;
let institutionId: string;
let otherInstitutionId: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  officer = await signInDemo(t, 'officer');
  me = await signInDemo(t, 'me');
  focal = await signInDemo(t, 'focal.point');
  expert = await signInDemo(t, 'expert');
  donor = await signInDemo(t, 'donor');
  ({ programmeId, institutionId } = await demoDemandContext(t.database.db));
  // An institution no focal point of the demo holds.
  const [other] = await t.database.query<{ id: string }>(
    `select id from institutions where id not in
       (select institution_id from role_assignments where institution_id is not null) order by id limit 1`,
  );
  otherInstitutionId = other!.id;
});
afterAll(() => t.close());

const list = (cookie: string, query = '') => t.request({ method: 'GET', url: `/api/internships${query}`, cookie });
const record = (payload: Record<string, unknown>, cookie = officer) =>
  t.request({ method: 'POST', url: '/api/internships', cookie, payload });
const change = (id: string, payload: Record<string, unknown>, cookie = officer) =>
  t.request({ method: 'PUT', url: `/api/internships/${id}`, cookie, payload });

const training = (overrides: Record<string, unknown> = {}) => ({
  programmeId,
  institutionId,
  kind: 'training',
  traineeName: 'Salma Idrissi',
  traineeEmail: 'salma.idrissi@example.ma',
  partnerInstitution: 'Nationaal Archief',
  country: 'NL',
  city: 'Den Haag',
  startsOn: '2026-09-07',
  endsOn: '2026-09-18',
  topic: 'Archivage électronique et conservation numérique',
  costAmount: '3250.5',
  costCurrency: 'EUR',
  ...overrides,
});

const countInternships = async () =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from internships'))[0]!.n;

describe('internships and trainings abroad', () => {
  it('are recorded and changed by organisers, audited, and listed by programme and institution', async () => {
    const created = await record(training());
    expect(created.statusCode, created.body).toBe(201);
    const row = created.json();
    expect(row).toMatchObject({ kind: 'training', costAmount: '3250.50', costCurrency: 'EUR', report: null });
    const elsewhere = await record(
      training({ institutionId: otherInstitutionId, kind: 'internship', costAmount: null, costCurrency: null }),
    );
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    const withReport = await change(row.id, training({ report: 'Procédures de versement revues avec le service.' }));
    expect(withReport.statusCode, withReport.body).toBe(200);
    expect(withReport.json().report).toBe('Procédures de versement revues avec le service.');
    const [audit] = await t.database.query<{ changes: Record<string, unknown> }>(
      `select changes from audit_events where action = 'internship.updated' and entity_id = $1`,
      [row.id],
    );
    expect(audit!.changes).toEqual({
      report: { before: null, after: 'Procédures de versement revues avec le service.' },
    });
    const mine = (await list(me, `?institutionId=${institutionId}&programmeId=${programmeId}`)).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toContain(row.id);
    expect(mine.items.every((item: { institutionId: string }) => item.institutionId === institutionId)).toBe(true);
    const paged = (await list(me, '?pageSize=1')).json();
    expect(paged).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
  });

  it('are read by focal points for their own institutions only, and by no expert or donor', async () => {
    const response = await list(focal);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { institutionId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((item) => item.institutionId === institutionId)).toBe(true);
    expect(items.some((item) => item.institutionId === otherInstitutionId)).toBe(false);
    const asked = (await list(focal, `?institutionId=${otherInstitutionId}`)).json();
    expect(asked).toMatchObject({ items: [], total: 0 });
    expect((await list(expert)).statusCode).toBe(403);
    expect((await list(donor)).statusCode).toBe(403);
    expect((await record(training(), focal)).statusCode).toBe(403);
    expect((await record(training(), me)).statusCode).toBe(403);
  });

  it('refuses bad input with its code and changes nothing', async () => {
    const before = await countInternships();
    const refusals: [Record<string, unknown>, number, string, string, string | undefined][] = [
      [training({ endsOn: '2026-09-01' }), 400, 'validation_failed', 'endsOn', 'date_order'],
      [training({ country: 'QQ' }), 400, 'validation_failed', 'country', 'invalid_value'],
      [training({ country: 'Netherlands' }), 400, 'validation_failed', 'country', undefined],
      [training({ costCurrency: 'XYZ' }), 422, 'unknown_currency', 'costCurrency', 'invalid_value'],
      [training({ costCurrency: null }), 400, 'validation_failed', 'costCurrency', 'required'],
      [training({ costAmount: null }), 400, 'validation_failed', 'costAmount', 'required'],
      [training({ costCurrency: 'XOF' }), 400, 'validation_failed', 'costAmount', 'invalid_value'],
      [
        training({ programmeId: '00000000-0000-4000-8000-000000000000' }),
        400,
        'validation_failed',
        'programmeId',
        'not_found',
      ],
      [training({ kind: 'exchange' }), 400, 'validation_failed', 'kind', undefined],
    ];
    for (const [body, status, code, path, fieldCode] of refusals) {
      const response = await record(body);
      expect(response.statusCode, `${JSON.stringify(body)} ${response.body}`).toBe(status);
      const error = response.json().error;
      expect(error.code).toBe(code);
      expect(error.fields).toContainEqual(expect.objectContaining({ path, ...(fieldCode ? { code: fieldCode } : {}) }));
    }
    expect(await countInternships()).toBe(before);
    const [existing] = (await list(officer, '?pageSize=1')).json().items;
    const refused = await change(existing.id, training({ startsOn: '2026-10-01', endsOn: '2026-09-30' }));
    expect(refused.json().error.code).toBe('validation_failed');
    const unchanged = (await list(officer, '?pageSize=1')).json().items[0];
    expect(unchanged).toEqual(existing);
    const unknown = await change('00000000-0000-4000-8000-000000000000', training());
    expect(unknown.json().error.code).toBe('not_found');
  });
});
