// The words of the demo missions: TRQN III Terms of Reference per host, and mission reports and host evaluations per
// sector. Invented but plausible; the hosts are the demo's real institutions.
import type { DemoSector } from './trqn-roster.ts';

/** A ToR's content as the demo writes it. */
export interface DemoTorText {
  titleFr: string;
  descriptionFr: string;
  objectives: string[];
  deliverables: string[];
  skills: string[];
  occupation: string;
}

/** DAC sectors, SDG targets and the host's contact people, per demo host institution. */
export const hostFacts: Record<string, { sectors: string[]; sdgTargets: string[]; contacts: string[] }> = {
  'higher-education': {
    sectors: ['11420'],
    sdgTargets: ['4.3', '4.4'],
    contacts: ['Nadia Bennani', 'Karim El Idrissi', 'Latifa Chraibi'],
  },
  'civil-service': { sectors: ['15110'], sdgTargets: ['16.6'], contacts: ['Hicham Berrada', 'Souad Lahlou'] },
  'youth-temara': { sectors: ['16015'], sdgTargets: ['16.2', '4.4'], contacts: ['Rachid Ouazzani'] },
  mre: {
    sectors: ['15190'],
    sdgTargets: ['10.7', '17.18'],
    contacts: ['Samira Alaoui', 'Mustapha Tazi', 'Imane Fassi Fihri'],
  },
  health: { sectors: ['12110'], sdgTargets: ['3.8', '3.d'], contacts: ['Dr Zineb Amrani', 'Dr Adil Sekkat'] },
  'investment-agency': {
    sectors: ['25010'],
    sdgTargets: ['8.3', '17.3'],
    contacts: ['Mehdi Benjelloun', 'Salma Kettani'],
  },
};

/** TRQN III ToRs per host (the missions of a host take them in turn). */
export const trqnTorTexts: Record<string, DemoTorText[]> = {
  'higher-education': [
    {
      titleFr: 'Appui à la mise en place de l’assurance qualité interne dans les universités',
      descriptionFr: 'Accompagner les cellules qualité des universités dans l’autoévaluation de leurs filières.',
      objectives: ['Former les cellules qualité à l’autoévaluation'],
      deliverables: ['Guide d’autoévaluation des filières', 'Rapport de mission'],
      skills: ['Ingénierie pédagogique', 'Gestion de projet'],
      occupation: '2351',
    },
    {
      titleFr: 'Formation des enseignants-chercheurs à la pédagogie universitaire',
      descriptionFr: 'Ateliers de pédagogie active pour les enseignants nouvellement recrutés.',
      objectives: ['Renforcer les pratiques pédagogiques des nouveaux enseignants'],
      deliverables: ['Modules de formation', 'Rapport de mission'],
      skills: ['Formation de formateurs', 'Ingénierie pédagogique'],
      occupation: '2351',
    },
    {
      titleFr: 'Appui à la valorisation de la recherche et aux partenariats université–entreprise',
      descriptionFr:
        'Aider les universités à structurer leurs interfaces avec les entreprises et à valoriser la recherche.',
      objectives: ['Définir une procédure de contrats de recherche'],
      deliverables: ['Note de procédure', 'Rapport de mission'],
      skills: ['Recherche scientifique', 'Gestion de projet'],
      occupation: '2131',
    },
    {
      titleFr: 'Conception de modules d’enseignement à distance',
      descriptionFr: 'Concevoir avec les équipes pédagogiques des modules en ligne pour les filières à fort effectif.',
      objectives: ['Produire des modules pilotes en ligne'],
      deliverables: ['Deux modules pilotes', 'Rapport de mission'],
      skills: ['Enseignement à distance', 'Ingénierie pédagogique'],
      occupation: '2356',
    },
    {
      titleFr: 'Appui à l’employabilité des lauréats : stages et insertion professionnelle',
      descriptionFr: 'Accompagner les centres de carrière des établissements dans l’organisation des stages.',
      objectives: ['Mettre en place un suivi de l’insertion des lauréats'],
      deliverables: ['Tableau de bord de l’insertion', 'Rapport de mission'],
      skills: ['Gestion de projet', 'Statistique'],
      occupation: '2423',
    },
    {
      titleFr: 'Appui à l’internationalisation des établissements d’enseignement supérieur',
      descriptionFr:
        'Aider les services des relations internationales à monter des programmes d’échange avec l’Europe.',
      objectives: ['Préparer des conventions d’échange'],
      deliverables: ['Modèle de convention', 'Rapport de mission'],
      skills: ['Gestion de projet'],
      occupation: '2422',
    },
  ],
  mre: [
    {
      titleFr: 'Appui à la mobilisation des compétences des Marocains résidant aux Pays-Bas',
      descriptionFr: 'Recenser les réseaux de compétences de la diaspora et proposer des modes de mobilisation.',
      objectives: ['Cartographier les réseaux de la diaspora aux Pays-Bas'],
      deliverables: ['Cartographie des réseaux', 'Rapport de mission'],
      skills: ['Gestion de projet', 'Statistique'],
      occupation: '2422',
    },
    {
      titleFr: 'Renforcement de l’accueil des Marocains du monde pendant l’opération Marhaba',
      descriptionFr: 'Améliorer l’information et l’orientation des Marocains du monde lors de leur séjour estival.',
      objectives: ['Réviser les supports d’information'],
      deliverables: ['Supports d’information révisés', 'Rapport de mission'],
      skills: ['Gestion de projet'],
      occupation: '2422',
    },
    {
      titleFr: 'Appui à la conception d’un observatoire de la migration',
      descriptionFr: 'Définir les indicateurs et les sources de données d’un observatoire de la migration.',
      objectives: ['Proposer un jeu d’indicateurs'],
      deliverables: ['Note méthodologique', 'Rapport de mission'],
      skills: ['Statistique', 'Systèmes d’information'],
      occupation: '2120',
    },
    {
      titleFr: 'Formation des cadres à la gestion de projets de coopération avec la diaspora',
      descriptionFr: 'Former les cadres du ministère au cycle de projet et au suivi des partenariats.',
      objectives: ['Former vingt cadres au cycle de projet'],
      deliverables: ['Supports de formation', 'Rapport de mission'],
      skills: ['Gestion de projet', 'Formation de formateurs'],
      occupation: '2424',
    },
    {
      titleFr: 'Appui juridique à l’accompagnement des Marocains du monde',
      descriptionFr: 'Analyser les démarches administratives des Marocains du monde et proposer des simplifications.',
      objectives: ['Identifier les démarches à simplifier'],
      deliverables: ['Analyse des démarches', 'Rapport de mission'],
      skills: ['Droit administratif'],
      occupation: '2611',
    },
    {
      titleFr: 'Appui à la stratégie de communication envers les jeunes de la diaspora',
      descriptionFr: 'Concevoir avec le ministère une stratégie de communication numérique envers les jeunes.',
      objectives: ['Définir les messages et les canaux'],
      deliverables: ['Stratégie de communication', 'Rapport de mission'],
      skills: ['Transformation numérique'],
      occupation: '2432',
    },
  ],
  'youth-temara': [
    {
      titleFr: 'Formation des éducateurs à la prise en charge des jeunes en difficulté',
      descriptionFr: 'Former les éducateurs du centre aux méthodes néerlandaises de suivi individualisé.',
      objectives: ['Introduire le projet éducatif individualisé'],
      deliverables: ['Guide du projet individualisé', 'Rapport de mission'],
      skills: ['Travail social', 'Accompagnement psychosocial'],
      occupation: '2635',
    },
    {
      titleFr: 'Appui à la réinsertion socioprofessionnelle des jeunes du centre',
      descriptionFr: 'Construire avec l’équipe du centre des parcours de réinsertion avec des partenaires locaux.',
      objectives: ['Nouer trois partenariats de formation professionnelle'],
      deliverables: ['Conventions types', 'Rapport de mission'],
      skills: ['Travail social', 'Gestion de projet'],
      occupation: '2635',
    },
  ],
  health: [
    {
      titleFr: 'Renforcement de la surveillance épidémiologique régionale',
      descriptionFr: 'Former les équipes régionales à l’analyse des données de surveillance.',
      objectives: ['Former les épidémiologistes régionaux'],
      deliverables: ['Protocole d’analyse', 'Rapport de mission'],
      skills: ['Épidémiologie', 'Santé publique'],
      occupation: '2212',
    },
    {
      titleFr: 'Appui à l’amélioration de la qualité des soins hospitaliers',
      descriptionFr: 'Accompagner deux hôpitaux dans la mise en place d’indicateurs de qualité des soins.',
      objectives: ['Définir des indicateurs de qualité'],
      deliverables: ['Tableau de bord qualité', 'Rapport de mission'],
      skills: ['Qualité des soins', 'Management hospitalier'],
      occupation: '1342',
    },
    {
      titleFr: 'Formation des gestionnaires hospitaliers au pilotage par la performance',
      descriptionFr: 'Former les directeurs d’hôpitaux au pilotage budgétaire et aux contrats d’objectifs.',
      objectives: ['Former les équipes de direction'],
      deliverables: ['Modules de formation', 'Rapport de mission'],
      skills: ['Management hospitalier'],
      occupation: '1342',
    },
    {
      titleFr: 'Appui au système d’information sanitaire',
      descriptionFr: 'Analyser les flux de données sanitaires et proposer des améliorations du système d’information.',
      objectives: ['Cartographier les flux de données'],
      deliverables: ['Diagnostic du système d’information', 'Rapport de mission'],
      skills: ['Systèmes d’information', 'Santé publique'],
      occupation: '2511',
    },
  ],
  'investment-agency': [
    {
      titleFr: 'Appui à la promotion des investissements des Marocains des Pays-Bas',
      descriptionFr: 'Identifier les investisseurs potentiels de la diaspora et les leviers pour les attirer.',
      objectives: ['Établir un argumentaire pour les investisseurs de la diaspora'],
      deliverables: ['Argumentaire', 'Rapport de mission'],
      skills: ['Marketing territorial', 'Gestion de projet'],
      occupation: '2431',
    },
    {
      titleFr: 'Renforcement du suivi des investisseurs (aftercare)',
      descriptionFr: 'Mettre en place un dispositif de suivi des entreprises déjà installées.',
      objectives: ['Concevoir une procédure de suivi des investisseurs'],
      deliverables: ['Procédure de suivi', 'Rapport de mission'],
      skills: ['Gestion de projet'],
      occupation: '2421',
    },
    {
      titleFr: 'Formation des chargés d’affaires à la prospection d’investisseurs européens',
      descriptionFr: 'Former les chargés d’affaires aux techniques de prospection et de présentation.',
      objectives: ['Former les chargés d’affaires'],
      deliverables: ['Supports de formation', 'Rapport de mission'],
      skills: ['Marketing territorial', 'Formation de formateurs'],
      occupation: '2431',
    },
    {
      titleFr: 'Appui à la veille économique sur les secteurs cibles',
      descriptionFr: 'Organiser une veille sur l’agroalimentaire et la logistique aux Pays-Bas.',
      objectives: ['Mettre en place des fiches de veille sectorielle'],
      deliverables: ['Fiches de veille', 'Rapport de mission'],
      skills: ['Statistique'],
      occupation: '2631',
    },
  ],
};

/** What the experts wrote and the hosts answered, per sector (taken in turn). */
export const sectorTexts: Record<
  DemoSector,
  { activities: string[]; results: string[]; recommendations: string[]; knowledge: string[] }
> = {
  education: {
    activities: [
      'Quatre ateliers avec les équipes pédagogiques, visite de deux établissements et entretiens avec les responsables de filière.',
      'Revue des documents existants, séminaire de deux jours pour 25 enseignants et accompagnement individuel de trois coordinateurs.',
      'Diagnostic participatif avec la direction, ateliers de co-conception et restitution devant le comité de pilotage.',
    ],
    results: [
      'Trois filières disposent d’un référentiel révisé ; une cellule de suivi est désignée.',
      'Vingt-cinq enseignants formés ; deux modules pilotes prêts pour la rentrée.',
      'Un plan d’action validé par la présidence, avec un calendrier et des responsables.',
    ],
    recommendations: [
      'Généraliser la démarche aux autres filières et prévoir une mission de suivi à six mois.',
      'Institutionnaliser la formation pédagogique des nouveaux enseignants.',
      'Associer les étudiants à l’évaluation des enseignements.',
    ],
    knowledge: [
      'Méthodes d’autoévaluation et d’écriture de référentiels de compétences.',
      'Techniques de pédagogie active et d’évaluation des acquis.',
      'Organisation d’un dispositif de suivi de la qualité.',
    ],
  },
  public_administration: {
    activities: [
      'Entretiens avec les directions concernées, analyse des procédures et deux ateliers de travail.',
      'Formation de vingt cadres en trois sessions et accompagnement de l’équipe projet.',
      'Étude documentaire, visites de terrain et restitution au secrétariat général.',
    ],
    results: [
      'Une cartographie des procédures et cinq simplifications proposées, dont deux adoptées.',
      'Vingt cadres formés au cycle de projet ; un tableau de suivi des partenariats en service.',
      'Une note d’orientation remise au secrétariat général.',
    ],
    recommendations: [
      'Désigner un référent par direction et suivre les simplifications adoptées.',
      'Poursuivre la formation avec un module sur l’évaluation.',
      'Mettre en place un comité de suivi trimestriel.',
    ],
    knowledge: [
      'Analyse et simplification des procédures administratives.',
      'Gestion de projet et suivi des partenariats.',
      'Méthodes de concertation avec les usagers.',
    ],
  },
  investment: {
    activities: [
      'Entretiens avec les chargés d’affaires, analyse du portefeuille et atelier de prospection.',
      'Préparation d’un argumentaire et simulations de rendez-vous avec des investisseurs.',
      'Revue du dispositif de suivi et benchmark des agences européennes.',
    ],
    results: [
      'Un argumentaire ciblé et une liste de 40 entreprises à contacter.',
      'Une procédure de suivi des investisseurs adoptée par la direction.',
      'Des fiches de veille sur deux secteurs prioritaires.',
    ],
    recommendations: [
      'Organiser une mission de prospection aux Pays-Bas avec les réseaux de la diaspora.',
      'Mesurer la satisfaction des investisseurs installés chaque année.',
      'Mettre à jour les fiches de veille chaque trimestre.',
    ],
    knowledge: [
      'Techniques de prospection et de présentation aux investisseurs.',
      'Suivi des investisseurs installés (aftercare).',
      'Veille économique sectorielle.',
    ],
  },
  health: {
    activities: [
      'Formation de quinze professionnels, visites de deux services et revue des outils de collecte.',
      'Audit des indicateurs existants et ateliers avec les équipes de direction.',
      'Analyse des flux de données et séances de travail avec le service informatique.',
    ],
    results: [
      'Quinze professionnels formés ; un protocole d’analyse hebdomadaire adopté.',
      'Un tableau de bord de dix indicateurs de qualité en test dans deux hôpitaux.',
      'Un diagnostic partagé et une feuille de route du système d’information.',
    ],
    recommendations: [
      'Étendre le protocole aux autres régions et former des formateurs relais.',
      'Publier les indicateurs de qualité chaque trimestre.',
      'Prévoir un budget pour l’interopérabilité des logiciels.',
    ],
    knowledge: [
      'Analyse des données de surveillance épidémiologique.',
      'Indicateurs de qualité des soins et leur suivi.',
      'Pilotage d’un système d’information sanitaire.',
    ],
  },
};
