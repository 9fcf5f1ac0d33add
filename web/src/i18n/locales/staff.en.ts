/** English texts of the staff side of a profile (vetting, notes, tags) and of merging duplicates (merged into en.ts). */
export const staffEn = {
  staff: {
    formerStaff: 'a former staff member',
    vetting: {
      title: 'Vetting',
      status: 'Status:',
      subject: 'What was checked',
      subjects: {
        documents: 'Documents (CV, diplomas)',
        references: 'References',
      },
      outcome: 'Result',
      outcomes: {
        verified: 'Verified',
        problem: 'Problem found',
      },
      checkedBy: 'by {{name}}, {{date}}',
      notChecked: 'Not checked yet.',
      history: 'Earlier checks ({{count}})',
      note: 'Note on the check',
      noteHelp: 'What was checked and how. Visible to programme staff only.',
      record: 'Record a check',
      recordSubmit: 'Record the check',
      changeStatus: 'Vetting status',
      applyStatus: 'Change the status',
      notReady: '“Vetted” requires the documents and the references to be verified.',
    },
    notes: {
      title: 'Staff notes',
      private: 'Private to programme staff: the expert never sees these notes.',
      new: 'New note',
      add: 'Add the note',
      empty: 'No notes yet.',
      byline: '{{name}}, {{date}}',
      edited: 'edited',
      edit: 'Edit',
      editLabel: 'Edit the note',
      delete: 'Delete',
      deleteTitle: 'Delete this note?',
      deleteBody: 'The note will be deleted for good. This cannot be undone.',
      confirmDelete: 'Delete the note',
    },
    tags: {
      title: 'Tags',
      label: 'Staff tags',
      help: 'Press Enter or type a comma to add a tag; tags already in use are suggested. At most 20, 40 characters each.',
      save: 'Save the tags',
      empty: 'No tags.',
    },
  },
  merge: {
    open: 'Merge {{left}} and {{right}}…',
    title: 'Merge two profiles',
    keep: 'Which profile is kept?',
    movesTitle: 'Moved from {{duplicate}} to {{kept}}:',
    moves: {
      lists: 'education, work experience, skills, availability and documents (identical entries are kept once);',
      languages: 'languages: for a language on both profiles, the higher level is kept;',
      staff: 'vetting checks, staff notes and tags;',
      fields:
        'the empty fields of {{kept}} are filled from {{duplicate}}; nothing {{kept}} already holds is overwritten.',
    },
    closesTitle: 'The profile of {{duplicate}} is removed:',
    closes: {
      account:
        'the account of {{duplicate}} is closed: it can no longer sign in, and its e-mail address is removed. The person signs in with the account of {{kept}}.',
      consents:
        'the consents given on the account of {{kept}} stand; those of {{duplicate}} are kept in the audit log.',
    },
    confirm: 'I have checked that {{kept}} and {{duplicate}} are the same person. This cannot be undone.',
    submit: 'Merge',
    doneTitle: 'Profiles merged',
    done: '{{duplicate}} was merged into {{kept}}: {{moved}} items moved.',
  },
};

/** English texts of the staff side's error codes (merged into en.ts's `errors`). */
export const staffErrorsEn = {
  vetting_status_changed: 'Someone changed the vetting status in the meantime. Check the new status and try again.',
  vetting_incomplete: 'An expert is vetted only once the documents and the references are both verified.',
  merge_same_expert: 'A profile cannot be merged with itself.',
  expert_erased: 'This profile has been erased: it can no longer be merged.',
  account_disabled: 'The account to keep is disabled: keep the other profile instead.',
};
