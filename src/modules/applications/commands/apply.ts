import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { expertProfiles } from '../../experts/schema.ts';
import { consents } from '../../identity/schema.ts';
import { tellApplicant } from '../notify.ts';
import { findOwnCv, type Call } from '../repository.ts';
import { applicationEvents, applications } from '../schema.ts';
import type { ApplyBody } from '../schemas.ts';

export interface CommandMeta {
  actorId: string;
  ip: string;
  now: Date;
  publicUrl: string;
}

/** Whether the call takes applications at `now`: published and before its deadline. */
export const isOpen = (call: Call, now: Date) => call.row.state === 'published' && now < call.row.deadlineAt;

/**
 * The expert applies to an open call. The rules are the server's, whatever the form showed: the call is open,
 * the expert lives where the programme takes experts from, the profile is live with consent to processing, the
 * chosen CV is the expert's own, and there is one application per expert per call (checked under the call's lock,
 * and by the unique index should two requests race).
 */
export async function applyToCall(tx: Tx, call: Call, expertId: string, body: ApplyBody, meta: CommandMeta) {
  if (!isOpen(call, meta.now)) throw new AppError('call_not_open', 'This call does not take applications');
  if (!body.availabilityConfirmed) {
    const message = 'Confirm that you are available in the window';
    throw new AppError('availability_not_confirmed', message, [
      { path: 'availabilityConfirmed', code: 'required', message },
    ]);
  }
  const [profile] = await tx
    .select({ residence: expertProfiles.residenceCountry, erasedAt: expertProfiles.erasedAt })
    .from(expertProfiles)
    .where(eq(expertProfiles.userId, expertId));
  if (!profile || profile.erasedAt) throw new AppError('not_found', 'No profile');
  const [processing] = await tx
    .select({ id: consents.id })
    .from(consents)
    .where(and(eq(consents.userId, expertId), eq(consents.purpose, 'processing'), isNull(consents.withdrawnAt)));
  if (!processing) throw new AppError('processing_consent_required', 'Consent to processing is needed to apply');
  const eligible = call.eligibleResidenceCountries;
  if (eligible.length > 0 && !(profile.residence && eligible.includes(profile.residence))) {
    throw new AppError('not_eligible_residence', 'The programme takes experts living elsewhere');
  }
  if (body.cvDocumentId && !(await findOwnCv(tx, expertId, body.cvDocumentId))) {
    const message = 'Choose one of your own CVs';
    throw new AppError('validation_failed', message, [{ path: 'cvDocumentId', code: 'not_found', message }]);
  }
  const existing = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.assignmentId, call.row.id), eq(applications.expertId, expertId)));
  if (existing.length > 0) throw new AppError('already_applied', 'One application per call');
  const [created] = await tx
    .insert(applications)
    .values({
      assignmentId: call.row.id,
      expertId,
      motivation: body.motivation,
      availabilityConfirmed: true,
      cvDocumentId: body.cvDocumentId ?? null,
      submittedAt: meta.now,
      updatedAt: meta.now,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new AppError('already_applied', 'One application per call');
  await tx.insert(applicationEvents).values({
    applicationId: created.id,
    fromStatus: null,
    toStatus: 'submitted',
    actorId: meta.actorId,
    at: meta.now,
  });
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'application.submitted',
    entityType: 'application',
    entityId: created.id,
    changes: { assignment: { after: call.row.id }, cv: { after: body.cvDocumentId ?? null } },
    ip: meta.ip,
  });
  await tellApplicant(tx, expertId, call, 'submitted', meta.publicUrl);
  return created;
}
