/**
 * Profiles for the demo roster: the 48 TRQN III experts (trqn-roster.ts) and three later registrations that are
 * deliberate near-duplicates of three of them, so that duplicate detection and cross-script search have something
 * real to find. Everything is invented and deterministic; codes are real (DAC sectors, ISCO-08, CEFR, skills
 * vocabulary keys).
 */
import { findSkillConcept } from '../modules/reference/skills.ts';
import { trqnExperts, trqnMissions, type DemoExpert, type DemoSector } from './trqn-roster.ts';

export type Lang = 'fr' | 'en' | 'nl' | 'ar';

export interface DemoProfile {
  email: string;
  firstName: string;
  lastName: string;
  nameAr: string;
  gender: 'female' | 'male';
  birthDate: string;
  phone: string | null;
  nationalities: string[];
  residenceCountry: string;
  residenceCity: string;
  originCountry: 'MA';
  occupation: string;
  sectors: string[];
  preferredRegions: string[];
  headline: string;
  summary: string;
  vettingStatus: 'unvetted' | 'in_review' | 'vetted' | 'rejected';
  staleSince: Date | null;
  languages: { language: string; level: 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' }[];
  skills: { label: string; conceptId: string }[];
  availability: { startsOn: string; endsOn: string; onSite: boolean; online: boolean }[];
  experience: { title: string; employer: string; country: string; startsOn: string; description: string }[];
  education: { degree: string; field: string; institution: string; country: string; yearCompleted: number }[];
}

const dacCodes: Record<DemoSector, [string, string]> = {
  education: ['11420', '11110'],
  public_administration: ['15110', '15190'],
  investment: ['25010', '25030'],
  health: ['12110', '12191'],
};
const iscoCodes: Record<DemoSector, [string, string]> = {
  education: ['2310', '2351'],
  public_administration: ['2422', '1213'],
  investment: ['2421', '2412'],
  health: ['2211', '1342'],
};
const skillKeys: Record<DemoSector, string[]> = {
  education: ['higher-education', 'curriculum-development', 'e-learning', 'university-management', 'teacher-training'],
  public_administration: ['public-sector-reform', 'e-government', 'strategic-planning', 'change-management'],
  investment: ['investment-promotion', 'entrepreneurship', 'sme-development', 'public-private-partnership'],
  health: ['hospital-management', 'public-health', 'health-information-systems', 'epidemiology'],
};

/** Headline and summary per sector and language; the French health text is what the stemming tests search. */
export const demoTexts: Record<DemoSector, Record<Lang, [string, string]>> = {
  education: {
    fr: [
      'Enseignant-chercheur en ingénierie pédagogique',
      'Professeur associé, j’accompagne les universités marocaines dans la réforme des programmes, la formation des enseignants et le développement de cours en ligne.',
    ],
    en: [
      'University lecturer in curriculum design',
      'Associate professor supporting Moroccan universities with curriculum reform, teacher training and the design of online courses for large classes.',
    ],
    nl: [
      'Docent hoger onderwijs en onderwijskundige',
      'Universitair docent die Marokkaanse universiteiten ondersteunt bij de vernieuwing van opleidingen, de scholing van docenten en het ontwikkelen van online cursussen.',
    ],
    ar: [
      'أستاذ باحث في الهندسة البيداغوجية',
      'أستاذ جامعي يواكب الجامعات المغربية في إصلاح البرامج وتكوين الأساتذة وتطوير الدروس عن بعد.',
    ],
  },
  public_administration: {
    fr: [
      'Consultant en modernisation de l’administration',
      'Conseiller en réforme du secteur public: simplification des procédures, administration électronique et conduite du changement dans les ministères.',
    ],
    en: [
      'Public sector reform adviser',
      'Adviser on public sector reform: simplifying procedures, e-government services and change management in ministries and local authorities.',
    ],
    nl: [
      'Adviseur modernisering openbaar bestuur',
      'Adviseur voor de hervorming van de publieke sector: vereenvoudiging van procedures, digitale overheid en verandermanagement bij ministeries en gemeenten.',
    ],
    ar: [
      'مستشار في تحديث الإدارة العمومية',
      'مستشار في إصلاح القطاع العام وتبسيط المساطر الإدارية والإدارة الإلكترونية وقيادة التغيير في الوزارات.',
    ],
  },
  investment: {
    fr: [
      'Spécialiste de la promotion des investissements',
      'Économiste, j’accompagne les agences de promotion des investissements et les petites et moyennes entreprises dans leurs plans d’affaires et leur accès au financement.',
    ],
    en: [
      'Investment promotion specialist',
      'Economist working with investment promotion agencies and small and medium enterprises on business plans, export strategies and access to finance.',
    ],
    nl: [
      'Specialist investeringsbevordering',
      'Econoom die investeringsagentschappen en het midden- en kleinbedrijf begeleidt bij ondernemingsplannen, exportstrategieën en toegang tot financiering.',
    ],
    ar: [
      'خبير في إنعاش الاستثمار',
      'خبير اقتصادي يواكب وكالات إنعاش الاستثمار والمقاولات الصغرى والمتوسطة في مخططات الأعمال والولوج إلى التمويل.',
    ],
  },
  health: {
    fr: [
      'Médecin, gestion hospitalière et santé publique',
      'Médecin de santé publique, spécialisé dans la gestion des hôpitaux régionaux, les systèmes d’information sanitaire et la formation des équipes soignantes.',
    ],
    en: [
      'Physician, hospital management and public health',
      'Public health physician specialised in managing regional hospitals, health information systems and the training of nursing teams.',
    ],
    nl: [
      'Arts, ziekenhuismanagement en volksgezondheid',
      'Arts volksgezondheid, gespecialiseerd in het besturen van regionale ziekenhuizen, informatiesystemen in de zorg en de opleiding van verpleegkundigen.',
    ],
    ar: [
      'طبيب في تدبير المستشفيات والصحة العمومية',
      'طبيب في الصحة العمومية متخصص في تدبير المستشفيات الجهوية ونظم المعلومات الصحية وتكوين الأطر التمريضية.',
    ],
  },
};

const cities: Record<DemoExpert['residence'], string[]> = {
  NL: ['Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven'],
  DE: ['Düsseldorf', 'Frankfurt am Main', 'Köln'],
  BE: ['Bruxelles', 'Antwerpen', 'Liège'],
};
const universities: Record<DemoExpert['residence'], string[]> = {
  NL: ['Universiteit Utrecht', 'Erasmus Universiteit Rotterdam', 'Universiteit van Amsterdam'],
  DE: ['Universität zu Köln', 'Goethe-Universität Frankfurt'],
  BE: ['Université libre de Bruxelles', 'KU Leuven'],
};
const phonePrefix: Record<DemoExpert['residence'], string> = { NL: '+31 6', DE: '+49 151', BE: '+32 470' };
const residenceLanguage: Record<DemoExpert['residence'], string> = { NL: 'nl', DE: 'de', BE: 'nl' };

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
const day = (base: string, days: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The language an expert wrote their profile in: mostly French, Dutch in the Netherlands, some English and Arabic. */
function writingLanguage(expert: DemoExpert, index: number): Lang {
  if (index % 11 === 5) return 'ar';
  if (expert.residence === 'BE') return 'fr';
  if (expert.residence === 'DE') return index % 2 ? 'en' : 'fr';
  return pick<Lang>(['fr', 'nl', 'en', 'fr'], index);
}

function profileOf(expert: DemoExpert, index: number): DemoProfile {
  const missionSectors = [
    ...new Set(trqnMissions.filter((mission) => mission.expertKey === expert.key).map((m) => m.sector)),
  ];
  const main = missionSectors[0]!;
  const lang = writingLanguage(expert, index);
  const [headline, summary] = demoTexts[main][lang];
  const labelLang = lang === 'ar' ? 'fr' : lang;
  const skills = [0, 1, 2].map((n) => {
    const key = pick(skillKeys[pick(missionSectors, n)], index + n);
    return { conceptId: key, label: findSkillConcept(key)?.labels[labelLang] ?? key };
  });
  const start = day('2027-01-04', (index * 17) % 180);
  const online = index % 3 !== 0;
  const onSite = index % 3 !== 1;
  const availability = [{ startsOn: start, endsOn: day(start, 14 + ((index * 5) % 60)), onSite, online }];
  if (index % 4 === 0)
    availability.push({ startsOn: day(start, 200), endsOn: day(start, 230), onSite: true, online: true });
  const university = pick(universities[expert.residence], index);
  return {
    email: expert.email,
    firstName: expert.firstName,
    lastName: expert.lastName,
    nameAr: expert.nameAr,
    gender: expert.gender,
    birthDate: `${1958 + ((index * 7) % 30)}-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + ((index * 3) % 28)).padStart(2, '0')}`,
    phone: `${phonePrefix[expert.residence]} ${String(10_000_000 + index * 7_919_321).slice(-8)}`,
    nationalities: ['MA', expert.residence],
    residenceCountry: expert.residence,
    residenceCity: pick(cities[expert.residence], index),
    originCountry: 'MA',
    occupation: pick(iscoCodes[main], Math.floor(index / 6)),
    sectors: [...new Set(missionSectors.flatMap((sector) => dacCodes[sector].slice(0, 1 + (index % 2))))],
    preferredRegions: [pick(['01', '04', '06', '07'], index), pick(['02', '03', '05', '08', '09'], index)],
    headline,
    summary,
    vettingStatus:
      index % 13 === 12 ? 'rejected' : pick(['vetted', 'unvetted', 'vetted', 'in_review', 'vetted'], index),
    staleSince: index % 16 === 15 ? new Date('2026-10-01T00:00:00Z') : null,
    languages: [
      { language: index % 3 === 0 ? 'ary' : 'ar', level: 'C2' },
      { language: 'fr', level: index % 4 === 0 ? 'C1' : 'C2' },
      {
        language: residenceLanguage[expert.residence],
        level: expert.residence === 'BE' ? 'B2' : pick(['C2', 'C1'], index),
      },
      { language: 'en', level: pick(['B2', 'C1', 'B1'], index) },
      ...(index % 7 === 0 ? [{ language: 'zgh', level: 'B1' as const }] : []),
    ],
    skills,
    availability,
    experience: [
      {
        title: headline,
        employer: `${university} (${pick(cities[expert.residence], index + 1)})`,
        country: expert.residence,
        startsOn: `${2005 + (index % 10)}-09-01`,
        description: summary,
      },
    ],
    education: [
      {
        degree: index % 3 === 0 ? 'PhD' : 'Master',
        field: {
          education: 'Sciences de l’éducation',
          public_administration: 'Bestuurskunde',
          investment: 'Economics',
          health: 'Médecine',
        }[main],
        institution: university,
        country: expert.residence,
        yearCompleted: 1985 + ((index * 7) % 30),
      },
    ],
  };
}

const trqnProfiles = trqnExperts.map(profileOf);

/** A later registration of a TRQN expert under another spelling; `of` is the index of the original. */
function nearDuplicate(
  of: number,
  changes: Pick<DemoProfile, 'email' | 'firstName' | 'lastName' | 'nameAr'> & Partial<DemoProfile>,
): DemoProfile {
  return { ...trqnProfiles[of]!, vettingStatus: 'unvetted', ...changes };
}

/**
 * Three deliberate near-duplicates, registered after TRQN: the demo expert again under another spelling with the
 * same phone; Fatima Zahra Alaoui glued with the same birth date; Abdelkader El Khattabi spelt Abd al-Qadir, from
 * an address with the same local part.
 */
export const duplicateProfiles: DemoProfile[] = [
  nearDuplicate(0, {
    email: 'mohammed.elamrani@experts.passerelle.example',
    firstName: 'Mohammed',
    lastName: 'Elamrani',
    nameAr: 'محمد العمراني',
  }),
  nearDuplicate(1, {
    email: 'fz.alaoui@experts.passerelle.example',
    firstName: 'Fatimazahra',
    lastName: 'Alaoui',
    nameAr: 'فاطمة الزهراء العلوي',
    phone: '+31 6 99887766',
  }),
  nearDuplicate(12, {
    email: `${trqnExperts[12]!.email.split('@')[0]}@mail.example`,
    firstName: 'Abd al-Qadir',
    lastName: 'Khattabi',
    nameAr: 'عبد القادر الخطابي',
    phone: null,
    birthDate: '1971-02-02',
  }),
];

/** Every demo profile: the 48 TRQN experts, then the near-duplicates. */
export const demoProfiles: DemoProfile[] = [...trqnProfiles, ...duplicateProfiles];
