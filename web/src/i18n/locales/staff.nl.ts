/** Nederlandse teksten van de staf-kant van een profiel (screening, notities, labels) en van het samenvoegen. */
export const staffNl = {
  staff: {
    formerStaff: 'een voormalig teamlid',
    vetting: {
      title: 'Screening',
      status: 'Status:',
      subject: 'Wat is gecontroleerd',
      subjects: {
        documents: 'Documenten (cv, diploma’s)',
        references: 'Referenties',
      },
      outcome: 'Uitkomst',
      outcomes: {
        verified: 'Gecontroleerd',
        problem: 'Probleem gevonden',
      },
      checkedBy: 'door {{name}}, {{date}}',
      notChecked: 'Nog niet gecontroleerd.',
      history: 'Eerdere controles ({{count}})',
      note: 'Toelichting bij de controle',
      noteHelp: 'Wat is gecontroleerd en hoe. Alleen zichtbaar voor het programmateam.',
      record: 'Een controle vastleggen',
      recordSubmit: 'Controle vastleggen',
      changeStatus: 'Screeningsstatus',
      applyStatus: 'Status wijzigen',
      notReady: '“Gescreend” vereist dat de documenten en de referenties gecontroleerd zijn.',
    },
    notes: {
      title: 'Teamnotities',
      private: 'Alleen voor het programmateam: de expert ziet deze notities nooit.',
      new: 'Nieuwe notitie',
      add: 'Notitie toevoegen',
      empty: 'Nog geen notities.',
      byline: '{{name}}, {{date}}',
      edited: 'bewerkt',
      edit: 'Bewerken',
      editLabel: 'Notitie bewerken',
      delete: 'Verwijderen',
      deleteTitle: 'Deze notitie verwijderen?',
      deleteBody: 'De notitie wordt definitief verwijderd. Dit kan niet ongedaan worden gemaakt.',
      confirmDelete: 'Notitie verwijderen',
    },
    tags: {
      title: 'Labels',
      label: 'Teamlabels',
      help: 'Druk op Enter of typ een komma om een label toe te voegen; labels die al gebruikt worden, worden voorgesteld. Hoogstens 20, elk van 40 tekens.',
      save: 'Labels opslaan',
      empty: 'Geen labels.',
    },
  },
  merge: {
    open: '{{left}} en {{right}} samenvoegen…',
    title: 'Twee profielen samenvoegen',
    keep: 'Welk profiel blijft bestaan?',
    movesTitle: 'Overgezet van {{duplicate}} naar {{kept}}:',
    moves: {
      lists:
        'opleiding, werkervaring, vaardigheden, beschikbaarheid en documenten (identieke gegevens blijven één keer bewaard);',
      languages: 'talen: bij een taal op beide profielen blijft het hoogste niveau staan;',
      staff: 'screeningscontroles, teamnotities en labels;',
      fields:
        'lege velden van {{kept}} worden aangevuld uit {{duplicate}}; wat {{kept}} al bevat, wordt nooit overschreven.',
    },
    closesTitle: 'Het profiel van {{duplicate}} wordt verwijderd:',
    closes: {
      account:
        'het account van {{duplicate}} wordt gesloten: inloggen kan niet meer en het e-mailadres wordt gewist. De persoon logt in met het account van {{kept}}.',
      consents:
        'de toestemmingen op het account van {{kept}} blijven gelden; die van {{duplicate}} worden bewaard in het auditlogboek.',
    },
    confirm:
      'Ik heb gecontroleerd dat {{kept}} en {{duplicate}} dezelfde persoon zijn. Dit kan niet ongedaan worden gemaakt.',
    submit: 'Samenvoegen',
    doneTitle: 'Profielen samengevoegd',
    done: '{{duplicate}} is samengevoegd met {{kept}}: {{moved}} gegevens overgezet.',
  },
};

/** Nederlandse teksten van de foutcodes van de staf-kant (samengevoegd in `errors` van nl.ts). */
export const staffErrorsNl = {
  vetting_status_changed:
    'Iemand heeft de screeningsstatus intussen gewijzigd. Bekijk de nieuwe status en probeer opnieuw.',
  vetting_incomplete: 'Een expert is pas gescreend als de documenten en de referenties allebei gecontroleerd zijn.',
  merge_same_expert: 'Een profiel kan niet met zichzelf worden samengevoegd.',
  expert_erased: 'Dit profiel is gewist: het kan niet meer worden samengevoegd.',
  account_disabled: 'Het account dat blijft bestaan is uitgeschakeld: behoud liever het andere profiel.',
};
