/** Textes français du volet équipe d'un profil (vérification, notes, étiquettes) et de la fusion des doublons. */
export const staffFr = {
  staff: {
    formerStaff: 'un ancien membre de l’équipe',
    vetting: {
      title: 'Vérification',
      status: 'Statut :',
      subject: 'Objet du contrôle',
      subjects: {
        documents: 'Documents (CV, diplômes)',
        references: 'Références',
      },
      outcome: 'Résultat',
      outcomes: {
        verified: 'Vérifié',
        problem: 'Problème constaté',
      },
      checkedBy: 'par {{name}}, {{date}}',
      notChecked: 'Pas encore contrôlé.',
      history: 'Contrôles précédents ({{count}})',
      note: 'Remarque sur le contrôle',
      noteHelp: 'Ce qui a été contrôlé et comment. Visible par l’équipe du programme uniquement.',
      record: 'Enregistrer un contrôle',
      recordSubmit: 'Enregistrer le contrôle',
      changeStatus: 'Statut de vérification',
      applyStatus: 'Changer le statut',
      notReady: '« Vérifié » exige que les documents et les références soient vérifiés.',
    },
    notes: {
      title: 'Notes de l’équipe',
      private: 'Réservées à l’équipe du programme : l’expert ne voit jamais ces notes.',
      new: 'Nouvelle note',
      add: 'Ajouter la note',
      empty: 'Aucune note pour l’instant.',
      byline: '{{name}}, {{date}}',
      edited: 'modifiée',
      edit: 'Modifier',
      editLabel: 'Modifier la note',
      delete: 'Supprimer',
      deleteTitle: 'Supprimer cette note ?',
      deleteBody: 'La note sera supprimée définitivement. Cette action est irréversible.',
      confirmDelete: 'Supprimer la note',
    },
    tags: {
      title: 'Étiquettes',
      label: 'Étiquettes de l’équipe',
      help: 'Appuyez sur Entrée ou tapez une virgule pour ajouter une étiquette ; les étiquettes déjà utilisées sont proposées. 20 au plus, de 40 caractères chacune.',
      save: 'Enregistrer les étiquettes',
      empty: 'Aucune étiquette.',
    },
  },
  merge: {
    open: 'Fusionner {{left}} et {{right}}…',
    title: 'Fusionner deux profils',
    keep: 'Quel profil conserver ?',
    movesTitle: 'Transféré de {{duplicate}} vers {{kept}} :',
    moves: {
      lists:
        'formation, expérience professionnelle, compétences, disponibilités et documents (les entrées identiques ne sont gardées qu’une fois) ;',
      languages: 'langues : pour une langue présente sur les deux profils, le niveau le plus élevé est retenu ;',
      staff: 'contrôles de vérification, notes de l’équipe et étiquettes ;',
      fields:
        'les champs vides de {{kept}} sont complétés à partir de {{duplicate}} ; rien de ce que {{kept}} contient déjà n’est écrasé.',
    },
    closesTitle: 'Le profil de {{duplicate}} est supprimé :',
    closes: {
      account:
        'le compte de {{duplicate}} est fermé : il ne permet plus de se connecter et son adresse électronique est effacée. La personne se connecte avec le compte de {{kept}}.',
      consents:
        'les consentements donnés sur le compte de {{kept}} restent valables ; ceux de {{duplicate}} sont conservés dans le journal d’audit.',
    },
    confirm: 'J’ai vérifié que {{kept}} et {{duplicate}} sont la même personne. Cette action est irréversible.',
    submit: 'Fusionner',
    doneTitle: 'Profils fusionnés',
    done: '{{duplicate}} a été fusionné dans {{kept}} : {{moved}} éléments transférés.',
  },
};

/** Textes français des codes d'erreur du volet équipe (fusionnés dans `errors` de fr.ts). */
export const staffErrorsFr = {
  vetting_status_changed:
    'Quelqu’un a modifié le statut de vérification entre-temps. Vérifiez le nouveau statut et réessayez.',
  vetting_incomplete: 'Un expert n’est vérifié qu’une fois ses documents et ses références vérifiés.',
  merge_same_expert: 'Un profil ne peut pas être fusionné avec lui-même.',
  expert_erased: 'Ce profil a été effacé : il ne peut plus être fusionné.',
  account_disabled: 'Le compte à conserver est désactivé : conservez plutôt l’autre profil.',
};
