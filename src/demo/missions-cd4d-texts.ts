// The CD4D Maroc missions of the demo, one per state, dated around today: their ToRs, hosts and experts, the hybrid
// mission's sessions and the closed mission's evaluation and survey answers.
import type { Modality, ScoringCriterion } from '../modules/assignments/schema.ts';
import type { MissionState } from '../modules/missions/schema.ts';
import type { DemoTorText } from './missions-texts.ts';
import type { DemoSector } from './trqn-roster.ts';

/** The screening grid of the demo missions' CD4D calls. */
export const criteria: ScoringCriterion[] = [
  { id: 'experience', label: 'Expérience professionnelle dans le domaine', weight: 50 },
  { id: 'methodology', label: 'Qualité de l’approche proposée', weight: 30 },
  { id: 'languages', label: 'Maîtrise des langues de travail', weight: 20 },
];

/** What the selected experts wrote when applying, by sector. */
export const motivation: Record<string, string> = {
  education: 'Enseignant-chercheur aux Pays-Bas, j’accompagne depuis des années des équipes pédagogiques.',
  health: 'Médecin urgentiste aux Pays-Bas, je forme les équipes de régulation depuis dix ans.',
  investment:
    'Consultant en développement international, je connais bien les entreprises agroalimentaires néerlandaises.',
  public_administration: 'Éducateur spécialisé, je travaille avec des jeunes en difficulté à Rotterdam.',
};

/** What one CD4D mission of the demo shows, with its dates relative to now (days; negative: past). */
export interface DemoCd4dMission {
  state: MissionState;
  /** Host key; the in-progress and reporting missions are at the demo focal point's institution. */
  host: string;
  /** `demo`: the demo expert account; otherwise the n-th roster expert free of applications. */
  expert: 'demo' | number;
  modality: Modality;
  city: string;
  /** When it starts, or (missions already over) when it ended. */
  startsInDays?: number;
  endsInDays?: number;
  workingDays: number;
  sector: DemoSector;
  tor: DemoTorText;
  cancelReason?: string;
}

/** One mission per state; the expert numbers index the roster experts left free by the applications demo. */
export const cd4dMissions: DemoCd4dMission[] = [
  {
    state: 'planned',
    host: 'higher-education',
    expert: 'demo',
    modality: 'on_site',
    city: 'Rabat',
    startsInDays: 36,
    workingDays: 5,
    sector: 'education',
    tor: {
      titleFr: 'Accompagnement des cellules qualité des universités de Rabat-Salé-Kénitra',
      descriptionFr:
        'Accompagner trois cellules qualité dans la préparation de l’évaluation externe de leurs filières.',
      objectives: ['Préparer l’évaluation externe de trois filières'],
      deliverables: ['Dossiers d’autoévaluation', 'Rapport de mission'],
      skills: ['Ingénierie pédagogique', 'Gestion de projet'],
      occupation: '2351',
    },
  },
  {
    state: 'agreed',
    host: 'health',
    expert: 0,
    modality: 'on_site',
    city: 'Rabat',
    startsInDays: 25,
    workingDays: 10,
    sector: 'health',
    tor: {
      titleFr: 'Formation des équipes des urgences à la régulation médicale',
      descriptionFr: 'Former les médecins régulateurs du SAMU régional aux protocoles de tri téléphonique.',
      objectives: ['Former douze médecins régulateurs'],
      deliverables: ['Protocoles de tri', 'Rapport de mission'],
      skills: ['Santé publique', 'Formation de formateurs'],
      occupation: '2211',
    },
  },
  {
    state: 'ready',
    host: 'investment-agency',
    expert: 1,
    modality: 'on_site',
    city: 'Rabat',
    startsInDays: 8,
    workingDays: 8,
    sector: 'investment',
    tor: {
      titleFr: 'Appui à la prospection d’investisseurs néerlandais dans l’agro-industrie',
      descriptionFr: 'Préparer avec l’Agence une campagne de prospection auprès des entreprises agroalimentaires.',
      objectives: ['Cibler cinquante entreprises néerlandaises'],
      deliverables: ['Fichier de prospection', 'Rapport de mission'],
      skills: ['Marketing territorial', 'Gestion de projet'],
      occupation: '2431',
    },
  },
  {
    state: 'in_progress',
    host: 'higher-education',
    expert: 2,
    modality: 'hybrid',
    city: 'Rabat',
    startsInDays: -3,
    workingDays: 10,
    sector: 'education',
    tor: {
      titleFr: 'Mise en place d’un dispositif d’enseignement hybride dans les écoles d’ingénieurs',
      descriptionFr:
        'Accompagner deux écoles d’ingénieurs dans la conception de cours hybrides, sur place et en ligne.',
      objectives: ['Concevoir quatre cours hybrides'],
      deliverables: ['Cours hybrides pilotes', 'Guide de l’enseignant', 'Rapport de mission'],
      skills: ['Enseignement à distance', 'Ingénierie pédagogique'],
      occupation: '2356',
    },
  },
  {
    state: 'reporting',
    host: 'higher-education',
    expert: 3,
    modality: 'on_site',
    city: 'Kénitra',
    endsInDays: -4,
    workingDays: 8,
    sector: 'education',
    tor: {
      titleFr: 'Appui au bureau de liaison université–entreprise de l’Université Ibn Tofail',
      descriptionFr: 'Structurer l’offre de services du bureau de liaison et ses contrats avec les entreprises.',
      objectives: ['Définir le catalogue de services du bureau'],
      deliverables: ['Catalogue de services', 'Modèle de contrat', 'Rapport de mission'],
      skills: ['Recherche scientifique', 'Gestion de projet'],
      occupation: '2131',
    },
  },
  {
    state: 'closed',
    host: 'higher-education',
    expert: 4,
    modality: 'on_site',
    city: 'Rabat',
    endsInDays: -62,
    workingDays: 12,
    sector: 'education',
    tor: {
      titleFr: 'Conception d’un guichet numérique des bourses et services aux étudiants',
      descriptionFr:
        'Définir avec le ministère les services en ligne prioritaires aux étudiants et leur parcours usager.',
      objectives: ['Prioriser les services à mettre en ligne'],
      deliverables: ['Parcours usagers', 'Cahier des charges fonctionnel', 'Rapport de mission'],
      skills: ['Transformation numérique', 'Systèmes d’information'],
      occupation: '2511',
    },
  },
  {
    state: 'cancelled',
    host: 'youth-temara',
    expert: 5,
    modality: 'on_site',
    city: 'Témara',
    startsInDays: 15,
    workingDays: 6,
    sector: 'public_administration',
    cancelReason:
      'L’expert ne peut plus se libérer aux dates prévues pour raisons familiales ; la mission sera reprogrammée.',
    tor: {
      titleFr: 'Ateliers d’expression artistique pour les jeunes du Centre de Sauvegarde',
      descriptionFr: 'Animer avec les éducateurs des ateliers de théâtre et former l’équipe à les poursuivre.',
      objectives: ['Former quatre éducateurs à l’animation d’ateliers'],
      deliverables: ['Guide d’animation', 'Rapport de mission'],
      skills: ['Accompagnement psychosocial', 'Formation de formateurs'],
      occupation: '2635',
    },
  },
];

/** The online sessions of the hybrid mission in progress: one held (with attendance), one to come. */
export const hybridSessions = [
  { inDays: -2, topic: 'Scénariser un cours hybride : objectifs et activités', participants: 18, attended: 15 },
  { inDays: 4, topic: 'Évaluer les apprentissages à distance', participants: 18, attended: null },
];

/** The host staff answering the closed CD4D mission's knowledge-transfer surveys. */
export const surveyRespondents = [
  {
    name: 'Imane Fassi Fihri',
    email: 'imane.fassifihri@enssup.passerelle.example',
    before: { level: 2, text: 'Comprendre comment organiser un service en ligne autour des étudiants.' },
    after: {
      ratings: { level: 4, apply: 4, practice_changed: 3, shared: 4 },
      text: 'La méthode des parcours usagers ; nous l’appliquons au service des bourses.',
    },
  },
  {
    name: 'Youssef Naciri',
    email: 'youssef.naciri@enssup.passerelle.example',
    before: { level: 3, text: 'Savoir rédiger un cahier des charges fonctionnel.' },
    after: {
      ratings: { level: 4, apply: 5, practice_changed: 4, shared: 3 },
      text: 'La priorisation des services ; le cahier des charges est en cours de rédaction.',
    },
  },
];

/** What the focal point wrote about the closed CD4D mission. */
export const closedCd4dEvaluation = {
  knowledgeTransferred: 'Méthode des parcours usagers et rédaction d’un cahier des charges fonctionnel.',
  comment: 'Expert très disponible ; l’équipe souhaite un suivi en ligne au lancement du guichet.',
};
