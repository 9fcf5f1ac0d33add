import type { z } from 'zod';
import type { DocumentSummary } from './repository.ts';
import type { documentView } from './schemas.ts';

/** A document as it leaves the server: metadata only, never its bytes nor its extracted text. */
export function presentDocument(row: DocumentSummary): z.infer<typeof documentView> {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    mediaType: row.mediaType,
    byteSize: row.byteSize,
    sha256: row.sha256,
    extraction: row.extraction,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}
