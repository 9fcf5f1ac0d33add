import { strToU8, zipSync } from 'fflate';
import type { Tx } from '../../../db/client.ts';
import { listAuditEvents } from '../../audit/service.ts';
import { applicationsForExport } from '../../applications/data-rights.ts';
import { findUserById, grantsOf } from '../../identity/repository.ts';
import { missionReportFilesForExport, missionsForExpertExport } from '../../missions/export.ts';
import { documentsWithContent, listDocumentsWithText } from '../documents/repository.ts';
import { loadProfileBundle } from '../repository.ts';

/** Columns the search index (or PostgreSQL) derives from the profile and its lists: nothing of their own. */
const derivedSearchFields = new Set([
  'searchVector',
  'rankVector',
  'nameKeys',
  'nameSearch',
  'sortName',
  'languageLevels',
  'availableDates',
  'availableOnSite',
  'availableOnline',
  'facetKeys',
]);

/** Enough for any one person's history; the export is never paginated. */
const maxAuditEvents = 100_000;

/**
 * Everything held about the expert, as the JSON document `me.json`: account (never password hashes, second-factor
 * secrets or lockout counters), profile with its lists, consents, and the audit events they caused or that
 * concern them. `files` lists the expert's documents (with the text extracted from them) and where each one's
 * bytes are in the archive; `missions` their missions (see `missionsForExpertExport`), their report files' bytes
 * in the archive too.
 */
export async function collectMyData(tx: Tx, userId: string, now: Date): Promise<Record<string, unknown>> {
  const user = await findUserById(tx, userId);
  const grants = await grantsOf(tx, userId);
  const bundle = await loadProfileBundle(tx, userId);
  const byMe = await listAuditEvents(tx, { actorId: userId, page: 1, pageSize: maxAuditEvents });
  const aboutMe = await listAuditEvents(tx, { entityId: userId, page: 1, pageSize: maxAuditEvents });
  if (!user || !bundle) throw new Error(`no expert ${userId}`);
  const documents = await listDocumentsWithText(tx, userId);
  const applying = await applicationsForExport(tx, userId);
  const missions = await missionsForExpertExport(tx, userId);
  const events = new Map([...byMe.rows, ...aboutMe.rows].map((event) => [event.id, event]));
  // Derived search data (name keys, the full-text vector…) is recomputed from the profile: nothing of its own.
  const profile = Object.fromEntries(Object.entries(bundle.profile).filter(([key]) => !derivedSearchFields.has(key)));
  return {
    exportedAt: now.toISOString(),
    account: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      status: user.status,
      emailVerifiedAt: user.emailVerifiedAt,
      secondFactorEnabled: user.totpEnabledAt !== null,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      roles: grants,
    },
    profile,
    languages: bundle.languages.map(({ language, level }) => ({ language, level })),
    education: bundle.education.map(({ userId: _user, ...row }) => row),
    experience: bundle.experience.map(({ userId: _user, ...row }) => row),
    skills: bundle.skills.map(({ userId: _user, ...row }) => row),
    availability: bundle.availability.map(({ userId: _user, ...row }) => row),
    consents: bundle.consents.map(({ userId: _user, ...row }) => row),
    applications: applying.applications,
    callAlerts: applying.callAlerts,
    missions,
    auditEvents: [...events.values()]
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map(({ id, at, action, entityType, entityId, changes, actorId }) => ({
        id,
        at,
        action,
        entityType,
        entityId,
        byMe: actorId === userId,
        changes,
      })),
    files: documents.map((document) => ({
      id: document.id,
      kind: document.kind,
      fileName: document.fileName,
      mediaType: document.mediaType,
      byteSize: document.byteSize,
      sha256: document.sha256,
      uploadedAt: document.uploadedAt,
      extractedText: document.extractedText,
      path: archivePath(document),
    })),
  };
}

/**
 * Where a document's bytes go in the archive: `files/<id>-<name>`, the id keeping two files of one name apart
 * and the name stripped of anything a zip tool could read as a path.
 */
function archivePath(document: { id: string; fileName: string }): string {
  const name = document.fileName.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/^\.+/, '_');
  return `files/${document.id}-${name}`;
}

/**
 * The data export as one zip archive: `me.json`, each document's bytes under `files/`, each mission report file's
 * under `missions/`.
 * @returns the archive's bytes
 */
export async function exportMyData(tx: Tx, userId: string, now: Date): Promise<Uint8Array> {
  const data = await collectMyData(tx, userId, now);
  const entries: Record<string, Uint8Array> = { 'me.json': strToU8(JSON.stringify(data, null, 2)) };
  for (const document of await documentsWithContent(tx, userId)) entries[archivePath(document)] = document.content;
  for (const file of await missionReportFilesForExport(tx, userId)) entries[file.path] = file.content;
  return zipSync(entries, { mtime: now });
}
