import { z } from 'zod';
import { documentKinds, documentMediaTypes, extractionOutcomes } from '../schema.ts';
import { fileResponse } from '../../../http/openapi-media.ts';

/** The most documents one expert may hold: a CV or two and their diplomas. */
export const maxDocumentsPerExpert = 10;

const readerLocale = z.enum(['fr', 'ar', 'en', 'nl']);

/** The text field sent beside the file in the upload's multipart body. */
export const uploadFields = z.object({
  /** What the file is: the expert's CV, or a diploma. */
  kind: z.enum(documentKinds),
});

/** A document as lists show it: never its bytes nor its extracted text. */
export const documentView = z.object({
  id: z.string(),
  kind: z.enum(documentKinds),
  /** The name the file had when it was uploaded. */
  fileName: z.string(),
  /** Recognised from the bytes, never from the name. */
  mediaType: z.enum(documentMediaTypes),
  byteSize: z.number().int(),
  sha256: z.string(),
  /** Whether text was found (a scanned PDF has none: it is kept, but feeds neither search nor suggestions). */
  extraction: z.enum(extractionOutcomes),
  uploadedAt: z.string(),
});

export const documentList = z.object({
  items: z.array(documentView),
  /** The most documents allowed, and the largest file, so the client can say so before uploading. */
  maxDocuments: z.number().int(),
  maxBytes: z.number().int(),
});

export const documentParams = z.object({ id: z.uuid() });
export const expertDocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

/** The file itself; described as binary in the API document. */
export const documentContent = fileResponse('The file as uploaded (PDF or DOCX), as an attachment', documentMediaTypes);

export const suggestionsQuery = z.object({
  /** The language of the labels; the account's language when absent. */
  locale: readerLocale.optional(),
});

export const suggestionsView = z.object({
  items: z.array(z.object({ key: z.string(), label: z.string(), occurrences: z.number().int() })),
});

/** The suggestions the expert ticked, to add to their skills. */
export const confirmSuggestionsBody = z.strictObject({
  /** Keys of suggested concepts (from GET …/skill-suggestions); each must still be a suggestion of this CV. */
  conceptIds: z.array(z.string().min(1).max(120)).min(1).max(50),
  /** The language the skills are labelled in; the account's language when absent. */
  locale: readerLocale.optional(),
});

export const deletedView = z.object({ status: z.literal('deleted') });
