import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { enqueueEmail } from '../../notifications/outbox.ts';
import { recipient, recipientsWithRole } from '../../identity/recipients.ts';
import { addNotice } from '../../notifications/notices.ts';
import { callTitle } from '../notify.ts';
import type { ApplicationRow, Call } from '../repository.ts';
import { applications } from '../schema.ts';
import type { CommandMeta } from './apply.ts';

/**
 * The focal point selects a shortlisted applicant, with a reason. The application stays `shortlisted` until staff
 * confirm; the programme officers are told by e-mail and in the app. Selecting again replaces the reason.
 */
export async function selectForHost(
  tx: Tx,
  application: ApplicationRow,
  call: Call,
  reason: string,
  meta: CommandMeta,
) {
  if (application.status !== 'shortlisted') {
    throw new AppError('illegal_transition', 'Only a shortlisted applicant can be selected');
  }
  const [updated] = await tx
    .update(applications)
    .set({ hostSelectedAt: meta.now, hostSelectedBy: meta.actorId, hostSelectionReason: reason, updatedAt: meta.now })
    .where(eq(applications.id, application.id))
    .returning();
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'application.host_selected',
    entityType: 'application',
    entityId: application.id,
    changes: { hostSelectionReason: { before: application.hostSelectionReason, after: reason } },
    ip: meta.ip,
  });
  const expert = await recipient(tx, application.expertId);
  const link = `/assignments/${call.row.id}/applications`;
  for (const officer of await recipientsWithRole(tx, 'programme_officer', { programmeId: call.row.programmeId })) {
    await enqueueEmail(tx, {
      to: officer.email,
      userId: officer.userId,
      locale: officer.locale,
      template: 'host_selection_made',
      params: {
        name: officer.name,
        expert: expert?.name ?? '',
        institution: call.institutionName,
        reference: call.row.reference,
        title: callTitle(call.row, officer.locale),
        link: `${meta.publicUrl}${link}`,
      },
    });
    await addNotice(tx, officer.userId, 'host.selected', { reference: call.row.reference }, link);
  }
  return updated!;
}

/** The focal point takes their choice back, before staff confirmed it. */
export async function undoHostSelection(tx: Tx, application: ApplicationRow, meta: CommandMeta) {
  if (application.status !== 'shortlisted' || !application.hostSelectedAt) {
    throw new AppError('illegal_transition', 'Only a choice staff have not confirmed can be undone');
  }
  const [updated] = await tx
    .update(applications)
    .set({ hostSelectedAt: null, hostSelectedBy: null, hostSelectionReason: null, updatedAt: meta.now })
    .where(eq(applications.id, application.id))
    .returning();
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'application.host_selection_undone',
    entityType: 'application',
    entityId: application.id,
    changes: { hostSelectionReason: { before: application.hostSelectionReason, after: null } },
    ip: meta.ip,
  });
  return updated!;
}
