import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../audit/service.ts';
import { processingConsentVersion } from '../../identity/commands/register.ts';
import { consentPurposes, consents } from '../../identity/schema.ts';
import type { ConsentPurpose } from '../policy.ts';
import { activeConsentRows, lockProfile } from '../repository.ts';
import { consentView } from '../schemas.ts';

/**
 * The version of each consent notice in force; bump one when its text changes. Processing shares its version with
 * the registration form, which asks for that consent first.
 */
export const consentVersions: Record<ConsentPurpose, string> = {
  processing: processingConsentVersion,
  share_cv_with_host: '2026-11',
  directory: '2026-11',
};

/** POST /experts/me/consents: give or withdraw one consent. */
export const consentChangeBody = z.strictObject({
  purpose: z.enum(consentPurposes),
  /** true grants the current version; false withdraws the consent in force, with effect at once. */
  granted: z.boolean(),
});
export type ConsentChange = z.infer<typeof consentChangeBody>;

/** The consents after the change, and whether staff search can see the profile (it needs consent to processing). */
export const consentChangeResponse = z.object({
  consents: z.array(consentView),
  /** False once consent to processing is withdrawn: the profile is hidden from staff search at once. */
  visibleToStaffSearch: z.boolean(),
});

/**
 * Grants or withdraws a consent. Granting adds a row with the current version (a grant of an older version still in
 * force is closed first, so one row per purpose is active); withdrawing dates the active row. Repeating the current
 * state changes nothing. Audited with the purpose and version only.
 * @returns whether anything changed
 */
export async function changeConsent(
  tx: Tx,
  userId: string,
  change: ConsentChange,
  meta: { ip: string | null; now: Date },
): Promise<boolean> {
  // Serialise with other writes to this profile, so two grants at once cannot leave two rows in force.
  await lockProfile(tx, userId);
  const active = (await activeConsentRows(tx, userId)).filter((row) => row.purpose === change.purpose);
  const version = consentVersions[change.purpose];
  if (change.granted && active.length === 1 && active[0]!.version === version) return false;
  if (!change.granted && active.length === 0) return false;
  if (active.length) {
    await tx
      .update(consents)
      .set({ withdrawnAt: meta.now })
      .where(and(eq(consents.userId, userId), eq(consents.purpose, change.purpose), isNull(consents.withdrawnAt)));
  }
  if (change.granted) {
    await tx.insert(consents).values({ userId, purpose: change.purpose, version, grantedAt: meta.now });
  }
  await recordAudit(tx, {
    actorId: userId,
    action: change.granted ? 'expert.consent_granted' : 'expert.consent_withdrawn',
    entityType: 'expert_profile',
    entityId: userId,
    changes: {
      [change.purpose]: change.granted
        ? { before: active[0]?.version ?? null, after: version }
        : { before: active[0]!.version, after: null },
    },
    ip: meta.ip,
  });
  return true;
}
