import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, fieldErrorCodes, type FieldError, type FieldErrorCode } from './errors.ts';

/** A validation issue as fastify-type-provider-zod reports it: the zod issue code is the `keyword`. */
interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params?: { keys?: string[]; expected?: string };
}

const codeOf: Record<string, FieldErrorCode> = { too_big: 'too_long', too_small: 'too_short' };

/** The validator's issue code in our closed set of field codes, which the client translates. */
function fieldCodeOf(issue: ValidationIssue): FieldErrorCode {
  // zod reports a missing field as a type error whose input was undefined.
  if (issue.keyword === 'invalid_type' && /received undefined/.test(issue.message)) return 'required';
  const mapped = codeOf[issue.keyword];
  if (mapped) return mapped;
  return (fieldErrorCodes as readonly string[]).includes(issue.keyword) ? (issue.keyword as FieldErrorCode) : 'invalid';
}

/** Turns the validator's issues into our field errors: one per field, with a stable code. */
function fieldErrors(validation: ValidationIssue[], context: string | undefined): FieldError[] {
  const prefix = context && context !== 'body' ? [context] : [];
  return validation.flatMap((issue) => {
    const base = issue.instancePath.split('/').filter(Boolean);
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys?.length) {
      return issue.params.keys.map((key) => ({
        path: [...prefix, ...base, key].join('.'),
        code: 'unknown_field' as const,
        message: `Unknown field ${key}`,
      }));
    }
    const code = fieldCodeOf(issue);
    return [{ path: [...prefix, ...base].join('.') || '(root)', code, message: issue.message }];
  });
}

/** One error shape for everything: `{error: {code, message, fields?}}`; never a stack trace. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.status).send(error.toJSON());
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldErrors(error.validation as unknown as ValidationIssue[], error.validationContext);
      return reply.code(400).send(new AppError('validation_failed', 'The request is not valid', fields).toJSON());
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.code(400).send(new AppError('malformed_json', 'The body is not valid JSON').toJSON());
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send(new AppError('payload_too_large', 'The body is too large').toJSON());
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send(new AppError('unsupported_media_type', 'Unsupported content type').toJSON());
      case 'FST_ERR_VALIDATION':
        return reply.code(400).send(new AppError('validation_failed', error.message).toJSON());
    }
    if (error.statusCode === 429) {
      return reply.code(429).send(new AppError('rate_limited', 'Too many requests').toJSON());
    }
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return reply.code(400).send(new AppError('malformed_json', 'The body is not valid JSON').toJSON());
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    if (isDatabaseDown(error)) {
      return reply.code(503).send(new AppError('database_unavailable', 'The database does not answer').toJSON());
    }
    return reply.code(500).send(new AppError('internal_error', 'Something went wrong on our side').toJSON());
  });
}

/** Error codes that mean "the database is unreachable or shutting down", not "the query is wrong". */
const databaseDownCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08006', // connection_failure
]);

/**
 * Whether the error comes from an unreachable database. Drizzle wraps the driver's error (in `cause`), and Node
 * reports a refused connection to several addresses as an AggregateError, so both are searched, a few levels deep.
 */
function isDatabaseDown(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && databaseDownCodes.has(code)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseDown(inner, depth + 1))) return true;
  return isDatabaseDown(cause, depth + 1);
}
