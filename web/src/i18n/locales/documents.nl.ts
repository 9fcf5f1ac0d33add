/** Nederlandse teksten van de documenten van de expert (cv, diploma’s) en de vaardigheden uit het cv (samengevoegd in nl.ts). */
export const documentsNl = {
  documents: {
    title: 'Cv en diploma’s',
    intro: 'Het programmateam leest ze; de tekst van uw cv helpt het team u ook te vinden.',
    kind: 'Soort document',
    kinds: { cv: 'Cv', diploma: 'Diploma' },
    file: 'Bestand',
    fileHelp: 'Pdf of Word (DOCX), hoogstens {{size}}.',
    upload: 'Uploaden',
    uploaded: 'Het document is geüpload.',
    tooLarge: 'Dit bestand is groter dan {{size}}: het kan niet worden geüpload.',
    megabytes: '{{value}} MB',
    kilobytes: '{{value}} kB',
    empty: 'Nog geen documenten.',
    list: 'Mijn documenten',
    details: '{{kind}} · {{size}} · geüpload op {{date}}',
    noText: 'In dit bestand is geen tekst gevonden (een scan?): het voedt zoeken en suggesties niet.',
    downloadLabel: '{{name}} downloaden',
    delete: 'Verwijderen',
    deleteLabel: '{{name}} verwijderen',
    confirmTitle: 'Dit document verwijderen?',
    confirmBody: '‘{{name}}’ wordt definitief verwijderd.',
    confirmDelete: 'Definitief verwijderen',
    limit: 'U hebt {{max}} documenten, het maximum: verwijder er een om een ander toe te voegen.',
    suggestions: {
      title: 'Vaardigheden gevonden in uw cv',
      intro: 'Vink aan wat u op uw profiel wilt.',
      none: 'In dit cv is geen nieuwe vaardigheid uit de woordenlijst gevonden.',
      confirm: 'Aangevinkte vaardigheden toevoegen',
      added: 'De vaardigheden zijn aan uw profiel toegevoegd.',
    },
    staff: {
      title: 'Documenten',
      empty: 'Geen documenten aanwezig.',
    },
  },
};

/** Foutcodes bij het uploaden van documenten (samengevoegd in `errors` van nl.ts). */
export const documentErrorsNl = {
  unsupported_file_type: 'Alleen pdf- en Word-bestanden (DOCX) worden aanvaard.',
  unsafe_file: 'Dit bestand pakt uit tot een abnormale grootte: het is geweigerd.',
  unreadable_file: 'Dit bestand is beschadigd en kan niet worden gelezen.',
  document_limit_reached: 'U hebt het maximumaantal documenten bereikt: verwijder er eerst een.',
};
