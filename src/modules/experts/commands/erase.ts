import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/client.ts';
import { fieldError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import type { User } from '../../identity/repository.ts';
import { eraseApplicationsOf } from '../../applications/data-rights.ts';
import { eraseMissionsOf } from '../../missions/data-rights.ts';
import { anonymiseAccount } from '../../identity/commands/anonymise.ts';
import { verifyPassword } from '../../identity/secrets.ts';
import { forgetRecipient } from '../../notifications/outbox.ts';
import {
  expertAvailability,
  expertEducation,
  expertExperience,
  expertLanguages,
  expertProfiles,
  expertSkills,
  savedSearches,
} from '../schema.ts';
import { refreshSearchIndex } from '../search-index.ts';
import { deleteAllDocuments } from '../documents/repository.ts';
import { eraseStaffSide } from '../staff/erase.ts';

/** DELETE /experts/me: the password confirms that the owner, not a borrowed session, asks for erasure. */
export const erasureBody = z.strictObject({
  password: z.string().min(1).max(200),
});

/**
 * Erases an expert in the caller's transaction, after checking their password. Personal fields are blanked or
 * deleted everywhere they are stored; what only counts people (gender, residence and origin countries, sectors,
 * occupation, vetting status) stays on the profile row, so the programme's anonymous figures do not change. The
 * account is disabled and can no longer sign in; the audit event names only the account id.
 */
export async function eraseExpert(tx: Tx, user: User, password: string, now: Date): Promise<void> {
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw fieldError('password', 'invalid_credentials', 'The password is wrong');
  }
  const userId = user.id;
  await tx
    .update(expertProfiles)
    .set({
      firstName: '',
      lastName: '',
      nameAr: null,
      birthDate: null,
      phone: null,
      nationalities: [],
      residenceCity: null,
      preferredRegions: [],
      headline: null,
      summary: null,
      staleSince: null,
      erasedAt: now,
      updatedAt: now,
    })
    .where(eq(expertProfiles.userId, userId));
  for (const table of [expertLanguages, expertEducation, expertExperience, expertSkills, expertAvailability]) {
    await tx.delete(table).where(eq(table.userId, userId));
  }
  await eraseStaffSide(tx, userId);
  await eraseApplicationsOf(tx, userId);
  await eraseMissionsOf(tx, userId);
  // CVs and diplomas, bytes and extracted text alike (the bytes go with their row).
  await deleteAllDocuments(tx, userId);
  // Let the search index drop whatever it derived, then leave nothing searchable at all.
  await refreshSearchIndex(tx, userId);
  await tx.update(expertProfiles).set({ nameKeys: [], searchVector: null }).where(eq(expertProfiles.userId, userId));

  await tx.delete(savedSearches).where(eq(savedSearches.userId, userId));
  await forgetRecipient(tx, userId, user.email);
  await anonymiseAccount(tx, user, now);
  await recordAudit(tx, {
    actorId: userId,
    action: 'expert.erased',
    entityType: 'expert_profile',
    entityId: userId,
    // No IP address either: it is personal data too.
    changes: { erasedAt: { after: now.toISOString() } },
  });
}
