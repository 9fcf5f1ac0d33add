/** Textes français des documents de l’expert (CV, diplômes) et des compétences suggérées par le CV (fusionnés dans fr.ts). */
export const documentsFr = {
  documents: {
    title: 'CV et diplômes',
    intro: 'L’équipe du programme les consulte ; le texte de votre CV l’aide aussi à vous trouver.',
    kind: 'Type de document',
    kinds: { cv: 'CV', diploma: 'Diplôme' },
    file: 'Fichier',
    fileHelp: 'PDF ou Word (DOCX), {{size}} au plus.',
    upload: 'Téléverser',
    uploaded: 'Le document est téléversé.',
    tooLarge: 'Ce fichier dépasse {{size}} : il ne peut pas être téléversé.',
    megabytes: '{{value}} Mo',
    kilobytes: '{{value}} Ko',
    empty: 'Aucun document pour l’instant.',
    list: 'Mes documents',
    details: '{{kind}} · {{size}} · déposé le {{date}}',
    noText: 'Aucun texte trouvé dans ce fichier (un scan ?) : il n’alimente ni la recherche ni les suggestions.',
    downloadLabel: 'Télécharger {{name}}',
    delete: 'Supprimer',
    deleteLabel: 'Supprimer {{name}}',
    confirmTitle: 'Supprimer ce document ?',
    confirmBody: '« {{name}} » sera supprimé définitivement.',
    confirmDelete: 'Supprimer définitivement',
    limit: 'Vous avez {{max}} documents, le maximum : supprimez-en un pour en ajouter un autre.',
    suggestions: {
      title: 'Compétences trouvées dans votre CV',
      intro: 'Cochez celles que vous voulez sur votre profil.',
      none: 'Aucune nouvelle compétence du vocabulaire n’a été trouvée dans ce CV.',
      confirm: 'Ajouter les compétences cochées',
      added: 'Les compétences sont ajoutées à votre profil.',
    },
    staff: {
      title: 'Documents',
      empty: 'Aucun document déposé.',
    },
  },
};

/** Codes d’erreur du dépôt de documents (fusionnés dans `errors` de fr.ts). */
export const documentErrorsFr = {
  unsupported_file_type: 'Seuls les fichiers PDF et Word (DOCX) sont acceptés.',
  unsafe_file: 'Ce fichier se décompresse en une taille anormale : il a été refusé.',
  unreadable_file: 'Ce fichier est endommagé et ne peut pas être lu.',
  document_limit_reached: 'Vous avez atteint le nombre maximal de documents : supprimez-en un d’abord.',
};
