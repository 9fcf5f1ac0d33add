/** English texts of the expert's documents (CV, diplomas) and the CV skill suggestions (merged into en.ts). */
export const documentsEn = {
  documents: {
    title: 'CV and diplomas',
    intro: 'The programme team reads them; the text of your CV also helps them find you.',
    kind: 'Type of document',
    kinds: { cv: 'CV', diploma: 'Diploma' },
    file: 'File',
    fileHelp: 'PDF or Word (DOCX), at most {{size}}.',
    upload: 'Upload',
    uploaded: 'The document is uploaded.',
    tooLarge: 'This file is larger than {{size}}: it cannot be uploaded.',
    megabytes: '{{value}} MB',
    kilobytes: '{{value}} KB',
    empty: 'No document yet.',
    list: 'My documents',
    details: '{{kind}} · {{size}} · uploaded on {{date}}',
    noText: 'No text was found in this file (a scan?): it does not feed search or suggestions.',
    downloadLabel: 'Download {{name}}',
    delete: 'Delete',
    deleteLabel: 'Delete {{name}}',
    confirmTitle: 'Delete this document?',
    confirmBody: '“{{name}}” will be deleted for good.',
    confirmDelete: 'Delete for good',
    limit: 'You have {{max}} documents, the most allowed: delete one to add another.',
    suggestions: {
      title: 'Skills found in your CV',
      intro: 'Tick the ones you want on your profile.',
      none: 'No new skill from the vocabulary was found in this CV.',
      confirm: 'Add the selected skills',
      added: 'The skills are added to your profile.',
    },
    staff: {
      title: 'Documents',
      empty: 'No document on file.',
    },
  },
};

/** Error codes of document uploads (merged into `errors` of en.ts). */
export const documentErrorsEn = {
  unsupported_file_type: 'Only PDF and Word (DOCX) files are accepted.',
  unsafe_file: 'This file expands to an abnormal size: it was refused.',
  unreadable_file: 'This file is damaged and cannot be read.',
  document_limit_reached: 'You have reached the maximum number of documents: delete one first.',
};
