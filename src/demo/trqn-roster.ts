/**
 * The TRQN III Morocco roster as synthetic people: 48 diaspora experts (mainly in the Netherlands, also in
 * Germany and Belgium) who carried out 78 missions. The people are invented; the counts, countries, sectors and
 * host institutions are the programme's (see DESIGN.md). Generated deterministically so that every fresh
 * database holds the same roster.
 */

export type DemoSector = 'education' | 'public_administration' | 'investment' | 'health';

export interface DemoExpert {
  key: string;
  firstName: string;
  lastName: string;
  /** The same name in Arabic script, for search across scripts. */
  nameAr: string;
  gender: 'female' | 'male';
  residence: 'NL' | 'DE' | 'BE';
  email: string;
}

export interface DemoMission {
  expertKey: string;
  sector: DemoSector;
  /** Key of the host institution in `demoInstitutions`. */
  institutionKey: string;
  startsOn: string;
  workingDays: number;
}

const women: [string, string][] = [
  ['Fatima Zahra', 'فاطمة الزهراء'],
  ['Khadija', 'خديجة'],
  ['Nadia', 'نادية'],
  ['Samira', 'سميرة'],
  ['Latifa', 'لطيفة'],
  ['Naima', 'نعيمة'],
  ['Souad', 'سعاد'],
  ['Hanane', 'حنان'],
  ['Meryem', 'مريم'],
  ['Imane', 'إيمان'],
  ['Salma', 'سلمى'],
  ['Asmae', 'أسماء'],
  ['Loubna', 'لبنى'],
  ['Nora', 'نورة'],
  ['Karima', 'كريمة'],
  ['Siham', 'سهام'],
  ['Houda', 'هدى'],
  ['Rachida', 'رشيدة'],
  ['Zineb', 'زينب'],
];
const men: [string, string][] = [
  ['Mohamed', 'محمد'],
  ['Ahmed', 'أحمد'],
  ['Youssef', 'يوسف'],
  ['Hassan', 'حسن'],
  ['Rachid', 'رشيد'],
  ['Said', 'سعيد'],
  ['Karim', 'كريم'],
  ['Abdelkader', 'عبد القادر'],
  ['Mustapha', 'مصطفى'],
  ['Driss', 'إدريس'],
  ['Omar', 'عمر'],
  ['Hamid', 'حميد'],
  ['Jamal', 'جمال'],
  ['Khalid', 'خالد'],
  ['Brahim', 'إبراهيم'],
  ['Aziz', 'عزيز'],
  ['Nourdine', 'نور الدين'],
  ['Mehdi', 'مهدي'],
  ['Anouar', 'أنور'],
  ['Tarik', 'طارق'],
  ['Redouane', 'رضوان'],
  ['Hicham', 'هشام'],
  ['Adil', 'عادل'],
  ['Soufiane', 'سفيان'],
  ['Bilal', 'بلال'],
  ['Ilias', 'إلياس'],
  ['Yassine', 'ياسين'],
  ['Mounir', 'منير'],
  ['Abdellah', 'عبد الله'],
];
const families: [string, string][] = [
  ['El Amrani', 'العمراني'],
  ['Bennani', 'بناني'],
  ['El Idrissi', 'الإدريسي'],
  ['Benali', 'بنعلي'],
  ['Ouazzani', 'الوزاني'],
  ['Tazi', 'التازي'],
  ['El Fassi', 'الفاسي'],
  ['Alaoui', 'العلوي'],
  ['Chaoui', 'الشاوي'],
  ['Berrada', 'برادة'],
  ['Azzouzi', 'العزوزي'],
  ['Boukhari', 'البخاري'],
  ['El Khattabi', 'الخطابي'],
  ['Ziani', 'الزياني'],
  ['Haddadi', 'الحدادي'],
  ['Amghar', 'أمغار'],
  ['Ouali', 'والي'],
  ['Tahiri', 'الطاهري'],
  ['Benjelloun', 'بنجلون'],
  ['Lahlou', 'لحلو'],
  ['Kettani', 'الكتاني'],
  ['Sebti', 'السبتي'],
  ['Mansouri', 'المنصوري'],
  ['Rifi', 'الريفي'],
];

/** 48 experts: 19 women and 29 men; 33 in the Netherlands, 9 in Germany, 6 in Belgium. */
export const trqnExperts: DemoExpert[] = Array.from({ length: 48 }, (_, index) => {
  const isWoman = index % 5 === 1 || index % 5 === 3;
  const womenBefore = countWomenBefore(index);
  const [firstName, firstAr] = isWoman ? women[womenBefore % women.length]! : men[(index - womenBefore) % men.length]!;
  const [lastName, lastAr] = families[(index * 7) % families.length]!;
  const residence = index % 16 < 11 ? 'NL' : index % 16 < 14 ? 'DE' : 'BE';
  const slug = `${firstName}.${lastName}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  return {
    key: `trqn-${String(index + 1).padStart(2, '0')}`,
    firstName,
    lastName,
    nameAr: `${firstAr} ${lastAr}`,
    gender: isWoman ? 'female' : 'male',
    residence,
    email: index === 0 ? 'expert@passerelle.example' : `${slug}.${index + 1}@experts.passerelle.example`,
  };
});

function countWomenBefore(index: number): number {
  let count = 0;
  for (let i = 0; i < index; i++) if (i % 5 === 1 || i % 5 === 3) count++;
  return count;
}

const sectorHosts: Record<DemoSector, string[]> = {
  education: ['higher-education'],
  public_administration: ['civil-service', 'mre'],
  investment: ['investment-agency'],
  health: ['health'],
};
const sectors: DemoSector[] = [
  'education',
  'public_administration',
  'investment',
  'health',
  'education',
  'public_administration',
];

/**
 * 78 missions between March 2013 and April 2016: the first 30 experts did two missions, the other 18 one
 * (30 × 2 + 18 = 78).
 */
export const trqnMissions: DemoMission[] = trqnExperts.flatMap((expert, index) => {
  const count = index < 30 ? 2 : 1;
  return Array.from({ length: count }, (_, n) => {
    const sector = sectors[(index + n) % sectors.length]!;
    const hosts = sectorHosts[sector];
    const monthOffset = (index * 5 + n * 13) % 36;
    const start = new Date(Date.UTC(2013, 3 + monthOffset, 1 + ((index * 3 + n * 11) % 25)));
    return {
      expertKey: expert.key,
      sector,
      institutionKey:
        sector === 'public_administration' && index % 9 === 0 ? 'youth-temara' : hosts[(index + n) % hosts.length]!,
      startsOn: start.toISOString().slice(0, 10),
      workingDays: 5 + ((index + n * 3) % 16),
    };
  });
});
