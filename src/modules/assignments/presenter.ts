import type { Actor } from '../../authz/actor.ts';
import { allowedActions } from '../../authz/policy.ts';
import { assignmentPolicy } from './policy.ts';
import type { AssignmentRow, Related } from './repository.ts';
import type { AssignmentState } from './schema.ts';

type Named = { id: string; nameFr: string; nameAr: string | null; nameEn: string | null };

/** The columns lists and pages share. */
export function presentSummary(
  row: AssignmentRow,
  programme: { id: string; code: string; name: string },
  institution: Named,
) {
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    version: row.version,
    titleFr: row.titleFr,
    titleAr: row.titleAr,
    titleEn: row.titleEn,
    programme,
    institution,
    modality: row.modality,
    windowStartsOn: row.windowStartsOn,
    windowEndsOn: row.windowEndsOn,
    applicationDeadline: row.applicationDeadline,
    deadlineAt: row.deadlineAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Which fields the form may change for this reader now. */
function editableFields(actions: string[], state: AssignmentState): string[] {
  if (!actions.includes('assignment.edit')) return [];
  return state === 'published' ? ['applicationDeadline'] : ['*'];
}

/** A whole ToR as its page shows it, with what the reader may do with it. */
export function presentAssignment(row: AssignmentRow, related: Related, actor: Actor) {
  const actions = allowedActions(actor, assignmentPolicy, row);
  return {
    ...presentSummary(row, related.programme, related.institution),
    needId: row.needId,
    need: related.need,
    descriptionFr: row.descriptionFr,
    descriptionAr: row.descriptionAr,
    descriptionEn: row.descriptionEn,
    needStatement: row.needStatement,
    objectives: row.objectives,
    deliverables: row.deliverables,
    skills: row.skills,
    sectors: row.sectors,
    occupation: row.occupation,
    languages: row.languages,
    region: row.region,
    city: row.city,
    workingDays: row.workingDays,
    expertsNeeded: row.expertsNeeded,
    sdgTargets: row.sdgTargets,
    scoringCriteria: row.scoringCriteria,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    returnComment: related.returnComment,
    attachments: related.attachments.map((file) => ({ ...file, uploadedAt: file.uploadedAt.toISOString() })),
    allowedActions: actions,
    editableFields: editableFields(actions, row.state),
  };
}
