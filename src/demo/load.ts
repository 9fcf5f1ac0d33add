import { count } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { processingConsentVersion } from '../modules/identity/commands/register.ts';
import { consents, roleAssignments, users, type Role } from '../modules/identity/schema.ts';
import { hashPassword } from '../modules/identity/secrets.ts';
import { institutions } from '../modules/institutions/schema.ts';
import { programmes } from '../modules/programmes/schema.ts';
import { duplicateProfiles } from './expert-profiles.ts';
import { loadDemoInstitutions } from './institutions.ts';
import { loadDemoAssignments } from './assignments.ts';
import { insertDemoProfiles } from './load-profiles.ts';
import { loadDemoApplications } from './applications.ts';
import { loadDemoMissions } from './missions.ts';
import { trqnExperts } from './trqn-roster.ts';

export const demoPassword = 'passerelle-demo';
/** The demo staff's TOTP secret (base32), printed at start-up; it exists only in demo data. */
export const demoTotpSecret = 'JBSWY3DPEHPK3PXP';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  totp: boolean;
  institutionKey?: string;
}

export const demoAccounts: DemoAccount[] = [
  { email: 'admin@passerelle.example', name: 'Amal Admin', role: 'admin', totp: true },
  { email: 'officer@passerelle.example', name: 'Omar Officer', role: 'programme_officer', totp: true },
  { email: 'me@passerelle.example', name: 'Meriem Suivi', role: 'me_officer', totp: true },
  {
    email: 'focal.point@passerelle.example',
    name: 'Farid Point Focal',
    role: 'focal_point',
    totp: false,
    institutionKey: 'higher-education',
  },
  {
    email: 'expert@passerelle.example',
    name: `${trqnExperts[0]!.firstName} ${trqnExperts[0]!.lastName}`,
    role: 'expert',
    totp: false,
  },
  { email: 'donor@passerelle.example', name: 'Dirk Donor', role: 'donor', totp: false },
];

/** Host institutions named in the programme's launch and TRQN III results (real institutions). */
export const demoInstitutions = [
  {
    key: 'higher-education',
    type: 'ministry',
    nameFr: 'Ministère de l’Enseignement Supérieur, de la Recherche Scientifique et de la Formation des Cadres',
    nameAr: 'وزارة التعليم العالي والبحث العلمي وتكوين الأطر',
    nameEn: 'Ministry of Higher Education, Scientific Research and Executive Training',
  },
  {
    key: 'civil-service',
    type: 'ministry',
    nameFr: 'Ministère de la Fonction Publique et de la Modernisation de l’Administration',
    nameAr: 'وزارة الوظيفة العمومية وتحديث الإدارة',
    nameEn: 'Ministry of Civil Service and Modernisation of Administration',
  },
  {
    key: 'youth-temara',
    type: 'agency',
    nameFr: 'Ministère de la Jeunesse et des Sports — Centre de Sauvegarde de Temara',
    nameAr: 'وزارة الشباب والرياضة — مركز حماية الطفولة بتمارة',
    nameEn: 'Ministry of Youth and Sports — Centre de Sauvegarde de Temara',
  },
  {
    key: 'mre',
    type: 'ministry',
    nameFr: 'Ministère chargé des Marocains Résidant à l’Étranger et des Affaires de la Migration',
    nameAr: 'الوزارة المكلفة بالمغاربة المقيمين بالخارج وشؤون الهجرة',
    nameEn: 'Ministry in charge of Moroccans Residing Abroad and Migration Affairs',
  },
  {
    key: 'health',
    type: 'ministry',
    nameFr: 'Ministère de la Santé',
    nameAr: 'وزارة الصحة',
    nameEn: 'Ministry of Health',
  },
  {
    key: 'investment-agency',
    type: 'agency',
    nameFr: 'Agence Marocaine de Développement des Investissements',
    nameAr: 'الوكالة المغربية لتنمية الاستثمارات',
    nameEn: 'Moroccan Investment Development Agency',
  },
] as const;

/**
 * How many accounts the demo data creates: the six demo accounts, the TRQN roster (whose first expert is the demo
 * expert account) and the roster's later registrations under other spellings.
 */
export const demoUserCount = demoAccounts.length + trqnExperts.length - 1 + duplicateProfiles.length;

/** True when no account exists yet: the demo data is only ever loaded into an empty database. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ value: count() }).from(users);
  return Number(row?.value ?? 0) === 0;
}

/** Loads the demo programmes, institutions, accounts and the TRQN III roster with profiles, in one transaction. */
export async function loadDemoData(db: Db): Promise<void> {
  // Every demo account has the same password: hash it once rather than 53 times.
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    await tx.insert(programmes).values([
      {
        code: 'trqn-3-ma',
        name: 'TRQN III Maroc',
        donor: 'Ministère des Affaires étrangères des Pays-Bas',
        countries: ['MA'],
        startsOn: '2013-03-01',
        endsOn: '2016-04-30',
        status: 'closed',
      },
      {
        code: 'cd4d-ma',
        name: 'CD4D Maroc',
        donor: 'Ministère des Affaires étrangères des Pays-Bas',
        countries: ['MA'],
        startsOn: '2016-12-09',
        status: 'running',
      },
    ]);
    const insertedInstitutions = await tx
      .insert(institutions)
      .values(
        demoInstitutions.map(({ key: _key, ...institution }) => ({
          ...institution,
          kind: 'host' as const,
          country: 'MA',
        })),
      )
      .returning({ id: institutions.id, nameFr: institutions.nameFr });
    const institutionId = (key: string) =>
      insertedInstitutions.find(
        (row) => row.nameFr === demoInstitutions.find((institution) => institution.key === key)?.nameFr,
      )?.id ?? null;
    await loadDemoInstitutions(tx, institutionId);

    const now = new Date();
    const roster = trqnExperts.slice(1).map((expert) => ({
      email: expert.email,
      name: `${expert.firstName} ${expert.lastName}`,
      role: 'expert' as const,
      totp: false,
    }));
    // Later registrations of three TRQN experts under other spellings: the duplicates staff should find.
    const registeredAgain = duplicateProfiles.map((profile) => ({
      email: profile.email,
      name: `${profile.firstName} ${profile.lastName}`,
      role: 'expert' as const,
      totp: false,
    }));
    const people = [...demoAccounts, ...roster, ...registeredAgain];
    const created = await tx
      .insert(users)
      .values(
        people.map((person) => ({
          email: person.email,
          name: person.name,
          passwordHash,
          locale: 'fr' as const,
          emailVerifiedAt: now,
          totpSecret: person.totp ? demoTotpSecret : null,
          totpEnabledAt: person.totp ? now : null,
        })),
      )
      .returning({ id: users.id, email: users.email });
    const idOf = new Map(created.map((row) => [row.email, row.id]));
    await tx.insert(roleAssignments).values(
      people.map((person) => ({
        userId: idOf.get(person.email)!,
        role: person.role,
        institutionId:
          'institutionKey' in person && person.institutionKey ? institutionId(person.institutionKey) : null,
      })),
    );
    await tx.insert(consents).values(
      people
        .filter((person) => person.role === 'expert')
        .map((person) => ({
          userId: idOf.get(person.email)!,
          purpose: 'processing' as const,
          version: processingConsentVersion,
        })),
    );
    await insertDemoProfiles(tx, idOf);
    await loadDemoAssignments(tx, institutionId, (email) => idOf.get(email) ?? null, now);
    // After the ToRs: applications of demo experts on the published CD4D calls.
    await loadDemoApplications(tx, now);
    // Last: the TRQN III missions and CD4D missions in every state, on their own ToRs and selections.
    await loadDemoMissions(tx, { institutionId, userId: (email) => idOf.get(email) ?? null }, now);
    await recordAudit(tx, {
      actorId: null,
      action: 'demo.loaded',
      entityType: 'platform',
      changes: { accounts: { after: people.length } },
    });
  });
}
