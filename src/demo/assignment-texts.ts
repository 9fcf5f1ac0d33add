// The words of the demo's CD4D Maroc Terms of Reference (loaded by ./assignments.ts). Dates are in days from the
// moment the demo is loaded, so open calls are always open on first start.
import type { AssignmentState, Modality, ScoringCriterion } from '../modules/assignments/schema.ts';

export interface DemoTor {
  institution: string;
  state: AssignmentState;
  titleFr: string;
  titleAr?: string;
  titleEn?: string;
  descriptionFr: string;
  descriptionAr?: string;
  descriptionEn?: string;
  needStatement?: string;
  /** Answer the institution's first capacity need, when its plan has one. */
  useNeed?: boolean;
  objectives: string[];
  deliverables: string[];
  skills: string[];
  sectors: string[];
  occupation?: string;
  languages: { language: string; minLevel: 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' }[];
  modality: Modality;
  region?: string;
  city?: string;
  createdDaysAgo: number;
  deadlineInDays: number;
  windowInDays: [number, number];
  workingDays: number;
  expertsNeeded?: number;
  sdgTargets: string[];
  scoringCriteria?: ScoringCriterion[];
  /** The comment of a return or a cancellation. */
  comment?: string;
  /** Edits made besides the moves (each bumped the version). */
  edits?: number;
}

export const demoTors: DemoTor[] = [
  {
    institution: 'higher-education',
    state: 'published',
    titleFr: 'Appui à la réforme des cursus de licence (système LMD)',
    titleAr: 'دعم إصلاح مسالك الإجازة (نظام إجازة-ماستر-دكتوراه)',
    titleEn: 'Support to the reform of bachelor curricula (LMD system)',
    descriptionFr:
      'Le Ministère engage la refonte des cursus de licence autour des compétences. L’expert accompagnera trois ' +
      'équipes pédagogiques (Rabat, Kénitra, Salé) dans la rédaction des référentiels de compétences et des ' +
      'modalités d’évaluation, en s’appuyant sur l’expérience des universités néerlandaises.',
    descriptionEn:
      'The Ministry is redesigning its bachelor curricula around competences. The expert will coach three ' +
      'teaching teams in writing competence frameworks and assessment methods, drawing on Dutch experience.',
    useNeed: true,
    objectives: [
      'Réviser trois cursus de licence',
      'Former les coordinateurs pédagogiques à l’approche par compétences',
    ],
    deliverables: ['Référentiels de compétences validés', 'Guide de l’évaluation des acquis', 'Rapport de mission'],
    skills: ['Ingénierie pédagogique', 'Formation de formateurs', 'Gestion de projet'],
    sectors: ['11420'],
    occupation: '2351',
    languages: [
      { language: 'fr', minLevel: 'C1' },
      { language: 'ar', minLevel: 'B1' },
    ],
    modality: 'hybrid',
    region: '04',
    city: 'Rabat',
    createdDaysAgo: 40,
    deadlineInDays: 21,
    windowInDays: [45, 105],
    workingDays: 20,
    sdgTargets: ['4.3', '4.4'],
    edits: 2,
  },
  {
    institution: 'health',
    state: 'published',
    titleFr: 'Formation des équipes régionales en épidémiologie de terrain',
    titleAr: 'تكوين الفرق الجهوية في علم الأوبئة الميداني',
    descriptionFr:
      'La Direction de l’épidémiologie souhaite renforcer la surveillance des maladies dans la région ' +
      'Marrakech-Safi. L’expert concevra et animera un cycle de formation pour les équipes régionales et ' +
      'accompagnera la mise en place d’un tableau de bord de veille sanitaire.',
    descriptionAr:
      'تسعى مديرية علم الأوبئة إلى تعزيز رصد الأمراض في جهة مراكش آسفي. سيصمم الخبير دورة تكوينية للفرق الجهوية.',
    useNeed: true,
    objectives: ['Former 40 professionnels de santé', 'Installer un tableau de bord de veille'],
    deliverables: [
      'Programme de formation',
      'Supports de cours en français et en arabe',
      'Tableau de bord opérationnel',
    ],
    skills: ['Épidémiologie', 'Santé publique', 'Analyse de données'],
    sectors: ['12250'],
    occupation: '2212',
    languages: [
      { language: 'fr', minLevel: 'B2' },
      { language: 'ary', minLevel: 'B1' },
    ],
    modality: 'on_site',
    region: '07',
    city: 'Marrakech',
    createdDaysAgo: 30,
    deadlineInDays: 30,
    windowInDays: [50, 80],
    workingDays: 15,
    expertsNeeded: 2,
    sdgTargets: ['3.3', '3.d'],
  },
  {
    institution: 'mre',
    state: 'published',
    titleFr: 'Accompagnement des porteurs de projets de la diaspora marocaine',
    titleEn: 'Coaching entrepreneurs of the Moroccan diaspora',
    descriptionFr:
      'Le Ministère accompagne les Marocains résidant à l’étranger qui investissent au Maroc. L’expert, ' +
      'entrepreneur ou conseiller aux Pays-Bas, coachera à distance une promotion de porteurs de projets et ' +
      'formera les conseillers du guichet d’accueil.',
    objectives: ['Accompagner 15 porteurs de projets', 'Transmettre une méthode de coaching aux conseillers'],
    deliverables: ['Plan d’accompagnement', 'Fiches de suivi des projets', 'Note de recommandations'],
    skills: ['Entrepreneuriat', 'Coaching', 'Marketing'],
    sectors: ['25010'],
    languages: [
      { language: 'fr', minLevel: 'B2' },
      { language: 'nl', minLevel: 'B2' },
    ],
    modality: 'online',
    createdDaysAgo: 25,
    deadlineInDays: 45,
    windowInDays: [60, 150],
    workingDays: 12,
    sdgTargets: ['8.3', '10.c'],
  },
  {
    institution: 'investment-agency',
    state: 'published',
    titleFr: 'Stratégie de promotion des investissements auprès des Néerlandais d’origine marocaine',
    descriptionFr:
      'L’Agence veut mieux toucher les investisseurs de la diaspora aux Pays-Bas. L’expert analysera les ' +
      'attentes de cette cible et proposera un plan d’action de promotion et d’accompagnement.',
    objectives: ['Connaître les attentes des investisseurs de la diaspora', 'Définir un plan d’action'],
    deliverables: ['Étude de la cible', 'Plan d’action chiffré'],
    skills: ['Marketing', 'Analyse de données'],
    sectors: ['25010'],
    languages: [
      { language: 'fr', minLevel: 'C1' },
      { language: 'nl', minLevel: 'C1' },
      { language: 'en', minLevel: 'B2' },
    ],
    modality: 'hybrid',
    region: '06',
    city: 'Casablanca',
    createdDaysAgo: 20,
    deadlineInDays: 35,
    windowInDays: [55, 115],
    workingDays: 18,
    sdgTargets: ['17.3'],
  },
  {
    institution: 'higher-education',
    state: 'draft',
    titleFr: 'Mise en place d’un bureau de transfert de technologie',
    descriptionFr:
      'Créer dans une université pilote un bureau chargé de valoriser les résultats de la recherche : brevets, ' +
      'licences, partenariats avec les entreprises.',
    needStatement: 'Les universités déposent peu de brevets et n’ont pas de service dédié.',
    objectives: ['Définir l’organisation du bureau'],
    deliverables: [],
    skills: ['Propriété intellectuelle', 'Transfert de technologie'],
    sectors: [],
    languages: [],
    modality: 'on_site',
    region: '04',
    city: 'Kénitra',
    createdDaysAgo: 3,
    deadlineInDays: 60,
    windowInDays: [90, 150],
    workingDays: 20,
    sdgTargets: ['9.5'],
  },
  {
    institution: 'civil-service',
    state: 'submitted',
    titleFr: 'Accompagnement de la transformation numérique de la gestion des ressources humaines',
    titleAr: 'مواكبة التحول الرقمي لتدبير الموارد البشرية',
    descriptionFr:
      'Le Ministère déploie un système d’information RH commun aux administrations. L’expert accompagnera ' +
      'la conduite du changement et la formation des gestionnaires.',
    useNeed: true,
    objectives: ['Sécuriser le déploiement du SIRH', 'Former les gestionnaires RH'],
    deliverables: ['Plan de conduite du changement', 'Kit de formation'],
    skills: ['Transformation numérique', 'Gestion des ressources humaines', 'Systèmes d’information'],
    sectors: ['15110'],
    occupation: '2423',
    languages: [{ language: 'fr', minLevel: 'C1' }],
    modality: 'hybrid',
    region: '04',
    city: 'Rabat',
    createdDaysAgo: 12,
    deadlineInDays: 40,
    windowInDays: [70, 130],
    workingDays: 25,
    sdgTargets: ['16.6'],
  },
  {
    institution: 'youth-temara',
    state: 'returned',
    titleFr: 'Formation des éducateurs à l’accompagnement psychosocial des jeunes',
    descriptionFr:
      'Le Centre de Sauvegarde de Temara accueille des jeunes en difficulté. L’expert formera les éducateurs ' +
      'à l’écoute, à la gestion des conflits et à l’accompagnement individuel.',
    objectives: ['Renforcer les pratiques éducatives du centre'],
    deliverables: ['Modules de formation'],
    skills: ['Accompagnement psychosocial', 'Travail social'],
    sectors: ['16010'],
    languages: [
      { language: 'ary', minLevel: 'B2' },
      { language: 'fr', minLevel: 'B1' },
    ],
    modality: 'on_site',
    region: '04',
    city: 'Temara',
    createdDaysAgo: 15,
    deadlineInDays: 50,
    windowInDays: [80, 110],
    workingDays: 10,
    sdgTargets: ['16.2'],
    comment:
      'Merci de préciser le nombre d’éducateurs à former et la durée de chaque module, et d’ajouter un livrable ' +
      'd’évaluation de la formation.',
  },
  {
    institution: 'health',
    state: 'approved',
    titleFr: 'Appui au système d’information sanitaire régional',
    titleEn: 'Support to the regional health information system',
    descriptionFr:
      'Améliorer la qualité et l’usage des données sanitaires régionales : circuits de collecte, contrôles de ' +
      'qualité, tableaux de bord pour les décideurs.',
    objectives: ['Fiabiliser la collecte des données', 'Outiller les décideurs régionaux'],
    deliverables: ['Diagnostic du système', 'Procédures de contrôle qualité', 'Tableaux de bord'],
    skills: ['Systèmes d’information', 'Analyse de données', 'Santé publique'],
    sectors: ['12110'],
    languages: [
      { language: 'fr', minLevel: 'B2' },
      { language: 'en', minLevel: 'B2' },
    ],
    modality: 'hybrid',
    region: '03',
    city: 'Fès',
    createdDaysAgo: 18,
    deadlineInDays: 35,
    windowInDays: [60, 120],
    workingDays: 22,
    sdgTargets: ['3.8', '17.18'],
  },
  {
    institution: 'civil-service',
    state: 'closed',
    titleFr: 'Évaluation du programme de modernisation de l’accueil des usagers',
    descriptionFr:
      'Évaluer les résultats du programme de modernisation de l’accueil dans les administrations et proposer ' +
      'des recommandations pour sa deuxième phase.',
    objectives: ['Mesurer les effets du programme', 'Recommander les priorités de la phase 2'],
    deliverables: ['Rapport d’évaluation', 'Présentation au comité de pilotage'],
    skills: ['Suivi et évaluation', 'Analyse de données'],
    sectors: ['15110'],
    languages: [{ language: 'fr', minLevel: 'C1' }],
    modality: 'online',
    createdDaysAgo: 60,
    deadlineInDays: -4,
    windowInDays: [20, 60],
    workingDays: 15,
    sdgTargets: ['16.6'],
  },
  {
    institution: 'higher-education',
    state: 'filled',
    titleFr: 'Formation des formateurs à l’enseignement à distance',
    descriptionFr:
      'Former un noyau de formateurs universitaires à la conception de cours à distance, pour qu’ils forment ' +
      'à leur tour leurs collègues.',
    objectives: ['Former 20 formateurs relais'],
    deliverables: ['Parcours de formation en ligne', 'Rapport de mission'],
    skills: ['Formation de formateurs', 'Ingénierie pédagogique'],
    sectors: ['11420'],
    languages: [
      { language: 'fr', minLevel: 'C1' },
      { language: 'ar', minLevel: 'B2' },
    ],
    modality: 'hybrid',
    region: '03',
    city: 'Meknès',
    createdDaysAgo: 90,
    deadlineInDays: -30,
    windowInDays: [10, 50],
    workingDays: 12,
    sdgTargets: ['4.c'],
  },
  {
    institution: 'youth-temara',
    state: 'completed',
    titleFr: 'Ateliers sport et inclusion pour les jeunes du centre',
    descriptionFr:
      'Concevoir avec les éducateurs des ateliers sportifs favorisant l’inclusion et la confiance en soi des ' +
      'jeunes accueillis.',
    objectives: ['Mettre en place un programme d’ateliers hebdomadaires'],
    deliverables: ['Programme d’ateliers', 'Rapport final'],
    skills: ['Coaching', 'Travail social'],
    sectors: ['16010'],
    languages: [
      { language: 'ary', minLevel: 'B2' },
      { language: 'nl', minLevel: 'B1' },
    ],
    modality: 'on_site',
    region: '04',
    city: 'Temara',
    createdDaysAgo: 300,
    deadlineInDays: -240,
    windowInDays: [-200, -170],
    workingDays: 10,
    sdgTargets: ['16.2', '3.4'],
  },
  {
    institution: 'mre',
    state: 'cancelled',
    titleFr: 'Étude sur la mobilité des compétences des Marocains des Pays-Bas',
    descriptionFr: 'Cartographier les compétences des Marocains des Pays-Bas mobilisables pour le développement.',
    objectives: ['Cartographier les compétences disponibles'],
    deliverables: ['Rapport d’étude'],
    skills: ['Analyse de données'],
    sectors: ['15190'],
    languages: [{ language: 'nl', minLevel: 'C1' }],
    modality: 'online',
    createdDaysAgo: 50,
    deadlineInDays: 10,
    windowInDays: [30, 90],
    workingDays: 20,
    sdgTargets: ['10.7'],
    comment: 'Étude reprise par un autre bailleur : la demande est annulée d’un commun accord avec le Ministère.',
  },
];
