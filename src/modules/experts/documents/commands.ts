import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { sniffFileType } from '../../../files/sniff.ts';
import { AppError, fieldError } from '../../../http/errors.ts';
import type { Upload } from '../../../http/upload.ts';
import { recordAudit } from '../../audit/service.ts';
import type { Locale } from '../../reference/data/types.ts';
import { loadStaffVocabulary } from '../../reference/repository.ts';
import { matchSkillConcept } from '../../reference/skills.ts';
import { lockProfile } from '../repository.ts';
import {
  type documentMediaTypes,
  expertDocumentContents,
  expertDocuments,
  expertProfiles,
  expertSkills,
} from '../schema.ts';
import { refreshSearchIndex } from '../search-index.ts';
import { extractDocumentText, type Extraction } from './extract.ts';
import { countDocuments, findDocument, type DocumentRow } from './repository.ts';
import { maxDocumentsPerExpert, uploadFields } from './schemas.ts';
import { suggestSkillsFromText, type CvSkillSuggestion } from './suggestions.ts';

type MediaType = (typeof documentMediaTypes)[number];
const mediaTypeOf: Record<'pdf' | 'docx', MediaType> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The most skills a profile holds (as the profile form allows). */
const maxSkills = 100;

interface Meta {
  ip: string | null;
  now: Date;
}

/**
 * The file name as shown and offered on download: the last path segment (some browsers send a full path),
 * without control characters, at most 200 characters; a name left empty becomes `document.<ext>`.
 */
export function cleanFileName(name: string, type: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // Control characters, and the bidirectional controls that could make a name read as another one.
    .replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, '')
    .trim();
  return (base || `document.${type}`).slice(0, 200);
}

/** A checked upload, ready to store: its type from the bytes and its text. Built outside any transaction. */
export interface PreparedDocument {
  kind: 'cv' | 'diploma';
  fileName: string;
  mediaType: MediaType;
  bytes: Uint8Array;
  extraction: Extraction;
}

/**
 * Checks an upload and extracts its text, before any transaction opens (parsing a PDF takes time; a transaction
 * should not wait on it). The type comes from the bytes alone: the name and the declared type are not trusted.
 * @throws AppError `validation_failed` (field `kind`), `unsupported_file_type` (field `file`), `unsafe_file`,
 *   `unreadable_file`
 */
export async function prepareDocument(upload: Upload): Promise<PreparedDocument> {
  const fields = uploadFields.safeParse(upload.fields);
  if (!fields.success) {
    const given = upload.fields.kind;
    throw fieldError('kind', given ? 'invalid_value' : 'required', 'Say whether the file is a "cv" or a "diploma"');
  }
  const type = sniffFileType(upload.bytes);
  if (type !== 'pdf' && type !== 'docx') {
    throw new AppError('unsupported_file_type', 'Only PDF and Word (DOCX) files are accepted', [
      {
        path: 'file',
        code: 'invalid_value',
        message: `The file is ${type === 'unknown' ? 'of no accepted type' : type}`,
      },
    ]);
  }
  return {
    kind: fields.data.kind,
    fileName: cleanFileName(upload.fileName, type),
    mediaType: mediaTypeOf[type],
    bytes: upload.bytes,
    extraction: await extractDocumentText(type, upload.bytes),
  };
}

/**
 * Stores a prepared document in the caller's transaction: metadata, bytes, search index (a CV's text is
 * searchable at once) and an audit event that names the file but holds none of its content. The profile is
 * locked first, so two uploads at once cannot both slip under the limit.
 * @throws AppError `document_limit_reached` beyond `maxDocumentsPerExpert`
 */
export async function storeDocument(
  tx: Tx,
  userId: string,
  document: PreparedDocument,
  meta: Meta,
): Promise<DocumentRow> {
  if (!(await lockProfile(tx, userId))) throw new AppError('not_found', 'No profile');
  if ((await countDocuments(tx, userId)) >= maxDocumentsPerExpert) {
    throw new AppError('document_limit_reached', `At most ${maxDocumentsPerExpert} documents: delete one first`);
  }
  const [row] = await tx
    .insert(expertDocuments)
    .values({
      userId,
      kind: document.kind,
      fileName: document.fileName,
      mediaType: document.mediaType,
      byteSize: document.bytes.length,
      sha256: createHash('sha256').update(document.bytes).digest('hex'),
      extraction: document.extraction.outcome,
      extractedText: document.extraction.text,
      uploadedAt: meta.now,
    })
    .returning();
  await tx.insert(expertDocumentContents).values({ documentId: row!.id, content: document.bytes });
  if (document.kind === 'cv') await refreshSearchIndex(tx, userId);
  await recordAudit(tx, {
    actorId: userId,
    action: 'expert.document_uploaded',
    entityType: 'expert_document',
    entityId: row!.id,
    changes: {
      kind: { after: row!.kind },
      mediaType: { after: row!.mediaType },
      byteSize: { after: row!.byteSize },
      extraction: { after: row!.extraction },
    },
    ip: meta.ip,
  });
  return row!;
}

/** Deletes one of the expert's documents and its bytes, refreshes the search index and audits it. */
export async function deleteDocument(tx: Tx, userId: string, documentId: string, meta: Meta): Promise<void> {
  const document = await findDocument(tx, userId, documentId);
  if (!document) throw new AppError('not_found', 'No such document');
  await tx.delete(expertDocuments).where(eq(expertDocuments.id, documentId));
  if (document.kind === 'cv') await refreshSearchIndex(tx, userId);
  await recordAudit(tx, {
    actorId: userId,
    action: 'expert.document_deleted',
    entityType: 'expert_document',
    entityId: documentId,
    changes: { kind: { before: document.kind } },
    ip: meta.ip,
  });
}

/** Keys of the concepts an expert's skills already stand for (picked, or matched from the words typed). */
async function ownConcepts(tx: Tx, userId: string): Promise<{ keys: Set<string>; count: number }> {
  const rows = await tx.select().from(expertSkills).where(eq(expertSkills.userId, userId));
  const keys = new Set<string>();
  for (const row of rows) {
    const key = row.conceptId ?? matchSkillConcept(row.label);
    if (key) keys.add(key);
  }
  return { keys, count: rows.length };
}

/**
 * Skills of the vocabulary found in one of the expert's CVs that are not on the profile yet.
 * @throws AppError `not_found` for a document that is not the expert's
 */
export async function cvSkillSuggestions(
  tx: Tx,
  userId: string,
  documentId: string,
  locale: Locale,
): Promise<CvSkillSuggestion[]> {
  const document = await findDocument(tx, userId, documentId);
  if (!document) throw new AppError('not_found', 'No such document');
  if (!document.extractedText) return [];
  const { keys } = await ownConcepts(tx, userId);
  return suggestSkillsFromText(document.extractedText, locale, keys, await loadStaffVocabulary(tx));
}

/**
 * Adds the suggestions the expert confirmed as skills marked `cv`, labelled in the reader's language. Each key
 * must still be a suggestion of that CV (so nothing outside the vocabulary, nor already held, gets in).
 * @throws AppError `validation_failed` on `conceptIds.<n>` for a key that is not a current suggestion
 */
export async function confirmCvSkills(
  tx: Tx,
  userId: string,
  documentId: string,
  conceptIds: readonly string[],
  locale: Locale,
  meta: Meta,
): Promise<void> {
  if (!(await lockProfile(tx, userId))) throw new AppError('not_found', 'No profile');
  const suggestions = new Map(
    (await cvSkillSuggestions(tx, userId, documentId, locale)).map((suggestion) => [suggestion.key, suggestion]),
  );
  const unique = [...new Set(conceptIds)];
  const problems = unique.flatMap((key, index) =>
    suggestions.has(key)
      ? []
      : [{ path: `conceptIds.${index}`, code: 'invalid_value' as const, message: 'Not a suggestion of this CV' }],
  );
  if (problems.length) throw new AppError('validation_failed', 'Some skills are not suggestions', problems);
  const { count } = await ownConcepts(tx, userId);
  if (count + unique.length > maxSkills) {
    throw fieldError('conceptIds', 'too_long', `A profile holds at most ${maxSkills} skills`);
  }
  await tx
    .insert(expertSkills)
    .values(
      unique.map((key) => ({ userId, conceptId: key, label: suggestions.get(key)!.label, source: 'cv' as const })),
    )
    // A free-text skill with the same words is already there: keep the expert's own.
    .onConflictDoNothing();
  await tx.update(expertProfiles).set({ updatedAt: meta.now }).where(eq(expertProfiles.userId, userId));
  await refreshSearchIndex(tx, userId);
  await recordAudit(tx, {
    actorId: userId,
    action: 'expert.profile_updated',
    entityType: 'expert_profile',
    entityId: userId,
    changes: { skills: { after: 'changed' }, skillsFromCv: { after: unique } },
    ip: meta.ip,
  });
}
