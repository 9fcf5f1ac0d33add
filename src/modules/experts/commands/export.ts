import { strToU8, zipSync } from 'fflate';
import type { Tx } from '../../../db/client.ts';
import { listAuditEvents } from '../../audit/service.ts';
import { findUserById, grantsOf } from '../../identity/repository.ts';
import { loadProfileBundle } from '../repository.ts';

/** Columns the search index derives from the profile. */
const derivedSearchFields = new Set(['searchVector', 'nameKeys', 'nameSearch']);

/** Enough for any one person's history; the export is never paginated. */
const maxAuditEvents = 100_000;

/**
 * Everything held about the expert, as the JSON document `me.json`: account (never password hashes, second-factor
 * secrets or lockout counters), profile with its lists, consents, and the audit events they caused or that
 * concern them. Documents will be added to the archive as files when they exist.
 */
export async function collectMyData(tx: Tx, userId: string, now: Date): Promise<Record<string, unknown>> {
  const user = await findUserById(tx, userId);
  const grants = await grantsOf(tx, userId);
  const bundle = await loadProfileBundle(tx, userId);
  const byMe = await listAuditEvents(tx, { actorId: userId, page: 1, pageSize: maxAuditEvents });
  const aboutMe = await listAuditEvents(tx, { entityId: userId, page: 1, pageSize: maxAuditEvents });
  if (!user || !bundle) throw new Error(`no expert ${userId}`);
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
    files: [],
  };
}

/**
 * The data export as one zip archive: `me.json` now, the expert's files beside it once documents exist.
 * @returns the archive's bytes
 */
export async function exportMyData(tx: Tx, userId: string, now: Date): Promise<Uint8Array> {
  const data = await collectMyData(tx, userId, now);
  return zipSync({ 'me.json': strToU8(JSON.stringify(data, null, 2)) }, { mtime: now });
}
