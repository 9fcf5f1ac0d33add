/**
 * Every column that refers to an expert's account or profile (a foreign key to `users(id)` or
 * `expert_profiles(user_id)`), classified for the merge: moved to the kept profile, or deliberately left with the
 * duplicate's account, with the reason. merge.test.ts reads the foreign keys from the database catalog and fails
 * when one is missing here, so a future table (applications, missions…) cannot be forgotten by the merge: whoever
 * adds it must decide, and a "moved" entry needs a mover in merge.ts (the type below makes that a compile error).
 */
export const movedByMerge = [
  'expert_languages.user_id',
  'expert_skills.user_id',
  'expert_education.user_id',
  'expert_experience.user_id',
  'expert_availability.user_id',
  'expert_documents.user_id',
  'expert_vetting_checks.user_id',
  'expert_staff_notes.user_id',
  'expert_tags.user_id',
  'applications.expert_id',
  'missions.expert_id',
] as const;

export type MovedColumn = (typeof movedByMerge)[number];

/** Columns the merge leaves alone on purpose, and why. */
export const notMovedByMerge: Record<string, string> = {
  'expert_profiles.user_id':
    'the duplicate profile itself: its values fill the kept profile’s empty fields, then the row is deleted',
  'consents.user_id':
    'consents are the person’s declarations on that account: the kept account’s stand; the duplicate’s are recorded in the merge’s audit event and withdrawn with the account',
  'role_assignments.user_id': 'the duplicate account loses its expert role; the kept account has its own roles',
  'sessions.user_id': 'the duplicate account is signed out everywhere',
  'user_tokens.user_id': 'pending links of the duplicate account are voided',
  'saved_searches.user_id': 'saved searches belong to staff members, not to experts',
  'expert_imports.imported_by': 'the staff member who ran an import',
  'expert_vetting_checks.checked_by': 'the staff member who checked, not the expert',
  'expert_staff_notes.author_id': 'the staff member who wrote the note, not the expert',
  'expert_tags.added_by': 'the staff member who added the tag, not the expert',
  'assignments.created_by': 'the focal point or staff member who drafted the Terms of Reference',
  'assignment_transitions.actor_id': 'who moved the Terms of Reference, as they were then',
  'assignment_attachments.uploaded_by': 'the focal point or staff member who attached the file',
  'applications.host_selected_by': 'the focal point who selected, not the expert',
  'application_events.actor_id': 'who changed the application, as they were then (the history itself moves with it)',
  'call_alert_settings.user_id': 'alert settings are per account: the kept account’s stand, the closed one sends none',
  'in_app_notifications.user_id': 'notices of the duplicate account stay with it; the kept account has its own inbox',
  'allocation_rounds.created_by': 'the staff member who ran the round',
  'allocation_rounds.accepted_by': 'the staff member who accepted the round (its proposal is a record of that day)',
  'missions.agreement_accepted_by': 'who accepted the agreement, as they were then (a signature is not re-attributed)',
  'missions.created_by': 'the staff member who created the mission',
  'mission_events.actor_id': 'who moved the mission, as they were then (the history moves with the mission)',
  'mission_checklist_items.done_by': 'who ticked the item, as they were then',
  'dsa_rates.created_by': 'the staff member who entered the rate',
  'currency_rates.created_by': 'the staff member who entered the rate',
  'mission_costs.created_by': 'the staff member who entered the cost line',
  'mission_sessions.attendance_recorded_by': 'the focal point who recorded attendance',
  'mission_sessions.created_by': 'who planned the session, as they were then',
  'mission_reports.reviewed_by': 'the staff member who reviewed the report',
  'mission_report_files.uploaded_by':
    'who uploaded the deliverable, as they were then (the file moves with the mission)',
  'mission_evaluations.evaluated_by': 'the focal point who evaluated the mission',
  'calendar_feeds.user_id': 'a calendar feed is a secret of one account: the closed account’s feed stops with it',
  'agreement_templates.updated_by': 'the staff member who edited the template',
  'internships.created_by': 'the staff member who recorded the internship',
};
