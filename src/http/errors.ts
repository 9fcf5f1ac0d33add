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

  constructor(code: ErrorCode, message?: string, fields?: FieldError[]) {
    super(message ?? code.replaceAll('_', ' '));
    this.code = code;
    this.fields = fields;
    this.status = errorStatus[code];
  }

  toJSON(): { error: { code: ErrorCode; message: string; fields?: FieldError[] } } {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

/** Shorthand for a validation failure on a single field. */
export function fieldError(path: string, code: FieldErrorCode, message: string): AppError {
  return new AppError('validation_failed', message, [{ path, code, message }]);
}
