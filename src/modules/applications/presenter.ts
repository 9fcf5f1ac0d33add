import type { z } from 'zod';
import type { Actor } from '../../authz/actor.ts';
import { can } from '../../authz/policy.ts';
import type { Tx } from '../../db/client.ts';
import { screeningMoves, withdrawable } from './commands/transitions.ts';
import { applicationPolicy, type ApplicationAccess } from './policy.ts';
import {
  documentNames,
  eventsOf,
  loadApplicants,
  type Applicant,
  type ApplicationEvent,
  type ApplicationRow,
  type CallRow,
} from './repository.ts';
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

/** What presenting a set of applications reads from the database, once for all of them. */
interface Presentation {
  fileNames: Map<string, string>;
  applicants: Map<string, Applicant>;
  history: Map<string, ApplicationEvent[]>;
}

/**
 * Applications for their reader, each as `presentApplication` gives it, with a fixed number of queries whatever
 * their count (a call's list for staff or its host).
 */
export async function presentApplications(
  tx: Tx,
  actor: Actor,
  entries: readonly { row: ApplicationRow; access: ApplicationAccess }[],
  call: CallRow,
): Promise<ApplicationView[]> {
  const rows = entries.map((entry) => entry.row);
  const data: Presentation = {
    fileNames: await documentNames(
      tx,
      rows.map((row) => row.cvDocumentId),
    ),
    applicants: await loadApplicants(
      tx,
      rows.filter((row) => row.expertId !== actor.userId).map((row) => row.expertId),
    ),
    history: await eventsOf(
      tx,
      rows.map((row) => row.id),
    ),
  };
  return entries.map(({ row, access }) => viewOf(actor, row, call, access, data));
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
  const [view] = await presentApplications(tx, actor, [{ row, access }], call);
  return view!;
}

function viewOf(
  actor: Actor,
  row: ApplicationRow,
  call: CallRow,
  access: ApplicationAccess,
  data: Presentation,
): ApplicationView {
  const staff = can(actor, applicationPolicy, 'application.read_screening', access);
  const applicant = actor.userId === row.expertId;
  const fileName = row.cvDocumentId ? data.fileNames.get(row.cvDocumentId) : undefined;
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
    const { residenceCountry: _private, ...shown } = data.applicants.get(row.expertId)!;
    view.applicant = shown;
  }
  if (staff || applicant) {
    view.events = (data.history.get(row.id) ?? []).map((event) => ({
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
