import { api, apiUrl, postForm } from '../../api/client.ts';
import type { ProfileView } from '../types.ts';

/**
 * The documents API as the web app reads it, mirroring src/modules/experts/documents/schemas.ts (the server's
 * contract). Plain interfaces, so the browser bundle does not pull in zod.
 */
export const documentKinds = ['cv', 'diploma'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface ExpertDocument {
  id: string;
  kind: DocumentKind;
  fileName: string;
  mediaType: string;
  byteSize: number;
  extraction: 'extracted' | 'empty' | 'failed';
  uploadedAt: string;
}

export interface DocumentList {
  items: ExpertDocument[];
  maxDocuments: number;
  maxBytes: number;
}

export interface CvSkillSuggestion {
  key: string;
  label: string;
  occurrences: number;
}

/** The file types the server accepts, for the file picker (the server still decides from the bytes). */
export const acceptedTypes =
  '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const myDocumentsKey = ['experts', 'me', 'documents'] as const;
export const expertDocumentsKey = (id: string) => ['experts', id, 'documents'] as const;

/** Where the signed-in expert's document downloads from. */
export const myContentUrl = (id: string) => apiUrl(`/experts/me/documents/${encodeURIComponent(id)}/content`);
/** Where staff download another expert's document from. */
export const expertContentUrl = (expertId: string, id: string) =>
  apiUrl(`/experts/${encodeURIComponent(expertId)}/documents/${encodeURIComponent(id)}/content`);

/** Uploads a CV or a diploma; a refusal is an ApiError translated by its code like any other. */
export function uploadDocument(kind: DocumentKind, file: File): Promise<ExpertDocument> {
  const body = new FormData();
  body.append('kind', kind);
  body.append('file', file, file.name);
  return postForm<ExpertDocument>('/experts/me/documents', body);
}

export const listMyDocuments = () => api<DocumentList>('GET', '/experts/me/documents');
export const listExpertDocuments = (expertId: string) =>
  api<DocumentList>('GET', `/experts/${encodeURIComponent(expertId)}/documents`);
export const deleteDocument = (id: string) => api('DELETE', `/experts/me/documents/${encodeURIComponent(id)}`);
export const skillSuggestions = (id: string, locale: string) =>
  api<{ items: CvSkillSuggestion[] }>(
    'GET',
    `/experts/me/documents/${encodeURIComponent(id)}/skill-suggestions`,
    undefined,
    { locale },
  );
export const confirmSkills = (id: string, conceptIds: string[], locale: string) =>
  api<ProfileView>('POST', `/experts/me/documents/${encodeURIComponent(id)}/skill-suggestions`, {
    conceptIds,
    locale,
  });
