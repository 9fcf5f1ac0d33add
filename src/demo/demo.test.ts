import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { roleAssignments, users } from '../modules/identity/schema.ts';
import { institutions } from '../modules/institutions/schema.ts';
import { programmes } from '../modules/programmes/schema.ts';
import { isReferenceCode } from '../modules/reference/lists.ts';
import { demoAccounts, demoInstitutions, demoTotpSecret, isDatabaseEmpty, loadDemoData } from './load.ts';
import { trqnExperts, trqnMissions } from './trqn-roster.ts';

describe('the TRQN III roster', () => {
  it('has the programme’s 48 experts and 78 missions', () => {
    expect(trqnExperts).toHaveLength(48);
    expect(trqnMissions).toHaveLength(78);
    expect(new Set(trqnExperts.map((expert) => expert.key)).size).toBe(48);
    expect(new Set(trqnExperts.map((expert) => expert.email)).size).toBe(48);
  });

  it('mixes genders, and its experts live in the Netherlands (mostly), Germany and Belgium', () => {
    const genders = new Set(trqnExperts.map((expert) => expert.gender));
    expect([...genders].sort()).toEqual(['female', 'male']);
    const byCountry: Record<string, number> = {};
    for (const expert of trqnExperts) byCountry[expert.residence] = (byCountry[expert.residence] ?? 0) + 1;
    expect(Object.keys(byCountry).sort()).toEqual(['BE', 'DE', 'NL']);
    expect(byCountry).toEqual({ NL: 33, DE: 9, BE: 6 });
    expect(trqnExperts.filter((expert) => expert.gender === 'female')).toHaveLength(19);
  });

  it('ties every mission to a roster expert and a demo institution, in the four sectors, within the programme', () => {
    const experts = new Set(trqnExperts.map((expert) => expert.key));
    const hosts = new Set<string>(demoInstitutions.map((institution) => institution.key));
    for (const mission of trqnMissions) {
      expect(experts).toContain(mission.expertKey);
      expect(hosts).toContain(mission.institutionKey);
      expect(['education', 'public_administration', 'investment', 'health']).toContain(mission.sector);
      expect(mission.startsOn >= '2013-03-01' && mission.startsOn <= '2016-04-30').toBe(true);
      expect(mission.workingDays).toBeGreaterThan(0);
    }
    // Every expert carried out at least one mission, and each of the four sectors was served.
    expect(new Set(trqnMissions.map((mission) => mission.expertKey)).size).toBe(48);
    expect(new Set(trqnMissions.map((mission) => mission.sector)).size).toBe(4);
  });

  it('names the partner institutions of the Rabat launch', () => {
    const names = demoInstitutions.map((institution) => institution.nameEn).join('\n');
    expect(names).toContain('Ministry of Higher Education, Scientific Research and Executive Training');
    expect(names).toContain('Ministry of Civil Service and Modernisation of Administration');
    expect(names).toContain('Centre de Sauvegarde de Temara');
    expect(names).toContain('Ministry in charge of Moroccans Residing Abroad and Migration Affairs');
  });

  it('makes the demo expert account one of the 48', () => {
    const demoExpert = demoAccounts.find((account) => account.role === 'expert')!;
    expect(demoExpert.email).toBe('expert@passerelle.example');
    expect(trqnExperts.map((expert) => expert.email)).toContain(demoExpert.email);
  });
});

describe('loadDemoData', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
    expect(await isDatabaseEmpty(test.database.db)).toBe(true);
    await loadDemoData(test.database.db);
  });
  afterAll(() => test.drop());

  it('creates one account per role, staff with the demo TOTP secret, the focal point at the Ministry of Higher Education', async () => {
    const { db } = test.database;
    const rows = await db
      .select({
        email: users.email,
        role: roleAssignments.role,
        institution: institutions.nameEn,
        totpSecret: users.totpSecret,
        verified: users.emailVerifiedAt,
      })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .leftJoin(institutions, eq(institutions.id, roleAssignments.institutionId));
    const byEmail = new Map(rows.map((row) => [row.email, row]));
    expect(demoAccounts.map((account) => [account.email, byEmail.get(account.email)?.role])).toEqual([
      ['admin@passerelle.example', 'admin'],
      ['officer@passerelle.example', 'programme_officer'],
      ['me@passerelle.example', 'me_officer'],
      ['focal.point@passerelle.example', 'focal_point'],
      ['expert@passerelle.example', 'expert'],
      ['donor@passerelle.example', 'donor'],
    ]);
    expect(byEmail.get('focal.point@passerelle.example')!.institution).toBe(
      'Ministry of Higher Education, Scientific Research and Executive Training',
    );
    for (const email of ['admin@passerelle.example', 'officer@passerelle.example', 'me@passerelle.example']) {
      expect(byEmail.get(email)!.totpSecret).toBe(demoTotpSecret);
    }
    expect(byEmail.get('expert@passerelle.example')!.totpSecret).toBeNull();
    expect(rows.every((row) => row.verified !== null)).toBe(true);
    // The 48 TRQN experts and three later registrations of three of them (deliberate near-duplicates).
    expect(rows.filter((row) => row.role === 'expert')).toHaveLength(51);
    expect(rows).toHaveLength(56);
  });

  it('creates the two programmes and is then no longer empty', async () => {
    const rows = await test.database.db.select({ name: programmes.name, status: programmes.status }).from(programmes);
    expect(rows.map((row) => `${row.name}:${row.status}`).sort()).toEqual([
      'CD4D Maroc:running',
      'TRQN III Maroc:closed',
    ]);
    expect(await isDatabaseEmpty(test.database.db)).toBe(false);
  });
});

describe('the demo profiles', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
    await loadDemoData(test.database.db);
  });
  afterAll(() => test.drop());

  it('gives every demo expert a searchable profile with names in both scripts, consent and availability', async () => {
    const rows = await test.database.query<{
      profiles: number;
      indexed: number;
      arabic: number;
      consented: number;
      available: number;
      residence: string[];
    }>(`
      select count(*)::int as profiles,
        count(*) filter (where p.search_vector is not null and cardinality(p.name_keys) > 0 and p.name_search <> '')::int
          as indexed,
        count(*) filter (where p.name_ar ~ '[\u0600-\u06FF]')::int as arabic,
        count(*) filter (where exists (select 1 from consents c where c.user_id = p.user_id
          and c.purpose = 'processing' and c.withdrawn_at is null))::int as consented,
        count(*) filter (where exists (select 1 from expert_availability a where a.user_id = p.user_id))::int
          as available,
        array_agg(distinct p.residence_country order by p.residence_country) as residence
      from expert_profiles p`);
    expect(rows[0]).toEqual({
      profiles: 51,
      indexed: 51,
      arabic: 51,
      consented: 51,
      available: 51,
      residence: ['BE', 'DE', 'NL'],
    });
  });

  it('uses only education, health, governance and business DAC sectors, and 4-digit ISCO codes', async () => {
    const rows = await test.database.query<{ sector: string }>(
      `select distinct unnest(sectors) as sector from expert_profiles`,
    );
    for (const { sector } of rows) expect(sector).toMatch(/^(11|12|15|25)\d{3}$/);
    const occupations = await test.database.query<{ occupation: string }>(
      `select distinct occupation from expert_profiles`,
    );
    for (const { occupation } of occupations) expect(occupation).toMatch(/^\d{4}$/);
  });

  it('gives the staff side vetting checks that agree with each status, the TRQN tag and a note', async () => {
    const disagreeing = await test.database.query(`
      select p.user_id from expert_profiles p
      where (p.vetting_status = 'vetted') <> (
        select count(distinct c.subject) = 2 and bool_and(c.outcome = 'verified')
        from expert_vetting_checks c where c.user_id = p.user_id)`);
    expect(disagreeing).toEqual([]);
    const [tags] = await test.database.query<{ trqn: number; notes: number }>(
      `select (select count(*)::int from expert_tags where tag = 'trqn-iii') as trqn,
              (select count(*)::int from expert_staff_notes) as notes`,
    );
    expect(tags).toEqual({ trqn: 48, notes: 1 });
  });
});

describe('the demo programmes, institutions and development plans', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
    await loadDemoData(test.database.db);
  });
  afterAll(() => test.drop());

  it('gives both programmes valid priority sectors and the diaspora’s countries of residence', async () => {
    const rows = await test.database.db.select().from(programmes);
    for (const row of rows) {
      expect(row.prioritySectors.length).toBeGreaterThan(0);
      for (const code of row.prioritySectors) expect(isReferenceCode('sectors', code)).toBe(true);
      expect(row.eligibleResidenceCountries).toEqual(['NL', 'DE', 'BE']);
    }
    const cd4d = rows.find((row) => row.code === 'cd4d-ma')!;
    expect(cd4d.prioritySectors).toEqual(
      expect.arrayContaining(['11420', '11430', '15110', '12110', '12191', '25010']),
    );
  });

  it('places every host in Rabat-Salé-Kénitra with a province of that region, and adds a Dutch partner', async () => {
    const rows = await test.database.db.select().from(institutions);
    const hosts = rows.filter((row) => row.kind === 'host');
    expect(hosts).toHaveLength(demoInstitutions.length);
    for (const host of hosts) {
      expect(host.region).toBe('04');
      expect(host.province).toMatch(/^04\.\d{3}$/);
      expect(isReferenceCode('provinces', host.province!)).toBe(true);
      expect(host.city).toBeTruthy();
      for (const code of host.sectors) expect(isReferenceCode('sectors', code)).toBe(true);
    }
    expect(rows.filter((row) => row.kind === 'partner')).toEqual([
      expect.objectContaining({ country: 'NL', type: 'university', region: null }),
    ]);
  });

  it('writes CD4D development plans for higher education and health: ordered outcomes, each with needs', async () => {
    const plans = await test.database.query<{ name: string; position: number; needs: number }>(`
      select i.name_en as name, o.position, count(n.id)::int as needs
      from institution_outcomes o
      join institutions i on i.id = o.institution_id
      join programmes p on p.id = o.programme_id and p.code = 'cd4d-ma'
      left join capacity_needs n on n.outcome_id = o.id
      group by i.name_en, o.position order by i.name_en, o.position`);
    const byInstitution = new Map<string, { position: number; needs: number }[]>();
    for (const row of plans) byInstitution.set(row.name, [...(byInstitution.get(row.name) ?? []), row]);
    expect([...byInstitution.keys()].sort()).toEqual([
      'Ministry of Health',
      'Ministry of Higher Education, Scientific Research and Executive Training',
    ]);
    for (const outcomes of byInstitution.values()) {
      expect(outcomes.map((outcome) => outcome.position)).toEqual(outcomes.map((_, index) => index + 1));
      expect(outcomes.length).toBeGreaterThanOrEqual(2);
      for (const outcome of outcomes) expect(outcome.needs).toBeGreaterThanOrEqual(2);
    }
  });
});
