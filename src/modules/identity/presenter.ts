import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { capabilitiesOf } from '../../authz/capabilities.ts';
import type { Tx } from '../../db/client.ts';
import type { Identity } from './repository.ts';
import { institutions } from '../institutions/schema.ts';
import { programmes } from '../programmes/schema.ts';
import type { meResponse } from './schemas.ts';

/** What a signed-in user learns about themselves: never hashes, secrets or counters. */
export async function presentMe(tx: Tx, auth: Identity): Promise<z.infer<typeof meResponse>> {
  const { user, actor } = auth;
  const programmeIds = actor.grants.flatMap((grant) => (grant.programmeId ? [grant.programmeId] : []));
  const institutionIds = actor.grants.flatMap((grant) => (grant.institutionId ? [grant.institutionId] : []));
  const [programmeRows, institutionRows] = await Promise.all([
    programmeIds.length
      ? tx
          .select({ id: programmes.id, name: programmes.name })
          .from(programmes)
          .where(inArray(programmes.id, programmeIds))
      : [],
    institutionIds.length
      ? tx
          .select({ id: institutions.id, name: institutions.nameFr })
          .from(institutions)
          .where(inArray(institutions.id, institutionIds))
      : [],
  ]);
  const programmeById = new Map(programmeRows.map((row) => [row.id, row]));
  const institutionById = new Map(institutionRows.map((row) => [row.id, row]));
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      emailVerified: user.emailVerifiedAt !== null,
      totpEnabled: user.totpEnabledAt !== null,
    },
    roles: actor.grants.map((grant) => ({
      role: grant.role,
      programme: (grant.programmeId && programmeById.get(grant.programmeId)) || null,
      institution: (grant.institutionId && institutionById.get(grant.institutionId)) || null,
    })),
    mfaEnrolmentRequired: auth.mfaEnrolmentRequired,
    allowedActions: auth.mfaEnrolmentRequired ? [] : capabilitiesOf(actor),
  };
}
