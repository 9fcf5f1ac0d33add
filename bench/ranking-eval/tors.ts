/**
 * The evaluation set's ToRs, written by hand: what each asks (the core skills, as the host wrote them in French),
 * the neighbouring skills of the same field, and — for each core skill — paraphrases the way experts write them
 * in CVs, in several languages. The paraphrases were written without checking the vocabulary: some it knows,
 * some it does not, which is what the set measures.
 */
import type { CefrLevel, Modality } from '../../src/matching/ranking/index.ts';

export interface EvalTorSpec {
  id: string;
  title: string;
  /** Core skills: concept key → paraphrases experts write (besides the vocabulary's own terms). */
  core: Record<string, string[]>;
  /** Skills of the same field that are not what the ToR asks. */
  related: string[];
  sectors: string[];
  occupation: string;
  languages: { language: string; minLevel: CefrLevel }[];
  modality: Modality;
}

export const evalTors: EvalTorSpec[] = [
  {
    id: 'T01',
    title: 'Hospital management reform at a university hospital',
    core: {
      'hospital-management': ['direction d’établissement hospitalier', 'management van zorginstellingen'],
      'health-information-systems': ['dossiers patients informatisés', 'zorg-ICT'],
      'patient-safety': ['qualité et sécurité des soins', 'veiligheid van patiënten'],
    },
    related: ['health-policy', 'healthcare-accreditation', 'hospital-pharmacy', 'health-financing'],
    sectors: ['12110', '12191'],
    occupation: '1342',
    languages: [
      { language: 'fr', minLevel: 'B2' },
      { language: 'ar', minLevel: 'B1' },
    ],
    modality: 'hybrid',
  },
  {
    id: 'T02',
    title: 'Simulation-based nursing education',
    core: {
      'nursing-education': ['enseignement des soins infirmiers', 'opleiding verpleegkunde'],
      'medical-simulation': ['formation par simulation', 'simulatieonderwijs in de zorg'],
      'curriculum-development': ['élaboration de programmes d’études', 'curriculumontwerp'],
    },
    related: ['nursing', 'teacher-training', 'midwifery'],
    sectors: ['12281', '12181'],
    occupation: '2221',
    languages: [{ language: 'fr', minLevel: 'B2' }],
    modality: 'on_site',
  },
  {
    id: 'T03',
    title: 'Quality assurance and accreditation at a university',
    core: {
      'quality-assurance-education': ['assurance qualité universitaire', 'kwaliteitszorg hoger onderwijs'],
      'programme-accreditation': ['accréditation de programmes', 'accreditatie van opleidingen'],
      'university-management': ['gouvernance universitaire', 'universiteitsbestuur'],
    },
    related: ['higher-education', 'internationalisation-higher-education', 'assessment-of-learning'],
    sectors: ['11420'],
    occupation: '2310',
    languages: [{ language: 'fr', minLevel: 'C1' }],
    modality: 'online',
  },
  {
    id: 'T04',
    title: 'Digital public services and e-identity',
    core: {
      'e-government': ['services publics en ligne', 'digitale overheidsdiensten'],
      interoperability: ['échange de données entre administrations', 'gegevensuitwisseling tussen overheden'],
      'digital-identity': ['identification électronique', 'eID'],
    },
    related: ['digital-transformation', 'information-systems', 'cybersecurity'],
    sectors: ['15110', '22040'],
    occupation: '2511',
    languages: [{ language: 'fr', minLevel: 'B2' }],
    modality: 'hybrid',
  },
  {
    id: 'T05',
    title: 'Cybersecurity of a ministry’s information systems',
    core: {
      cybersecurity: ['sécurité des systèmes d’information', 'informatiebeveiliging'],
      'it-infrastructure': ['infrastructure informatique', 'IT-infrastructuur'],
      'network-administration': ['gestion des réseaux', 'netwerkbeheerder'],
    },
    related: ['cloud-computing', 'data-protection', 'it-governance'],
    sectors: ['22040'],
    occupation: '2529',
    languages: [{ language: 'fr', minLevel: 'B2' }],
    modality: 'online',
  },
  {
    id: 'T06',
    title: 'Household surveys and statistical analysis',
    core: {
      statistics: ['statistique appliquée', 'toegepaste statistiek'],
      'data-analysis': ['analyse de données', 'data-analyse'],
      surveys: ['enquêtes ménages', 'enquêteonderzoek'],
    },
    related: ['census-demography', 'open-data', 'gis'],
    sectors: ['16062'],
    occupation: '2120',
    languages: [{ language: 'fr', minLevel: 'B2' }],
    modality: 'hybrid',
  },
  {
    id: 'T07',
    title: 'Irrigation and precision agriculture in an oasis region',
    core: {
      irrigation: ['gestion de l’irrigation', 'irrigatiebeheer'],
      'precision-agriculture': ['agriculture intelligente', 'precisieteelt'],
      'water-resources-management': ['GIRE', 'waterbeheer in de landbouw'],
    },
    related: ['agronomy', 'soil-fertility', 'agricultural-extension'],
    sectors: ['31140'],
    occupation: '2132',
    languages: [
      { language: 'fr', minLevel: 'B1' },
      { language: 'ar', minLevel: 'B1' },
    ],
    modality: 'on_site',
  },
  {
    id: 'T08',
    title: 'Drinking water utility performance',
    core: {
      'drinking-water': ['approvisionnement en eau potable', 'drinkwatervoorziening'],
      'water-utility-management': ['exploitation des réseaux d’eau', 'waterbedrijfsbeheer'],
      'non-revenue-water': ['pertes en réseau', 'lekverliesbeheer'],
    },
    related: ['sanitation', 'water-quality', 'hydraulic-engineering'],
    sectors: ['14021', '14030'],
    occupation: '2142',
    languages: [{ language: 'fr', minLevel: 'B2' }],
    modality: 'on_site',
  },
  {
    id: 'T09',
    title: 'Solar mini-grids for rural electrification',
    core: {
      'solar-energy': ['centrales photovoltaïques', 'zonnestroom'],
      'rural-electrification': ['électrification des zones rurales', 'elektrificatie op het platteland'],
      'energy-storage': ['batteries stationnaires', 'opslag van energie'],
    },
    related: ['renewable-energy', 'electrical-grids', 'energy-efficiency'],
    sectors: ['23230', '23231'],
    occupation: '2151',
    languages: [{ language: 'fr', minLevel: 'B2' }],
    modality: 'hybrid',
  },
  {
    id: 'T10',
    title: 'Energy efficiency of public buildings',
    core: {
      'energy-efficiency': ['maîtrise de l’énergie', 'energiebesparing'],
      'building-energy-performance': ['rénovation énergétique', 'energierenovatie'],
      'solar-thermal': ['eau chaude solaire', 'zonnewarmte'],
    },
    related: ['urban-planning', 'civil-engineering', 'climate-change-mitigation'],
    sectors: ['23183'],
    occupation: '2161',
    languages: [{ language: 'fr', minLevel: 'B2' }],
    modality: 'on_site',
  },
  {
    id: 'T11',
    title: 'SME support and investment promotion',
    core: {
      'sme-development': ['appui aux PME', 'mkb-ondersteuning'],
      'investment-promotion': ['attraction des investissements', 'investeringsbevordering'],
      'business-planning': ['plan d’affaires', 'ondernemingsplan'],
    },
    related: ['entrepreneurship', 'access-to-finance', 'export-promotion'],
    sectors: ['32130', '25010'],
    occupation: '2421',
    languages: [{ language: 'fr', minLevel: 'B2' }],
    modality: 'online',
  },
  {
    id: 'T12',
    title: 'Microfinance and financial inclusion',
    core: {
      microfinance: ['microcrédit', 'microkrediet'],
      'financial-inclusion': ['inclusion financière', 'financiële inclusie'],
      'financial-literacy': ['éducation budgétaire des ménages', 'geldzaken leren'],
    },
    related: ['banking', 'fintech', 'remittances'],
    sectors: ['24040'],
    occupation: '2412',
    languages: [
      { language: 'fr', minLevel: 'B2' },
      { language: 'ar', minLevel: 'B1' },
    ],
    modality: 'hybrid',
  },
  {
    id: 'T13',
    title: 'Performance-based budgeting in a ministry',
    core: {
      budgeting: ['préparation du budget', 'begrotingsvoorbereiding'],
      'public-finance-management': ['gestion des deniers publics', 'openbare financiën'],
      'public-accounting': ['comptabilité de l’État', 'boekhouding van de overheid'],
    },
    related: ['public-audit', 'taxation', 'local-government-finance'],
    sectors: ['15111', '15117'],
    occupation: '2411',
    languages: [{ language: 'fr', minLevel: 'C1' }],
    modality: 'on_site',
  },
  {
    id: 'T14',
    title: 'Diaspora engagement strategy',
    core: {
      'diaspora-engagement': ['mobilisation des compétences de la diaspora', 'diasporabetrokkenheid'],
      'migration-policy': ['politiques migratoires', 'migratiebeleid'],
      'diaspora-investment': ['investissements des MRE', 'investeringen door de diaspora'],
    },
    related: ['remittances', 'migrant-reintegration', 'labour-migration'],
    sectors: ['15190'],
    occupation: '2422',
    languages: [
      { language: 'fr', minLevel: 'B2' },
      { language: 'ar', minLevel: 'B2' },
    ],
    modality: 'hybrid',
  },
  {
    id: 'T15',
    title: 'Sustainable tourism in a mountain region',
    core: {
      'tourism-development': ['développement touristique', 'toerismeontwikkeling'],
      ecotourism: ['tourisme durable', 'duurzaam toerisme'],
      'hospitality-management': ['management hôtelier', 'hotelbeheer'],
    },
    related: ['destination-marketing', 'culture-heritage', 'handicrafts'],
    sectors: ['33210'],
    occupation: '1411',
    languages: [{ language: 'fr', minLevel: 'B2' }],
    modality: 'on_site',
  },
  {
    id: 'T16',
    title: 'Quality and lean production in industrial SMEs',
    core: {
      'quality-management': ['système de management de la qualité', 'kwaliteitszorg'],
      'lean-manufacturing': ['lean', 'lean six sigma'],
      'metrology-standardisation': ['étalonnage', 'kalibratie'],
    },
    related: ['industrial-engineering', 'automotive-industry', 'industrial-policy'],
    sectors: ['32120', '32110'],
    occupation: '2141',
    languages: [{ language: 'fr', minLevel: 'B2' }],
    modality: 'on_site',
  },
  {
    id: 'T17',
    title: 'Food safety in dairy cooperatives',
    core: {
      'agri-food-processing': ['transformation des produits agricoles', 'voedselverwerking'],
      'food-safety': ['sécurité sanitaire des aliments', 'HACCP'],
      dairy: ['industrie laitière', 'zuivelindustrie'],
    },
    related: ['value-chain-development', 'agricultural-cooperatives', 'livestock'],
    sectors: ['32161'],
    occupation: '2145',
    languages: [
      { language: 'fr', minLevel: 'B1' },
      { language: 'ar', minLevel: 'B2' },
    ],
    modality: 'on_site',
  },
  {
    id: 'T18',
    title: 'Regional development plans and decentralisation',
    core: {
      decentralisation: ['régionalisation', 'decentralisatiebeleid'],
      'local-government': ['gestion des collectivités territoriales', 'gemeentelijk bestuur'],
      'strategic-planning': ['planification stratégique territoriale', 'strategisch plannen'],
    },
    related: ['public-administration', 'local-government-finance', 'civil-society'],
    sectors: ['15112', '15185'],
    occupation: '2422',
    languages: [
      { language: 'fr', minLevel: 'B2' },
      { language: 'ar', minLevel: 'B1' },
    ],
    modality: 'hybrid',
  },
  {
    id: 'T19',
    title: 'Telemedicine network for rural health centres',
    core: {
      telemedicine: ['téléconsultation', 'zorg op afstand'],
      'health-information-systems': ['systèmes d’information hospitaliers', 'EPD-implementatie'],
      interoperability: ['normes HL7', 'uitwisseling van medische gegevens'],
    },
    related: ['digital-transformation', 'general-practice', 'data-protection'],
    sectors: ['12191', '22040'],
    occupation: '2211',
    languages: [{ language: 'fr', minLevel: 'B2' }],
    modality: 'online',
  },
  {
    id: 'T20',
    title: 'Online learning platform for a university',
    core: {
      'e-learning': ['formation à distance', 'online onderwijs'],
      'learning-management-systems': ['plateforme Moodle', 'leermanagementsysteem'],
      'instructional-design': ['scénarisation pédagogique', 'onderwijsontwerp'],
    },
    related: ['educational-technology', 'mooc-design', 'teacher-training'],
    sectors: ['11420', '11120'],
    occupation: '2356',
    languages: [{ language: 'fr', minLevel: 'B2' }],
    modality: 'online',
  },
];

/** Skills every kind of expert lists, whatever the field: noise for the scorer. */
export const genericSkills = [
  'project-management',
  'leadership',
  'communication-strategy',
  'negotiation',
  'public-speaking',
];
