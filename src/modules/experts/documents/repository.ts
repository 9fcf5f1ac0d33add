import { and, asc, count, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { expertDocumentContents, expertDocuments } from '../schema.ts';

export type DocumentRow = typeof expertDocuments.$inferSelect;
/** A document without its extracted text: what lists show. */
export type DocumentSummary = Omit<DocumentRow, 'extractedText'>;

const summaryColumns = {
  id: expertDocuments.id,
  userId: expertDocuments.userId,
  kind: expertDocuments.kind,
  fileName: expertDocuments.fileName,
  mediaType: expertDocuments.mediaType,
  byteSize: expertDocuments.byteSize,
  sha256: expertDocuments.sha256,
  extraction: expertDocuments.extraction,
  uploadedAt: expertDocuments.uploadedAt,
};

/** An expert's documents, oldest first, without text or bytes. */
export function listDocuments(tx: Tx, userId: string): Promise<DocumentSummary[]> {
  return tx
    .select(summaryColumns)
    .from(expertDocuments)
    .where(eq(expertDocuments.userId, userId))
    .orderBy(asc(expertDocuments.uploadedAt), asc(expertDocuments.id));
}

/** One document of one expert (both ids must match: another expert's id is "not found"). */
export async function findDocument(tx: Tx, userId: string, documentId: string): Promise<DocumentRow | undefined> {
  const [row] = await tx
    .select()
    .from(expertDocuments)
    .where(and(eq(expertDocuments.id, documentId), eq(expertDocuments.userId, userId)));
  return row;
}

/** The bytes of a document. */
export async function documentContent(tx: Tx, documentId: string): Promise<Uint8Array | undefined> {
  const [row] = await tx
    .select({ content: expertDocumentContents.content })
    .from(expertDocumentContents)
    .where(eq(expertDocumentContents.documentId, documentId));
  return row?.content;
}

/** How many documents an expert holds. */
export async function countDocuments(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(expertDocuments).where(eq(expertDocuments.userId, userId));
  return row?.n ?? 0;
}

/** Whether the expert has at least one CV on file (profile completeness). */
export async function hasCv(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: expertDocuments.id })
    .from(expertDocuments)
    .where(and(eq(expertDocuments.userId, userId), eq(expertDocuments.kind, 'cv')))
    .limit(1);
  return rows.length > 0;
}

/** Every document with its extracted text (no bytes), for the expert's data export. */
export function listDocumentsWithText(tx: Tx, userId: string): Promise<DocumentRow[]> {
  return tx
    .select()
    .from(expertDocuments)
    .where(eq(expertDocuments.userId, userId))
    .orderBy(asc(expertDocuments.uploadedAt), asc(expertDocuments.id));
}

/** Every document with its bytes, for the expert's data export. */
export function documentsWithContent(tx: Tx, userId: string): Promise<(DocumentRow & { content: Uint8Array })[]> {
  return tx
    .select({
      id: expertDocuments.id,
      userId: expertDocuments.userId,
      kind: expertDocuments.kind,
      fileName: expertDocuments.fileName,
      mediaType: expertDocuments.mediaType,
      byteSize: expertDocuments.byteSize,
      sha256: expertDocuments.sha256,
      extraction: expertDocuments.extraction,
      extractedText: expertDocuments.extractedText,
      uploadedAt: expertDocuments.uploadedAt,
      content: expertDocumentContents.content,
    })
    .from(expertDocuments)
    .innerJoin(expertDocumentContents, eq(expertDocumentContents.documentId, expertDocuments.id))
    .where(eq(expertDocuments.userId, userId))
    .orderBy(asc(expertDocuments.uploadedAt), asc(expertDocuments.id));
}

/** Deletes every document of an expert (the bytes go with them, by cascade); returns how many. */
export async function deleteAllDocuments(tx: Tx, userId: string): Promise<number> {
  const deleted = await tx
    .delete(expertDocuments)
    .where(eq(expertDocuments.userId, userId))
    .returning({ id: expertDocuments.id });
  return deleted.length;
}
