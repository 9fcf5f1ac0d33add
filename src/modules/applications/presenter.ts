import type { z } from 'zod';
import type { Actor } from '../../authz/actor.ts';
import { can } from '../../authz/policy.ts';
import type { Tx } from '../../db/client.ts';
import { screeningMoves, withdrawable } from './commands/transitions.ts';
import { applicationPolicy, type ApplicationAccess } from './policy.ts';
import { documentName, listEvents, loadApplicant, type ApplicationRow, type CallRow } from './repository.ts';
import type { applicationView } from './schemas.ts';

type ApplicationView = z.infer<typeof applicationView>;

const settled = (call: CallRow) => call.state !== 'published' && call.state !== 'closed';

/** What the reader may do next with this application, so the UI offers exactly that. */
export function applicationActions(actor: Actor, row: ApplicationRow, call: CallRow, access: ApplicationAccess) {
  const actions: string[] = [];
  if (settled(call))
    return can(actor, applicationPolicy, 'application.cv_download', access) && row.cvDocumentId
      ? ['application.cv_download']
      : [];
  if (can(actor, applicationPolicy, 'application.withdraw', access) && withdrawable.includes(row.status)) {
    actions.push('application.withdraw');
  }
  if (can(actor, applicationPolicy, 'application.screen', access)) {
    for (const to of screeningMoves[row.status] ?? []) {
      if (to !== 'selected' || row.hostSelectedAt) actions.push(`application.to.${to}`);
    }
    actions.push('application.score');
  }
  if (can(actor, applicationPolicy, 'application.host_select', access) && row.status === 'shortlisted') {
    actions.push(row.hostSelectedAt ? 'application.host_unselect' : 'application.host_select');
  }
  if (row.cvDocumentId && can(actor, applicationPolicy, 'application.cv_download', access)) {
    actions.push('application.cv_download');
  }
  return actions;
}

/**
 * One application for its reader: the applicant gets their own with its history (reasons included: staff write
 * them for the applicant); staff also get the applicant, scores and the note; a host gets the applicant as sharing
 * allows (name, headline, languages, sectors), the motivation and the CV, and nothing of the screening.
 */
export async function presentApplication(
  tx: Tx,
  actor: Actor,
  row: ApplicationRow,
  call: CallRow,
  access: ApplicationAccess,
): Promise<ApplicationView> {
  const staff = can(actor, applicationPolicy, 'application.read_screening', access);
  const applicant = actor.userId === row.expertId;
  const fileName = await documentName(tx, row.cvDocumentId);
  const view: ApplicationView = {
    id: row.id,
    status: row.status,
    version: row.version,
    call: {
      id: call.id,
      reference: call.reference,
      titleFr: call.titleFr,
      titleAr: call.titleAr,
      titleEn: call.titleEn,
      state: call.state,
      deadlineAt: call.deadlineAt.toISOString(),
      windowStartsOn: call.windowStartsOn,
      windowEndsOn: call.windowEndsOn,
    },
    motivation: row.motivation,
    availabilityConfirmed: row.availabilityConfirmed,
    cv: row.cvDocumentId && fileName ? { id: row.cvDocumentId, fileName } : null,
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: applicationActions(actor, row, call, access),
  };
  if (!applicant) {
    const { residenceCountry: _private, ...shown } = await loadApplicant(tx, row.expertId);
    view.applicant = shown;
  }
  if (staff || applicant) {
    view.events = (await listEvents(tx, row.id)).map((event) => ({
      from: event.fromStatus,
      to: event.toStatus,
      reason: event.reason,
      at: event.at.toISOString(),
    }));
  }
  if (staff) {
    view.scores = row.scores;
    view.totalScore = row.totalScore;
    view.screeningNote = row.screeningNote;
  }
  if (!applicant) {
    view.hostSelection = row.hostSelectedAt
      ? { at: row.hostSelectedAt.toISOString(), reason: row.hostSelectionReason }
      : null;
  }
  return view;
}
