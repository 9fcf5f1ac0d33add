/**
 * Synthetic experts for the roster-search benchmark: realistic Moroccan names in several Latin spellings and in
 * Arabic script, ~500-word professional texts in French, English, Dutch or Arabic, sectors, languages and
 * availability windows. Deterministic (seeded), generated in batches so memory stays flat.
 */
import { demoTexts, type Lang } from '../src/demo/expert-profiles.ts';
import type { DemoSector } from '../src/demo/trqn-roster.ts';

/** A small seeded generator (mulberry32): the same roster on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const men: [string[], string][] = [
  [['Mohamed', 'Mohammed', 'Muhammad', 'Mohamad'], 'محمد'],
  [['Ahmed', 'Ahmad'], 'أحمد'],
  [['Youssef', 'Yousef', 'Youssouf'], 'يوسف'],
  [['Abdelkader', 'Abdel Kader', 'Abd al-Qadir'], 'عبد القادر'],
  [['Abdellah', 'Abdallah', 'Abdullah'], 'عبد الله'],
  [['Hicham', 'Hisham'], 'هشام'],
  [['Mustapha', 'Mustafa', 'Moustafa'], 'مصطفى'],
  [['Rachid', 'Rashid'], 'رشيد'],
  [['Said', 'Saïd'], 'سعيد'],
  [['Nourdine', 'Noureddine', 'Nour-Eddine'], 'نور الدين'],
  [['Khalid', 'Khaled'], 'خالد'],
  [['Omar', 'Omer'], 'عمر'],
  [['Karim', 'Kareem'], 'كريم'],
  [['Hassan', 'Hasan'], 'حسن'],
  [['Driss', 'Idriss'], 'إدريس'],
  [['Tarik', 'Tariq'], 'طارق'],
  [['Redouane', 'Redwan', 'Ridouan'], 'رضوان'],
  [['Brahim', 'Ibrahim'], 'إبراهيم'],
  [['Soufiane', 'Sofian'], 'سفيان'],
  [['Jamal', 'Djamal'], 'جمال'],
];
const women: [string[], string][] = [
  [['Fatima Zahra', 'Fatimazahra', 'Fatima-Zahra'], 'فاطمة الزهراء'],
  [['Khadija', 'Khadidja'], 'خديجة'],
  [['Nadia'], 'نادية'],
  [['Samira'], 'سميرة'],
  [['Meryem', 'Mariam', 'Maryam'], 'مريم'],
  [['Naima', 'Naïma'], 'نعيمة'],
  [['Souad', 'Suad'], 'سعاد'],
  [['Hanane', 'Hanan'], 'حنان'],
  [['Imane', 'Iman'], 'إيمان'],
  [['Loubna', 'Lubna'], 'لبنى'],
  [['Zineb', 'Zeinab'], 'زينب'],
  [['Houda', 'Huda'], 'هدى'],
  [['Asmae', 'Asma'], 'أسماء'],
  [['Siham'], 'سهام'],
];
const families: [string[], string][] = [
  [['El Amrani', 'Elamrani', 'Al-Amrani'], 'العمراني'],
  [['Bennani', 'Benani'], 'بناني'],
  [['El Idrissi', 'Idrissi', 'El Idrissy'], 'الإدريسي'],
  [['Benali', 'Ben Ali'], 'بنعلي'],
  [['Ouazzani', 'Wazzani'], 'الوزاني'],
  [['Tazi', 'Ettazi'], 'التازي'],
  [['El Fassi', 'Elfassi'], 'الفاسي'],
  [['Alaoui', 'Alaoui'], 'العلوي'],
  [['Berrada', 'Berada'], 'برادة'],
  [['Boukhari', 'Bukhari'], 'البخاري'],
  [['El Khattabi', 'Khattabi'], 'الخطابي'],
  [['Haddadi', 'Hadadi'], 'الحدادي'],
  [['Amghar'], 'أمغار'],
  [['Tahiri', 'Tahiry'], 'الطاهري'],
  [['Benjelloun', 'Ben Jelloun'], 'بنجلون'],
  [['Lahlou'], 'لحلو'],
  [['Kettani', 'Ktiri'], 'الكتاني'],
  [['Mansouri', 'El Mansouri'], 'المنصوري'],
  [['Chaoui', 'Shaoui'], 'الشاوي'],
  [['Ziani', 'Zayani'], 'الزياني'],
  [['Sebti'], 'السبتي'],
  [['Rifi', 'Errifi'], 'الريفي'],
  [['Belkadi', 'Belqadi'], 'بلقاضي'],
  [['Cherkaoui', 'Cherqaoui'], 'الشرقاوي'],
];

/** Everyday professional words per language, for the bulk of each text around the sector sentences. */
const filler: Record<Lang, string[]> = {
  fr: 'projet équipe partenaires formation évaluation rapport suivi mission atelier région ministère université programme développement stratégie qualité coordination gestion budget planification analyse données terrain indicateurs résultats capacités institution jeunes femmes citoyens réseau expérience compétences coopération pays bas maroc accompagnement méthodologie conception mise oeuvre pilotage réforme innovation numérique service public collectivités étude enquête recommandations diagnostic plan action'.split(
    ' ',
  ),
  en: 'project team partners training evaluation report monitoring mission workshop region ministry university programme development strategy quality coordination management budget planning analysis data field indicators results capacity institution youth women citizens network experience skills cooperation netherlands morocco support methodology design implementation steering reform innovation digital public service municipalities study survey recommendations assessment action plan'.split(
    ' ',
  ),
  nl: 'project team partners opleiding evaluatie rapport monitoring missie werkplaats regio ministerie universiteit programma ontwikkeling strategie kwaliteit coördinatie beheer begroting planning analyse gegevens veld indicatoren resultaten capaciteit instelling jongeren vrouwen burgers netwerk ervaring vaardigheden samenwerking nederland marokko begeleiding methode ontwerp uitvoering sturing hervorming innovatie digitaal publieke dienst gemeenten onderzoek enquête aanbevelingen diagnose actieplan'.split(
    ' ',
  ),
  ar: 'مشروع فريق شركاء تكوين تقييم تقرير تتبع مهمة ورشة جهة وزارة جامعة برنامج تنمية استراتيجية جودة تنسيق تدبير ميزانية تخطيط تحليل معطيات ميدان مؤشرات نتائج قدرات مؤسسة شباب نساء مواطنين شبكة خبرة كفاءات تعاون هولندا المغرب مواكبة منهجية تصميم تنفيذ قيادة إصلاح ابتكار رقمي خدمة عمومية جماعات دراسة بحث توصيات تشخيص'.split(
    ' ',
  ),
};

const sectorCodes: Record<DemoSector, string[]> = {
  education: ['11110', '11420', '11330', '11130'],
  public_administration: ['15110', '15111', '15190', '15150'],
  investment: ['25010', '25030', '25020'],
  health: ['12110', '12191', '12220', '12261'],
};
const sectorList = Object.keys(sectorCodes) as DemoSector[];
const isco: Record<DemoSector, string[]> = {
  education: ['2310', '2351', '2320'],
  public_administration: ['2422', '1213', '2421'],
  investment: ['2421', '2412', '2413'],
  health: ['2211', '1342', '2221', '2212'],
};

export interface SyntheticExpert {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  name_ar: string | null;
  gender: 'female' | 'male';
  residence_country: string;
  occupation: string;
  sectors: string[];
  headline: string;
  summary: string;
  languages: { language: string; level: string }[];
  availability: { starts_on: string; ends_on: string; on_site: boolean; online: boolean }[];
}

const day = (offset: number) => new Date(Date.UTC(2027, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** Expert number `n` of the synthetic roster (its own seed, so batches can be made in any order). */
export function syntheticExpert(n: number, id: string): SyntheticExpert {
  const rnd = random(n * 7919 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const female = rnd() < 0.4;
  const [firstSpellings, firstAr] = pick(female ? women : men);
  const [lastSpellings, lastAr] = pick(families);
  const lang: Lang = pick(['fr', 'fr', 'fr', 'fr', 'en', 'en', 'nl', 'nl', 'nl', 'ar'] as const);
  const sector = pick(sectorList);
  const [headline, sectorSentence] = demoTexts[sector][lang];
  // ~500 words: the sector paragraph a few times among everyday professional words, as a long CV-like text is.
  const words: string[] = [];
  while (words.length < 500) {
    if (rnd() < 0.08) words.push(...sectorSentence.split(' '));
    else for (let i = 0; i < 12; i++) words.push(pick(filler[lang]));
  }
  const start = Math.floor(rnd() * 330);
  const availability = [
    {
      starts_on: day(start),
      ends_on: day(start + 10 + Math.floor(rnd() * 80)),
      on_site: rnd() < 0.7,
      online: rnd() < 0.7,
    },
  ];
  if (rnd() < 0.3)
    availability.push({ starts_on: day(start + 120), ends_on: day(start + 150), on_site: true, online: true });
  const residence = pick(['NL', 'NL', 'NL', 'NL', 'NL', 'NL', 'DE', 'DE', 'BE', 'BE', 'FR'] as const);
  return {
    id,
    email: `expert${n}@bench.passerelle.example`,
    first_name: pick(firstSpellings),
    last_name: pick(lastSpellings),
    name_ar: rnd() < 0.7 ? `${firstAr} ${lastAr}` : null,
    gender: female ? 'female' : 'male',
    residence_country: residence,
    occupation: pick(isco[sector]),
    sectors: [...new Set([pick(sectorCodes[sector]), pick(sectorCodes[pick(sectorList)])])],
    headline,
    summary: words.slice(0, 520).join(' '),
    languages: [
      { language: rnd() < 0.5 ? 'ar' : 'ary', level: 'C2' },
      { language: 'fr', level: pick(['B1', 'B2', 'C1', 'C2']) },
      { language: residence === 'DE' ? 'de' : residence === 'FR' ? 'fr' : 'nl', level: pick(['B2', 'C1', 'C2']) },
      { language: 'en', level: pick(['A2', 'B1', 'B2', 'C1']) },
    ].filter((entry, index, all) => all.findIndex((other) => other.language === entry.language) === index),
    availability,
  };
}
