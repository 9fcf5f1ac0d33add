import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, fieldError } from './errors.ts';

/** The largest file any route accepts (CVs, diplomas, roster imports). Routes may ask for less. */
export const maxUploadBytes = 10 * 1024 * 1024;

/** One uploaded file, read whole into memory (it is at most `maxUploadBytes`), and the text fields beside it. */
export interface Upload {
  fileName: string;
  bytes: Uint8Array;
  fields: Record<string, string>;
}

/**
 * Registers multipart parsing for the routes that take files. Limits are enforced while the body streams in, so
 * a 50 MB upload is cut off at 10 MB rather than buffered.
 */
export async function installUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: maxUploadBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 21 },
    throwFileSizeLimit: true,
  });
}

/**
 * Reads a multipart request holding one file in `field` (and small text fields).
 * @throws AppError `unsupported_media_type` when the request is not multipart, `validation_failed` with the field
 *   code `required` when the file is missing or empty, `payload_too_large` beyond `maxBytes`.
 */
export async function readUpload(request: FastifyRequest, field: string, maxBytes = maxUploadBytes): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
  }
  const fields: Record<string, string> = {};
  let upload: { fileName: string; bytes: Uint8Array } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === field) upload = { fileName: part.filename, bytes: new Uint8Array(bytes) };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT') {
      throw new AppError('payload_too_large', `A file may hold at most ${maxBytes} bytes`);
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
    }
    throw error;
  }
  if (!upload || upload.bytes.length === 0) throw fieldError(field, 'required', `Attach a file as "${field}"`);
  if (upload.bytes.length > maxBytes)
    throw new AppError('payload_too_large', `A file may hold at most ${maxBytes} bytes`);
  return { ...upload, fields };
}
