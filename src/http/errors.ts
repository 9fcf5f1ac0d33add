/**
 * The one error type of the platform. `code` is stable and translated by the client; `message` is for
 * developers and logs (English), never the only signal for a user.
 */
export const errorStatus = {
  validation_failed: 400,
  malformed_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  /** An uploaded file whose bytes are not of an accepted type (documents: PDF or DOCX). */
  unsupported_file_type: 415,
  /** An archive that would expand beyond safe limits (a zip bomb); nothing is stored. */
  unsafe_file: 422,
  /** A file of an accepted type that cannot be read (corrupt); nothing is stored. */
  unreadable_file: 422,
  /** An expert already holds the most documents allowed. */
  document_limit_reached: 409,
  /** A roster import that is neither CSV nor XLSX (a PDF, a document, an executable…). */
  import_file_unsupported: 415,
  /** A roster workbook that would expand beyond safe limits (a zip bomb) or is damaged. */
  import_file_unsafe: 422,
  /** A roster file with more rows than an import takes. */
  import_too_many_rows: 413,
  /** A roster file without a header row. */
  import_file_empty: 400,
  /** A roster import refused because rows have errors; the body carries the full report, nothing was written. */
  import_has_errors: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  totp_invalid: 401,
  session_expired: 401,
  account_locked: 423,
  email_not_verified: 403,
  mfa_enrolment_required: 403,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  email_taken: 409,
  conflict: 409,
  token_invalid: 400,
  token_expired: 400,
  token_used: 400,
  totp_already_enabled: 409,
  /** The vetting status changed since the reader saw it; reload instead of overwriting a colleague's decision. */
  vetting_status_changed: 409,
  /** "Vetted" needs the latest check of every subject (documents, references) to say "verified". */
  vetting_incomplete: 409,
  /** A merge names the same expert twice. */
  merge_same_expert: 400,
  /** A merge involves an erased profile: there is nothing left to merge. */
  expert_erased: 409,
  /** A merge would keep a disabled account, which nobody can sign in to. */
  account_disabled: 409,
  /** Another programme already uses this code. */
  programme_code_taken: 409,
  /** A ToR changed since the reader loaded it (`details.currentVersion`); nothing was written. */
  version_conflict: 409,
  /** The ToR's state (or the reader's role in it) does not allow this change. */
  assignment_not_editable: 409,
  /** A ToR life-cycle move that does not exist from its current state (`details.from`, `details.to`). */
  illegal_transition: 409,
  /** Returning or cancelling a ToR needs a comment saying why. */
  comment_required: 422,
  /** A call cannot open (or stay open) with its application deadline already past. */
  deadline_passed: 422,
  /** A ToR lacks what a call needs (deliverables, sectors, languages); `fields` lists them. */
  assignment_incomplete: 422,
  /** A ToR already holds the most attachments allowed. */
  attachment_limit_reached: 409,
  /** Applying to a call that is not open (not published, or past its deadline). */
  call_not_open: 409,
  /** The expert already applied to this call: one application per expert per call. */
  already_applied: 409,
  /** The programme takes experts living in other countries only. */
  not_eligible_residence: 422,
  /** An application must confirm availability in the call's window. */
  availability_not_confirmed: 422,
  /** Applying needs an active consent to the processing of the profile. */
  processing_consent_required: 409,
  /** Staff confirm a selection only after the host institution selected the applicant. */
  host_selection_missing: 409,
  /** Sharing a shortlist that holds nobody. */
  shortlist_empty: 409,
  /** Scoring an application before the call has a scoring grid. */
  scoring_criteria_missing: 409,
  /** An allocation round takes open or closed calls only (`details.assignmentIds` names the others). */
  round_assignment_not_open: 422,
  /** A locked pair is not an applicant of that call, or the hard filters keep them off it (`details.pair`). */
  locked_pair_not_candidate: 422,
  /** The locks cannot all hold (an expert locked beyond their capacity, a call beyond its slots): `details.entry`. */
  allocation_infeasible: 422,
  /** The round was already accepted: run a new one to change it. */
  round_already_accepted: 409,
  /** A skill concept key already in the vocabulary (built in or added by staff). */
  skill_concept_taken: 409,
  /** A mission is made from a selection: the application is not (or no longer) selected. */
  application_not_selected: 409,
  /** This selection already has a mission (not cancelled). */
  mission_exists: 409,
  /** The mission's dates overlap another mission of the same expert (`details.reference`). */
  mission_overlap: 409,
  /** The expert accepts the agreement in the app; that is what makes a mission agreed. */
  agreement_not_accepted: 409,
  /** A mission is ready when every checklist item is done or not applicable; `fields` lists the open items. */
  checklist_incomplete: 409,
  /** Closing needs the expert's report accepted by staff. */
  report_not_accepted: 409,
  /** Closing needs the host's evaluation. */
  evaluation_missing: 409,
  /** A closed or cancelled mission does not change any more. */
  mission_settled: 409,
  /** Cancelling a mission needs a reason. */
  reason_required: 422,
  /** The pre-departure briefing (or another mandatory item) cannot be marked not applicable. */
  checklist_item_mandatory: 422,
  /** A currency that is not an active ISO 4217 currency one pays in; `fields` names the field. */
  unknown_currency: 422,
  /** Another DSA rate of the same country and city applies on some of the days (`details` names its period). */
  dsa_rate_overlap: 409,
  /** No DSA rate for the mission's place (city, else country) on its dates: a clear error, never a zero. */
  dsa_rate_missing: 422,
  /** An online mission has no daily subsistence allowance. */
  dsa_not_applicable: 422,
  /** No stored exchange rate from the currency to the reporting currency on or before the day (`details`). */
  currency_rate_missing: 422,
  /** The pair already has a rate from that day. */
  currency_rate_exists: 409,
  /** Sessions belong to online and hybrid missions only. */
  sessions_not_applicable: 409,
  /** Attendance is recorded once the session has started. */
  session_not_started: 409,
  /** The expert reports once the mission is in progress. */
  mission_not_started: 409,
  /** A mission's dates change only before it starts. */
  mission_started: 409,
  /** Sessions already planned fall outside the new dates (`details.sessions`). */
  sessions_outside_dates: 409,
  /** A report awaiting review, or accepted, no longer changes (a returned one does). */
  report_locked: 409,
  /** A deliverable is a PDF, Word, Excel or PowerPoint file. */
  unsupported_deliverable_type: 415,
  /** A mission report holds a bounded number of files. */
  report_file_limit_reached: 409,
  /** Only a submitted report is accepted or returned. */
  report_not_submitted: 409,
  /** The host evaluates a mission in reporting, or in progress after its last day. */
  mission_not_ready_for_evaluation: 409,
  /** A mission is evaluated once. */
  evaluation_exists: 409,
  /** This address already answers the mission's surveys. */
  respondent_exists: 409,
  /** A survey link already used to answer. */
  survey_already_submitted: 409,
  /** Follow-ups are requested from a closed mission. */
  mission_not_closed: 409,
  /** The agreement's text changed since the expert read it (`details.sha256` is the current fingerprint). */
  agreement_changed: 409,
  /** An agreement template uses placeholders that do not exist (`details.unknown` names them). */
  template_unknown_placeholder: 422,
  rate_limited: 429,
  database_unavailable: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/**
 * Every code a field error can carry: the client translates each (fieldErrors.<code>), so the set is closed and
 * validator codes outside it are reported as `invalid`.
 */
export const fieldErrorCodes = [
  'required',
  'too_short',
  'too_long',
  'invalid',
  'invalid_type',
  'invalid_format',
  'invalid_value',
  'unknown_field',
  'not_found',
  'invalid_credentials',
  'email_taken',
  'totp_invalid',
  'token_invalid',
  'token_used',
  'token_expired',
  /** A date before another it must follow (a window ending before it starts, a deadline after the start). */
  'date_order',
  /** A number outside the range another field allows (working days beyond the window's calendar days). */
  'out_of_range',
  /** A date already past where a future one is needed. */
  'in_the_past',
  /** A mission date outside its ToR's window. */
  'outside_window',
  /** A checklist item still open. */
  'not_done',
] as const;
export type FieldErrorCode = (typeof fieldErrorCodes)[number];

/** One problem with one field of a request; `path` is the field's dotted path. */
export interface FieldError {
  path: string;
  code: FieldErrorCode;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  readonly status: number;
  /** Facts the client needs to act on the error (the current version of a record, the states of a move…). */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, fields?: FieldError[], details?: Record<string, unknown>) {
    super(message ?? code.replaceAll('_', ' '));
    this.code = code;
    this.fields = fields;
    this.status = errorStatus[code];
    this.details = details;
  }

  toJSON(): {
    error: { code: ErrorCode; message: string; fields?: FieldError[]; details?: Record<string, unknown> };
  } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

/** Shorthand for a validation failure on a single field. */
export function fieldError(path: string, code: FieldErrorCode, message: string): AppError {
  return new AppError('validation_failed', message, [{ path, code, message }]);
}
