import { api, ApiError, apiUrl, type FieldProblem } from '../../api/client.ts';
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

/**
 * Uploads a file as multipart/form-data (the JSON client cannot): the browser sets the boundary, and an error
 * answer becomes the same ApiError as everywhere else, so it is translated by code.
 */
export async function uploadDocument(kind: DocumentKind, file: File): Promise<ExpertDocument> {
  const body = new FormData();
  body.append('kind', kind);
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(apiUrl('/experts/me/documents'), { method: 'POST', credentials: 'same-origin', body });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; fields?: FieldProblem[] } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'internal_error',
      error?.message ?? response.statusText,
      error?.fields ?? [],
    );
  }
  return payload as ExpertDocument;
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
