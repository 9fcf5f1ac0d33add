import type { Tx } from '../db/client.ts';
import { expertStaffNotes, expertTags, expertVettingChecks } from '../modules/experts/schema.ts';
import type { DemoProfile } from './expert-profiles.ts';

/** Vetting during TRQN III ran from its start; the checks are dated then, so the history reads true. */
const trqnVettingDay = new Date('2013-06-03T09:00:00Z');

/**
 * What the programme team recorded about the demo roster: vetting checks that agree with each profile's status
 * (vetted = both subjects verified, rejected = a problem with the references, in review = documents only), the
 * tag `trqn-iii` on the TRQN alumni plus a sector tag, and one private note on the first near-duplicate.
 */
export async function insertDemoStaffSide(
  tx: Tx,
  profiles: { profile: DemoProfile; userId: string }[],
  officerId: string,
  trqnCount: number,
): Promise<void> {
  const checks = profiles.flatMap(({ profile, userId }) => {
    const check = (subject: 'documents' | 'references', outcome: 'verified' | 'problem', note: string | null) => ({
      userId,
      subject,
      outcome,
      note,
      checkedBy: officerId,
      checkedAt: trqnVettingDay,
    });
    switch (profile.vettingStatus) {
      case 'vetted':
        return [check('documents', 'verified', null), check('references', 'verified', null)];
      case 'in_review':
        return [check('documents', 'verified', 'Diplômes vérifiés ; références à appeler.')];
      case 'rejected':
        return [
          check('documents', 'verified', null),
          check('references', 'problem', 'Les deux références n’ont pas confirmé les missions citées.'),
        ];
      default:
        return [];
    }
  });
  if (checks.length > 0) await tx.insert(expertVettingChecks).values(checks);

  const tags = profiles.flatMap(({ profile, userId }, index) => [
    ...(index < trqnCount ? [{ userId, tag: 'trqn-iii', addedBy: officerId }] : []),
    ...(profile.sectors[0]?.startsWith('12') ? [{ userId, tag: 'santé', addedBy: officerId }] : []),
  ]);
  if (tags.length > 0) await tx.insert(expertTags).values(tags);

  const firstDuplicate = profiles[trqnCount];
  if (firstDuplicate) {
    await tx.insert(expertStaffNotes).values({
      userId: firstDuplicate.userId,
      authorId: officerId,
      body: 'Probablement la même personne que Mohamed El Amrani (TRQN III) : même téléphone. À fusionner après appel.',
    });
  }
}
