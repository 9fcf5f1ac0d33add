import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination.ts';
import { modalities } from '../assignments/schema.ts';
import { checklistOwners, missionStates } from './schema.ts';

const isoDate = z.iso.date();

export const idParams = z.object({ id: z.uuid() });

export const createBody = z.strictObject({
  /** The confirmed selection (an application in state `selected`) the mission is made from. */
  applicationId: z.uuid(),
  /** First day of the mission, within the ToR's window. */
  startsOn: isoDate,
  /** Last day of the mission, within the ToR's window. */
  endsOn: isoDate,
  /** Working days the expert gives, at most the calendar days between the dates. */
  workingDays: z.number().int().min(1).max(260),
  /** On site, online or both; the ToR's modality when omitted. */
  modality: z.enum(modalities).optional(),
  /** Where the expert works on site (the DSA rate is looked up for it); the ToR's city when omitted. */
  city: z.string().trim().min(1).max(120).optional(),
  /** The host's contact person for the mission. */
  hostContactName: z.string().trim().min(1).max(200),
  /** The contact's e-mail address. */
  hostContactEmail: z.email().max(254).optional(),
  /** The contact's telephone number. */
  hostContactPhone: z.string().trim().max(40).optional(),
});
export type MissionCreate = z.infer<typeof createBody>;

/** New dates for a mission not yet started. */
export const scheduleBody = z.strictObject({
  /** New first day, within the ToR's window. */
  startsOn: isoDate,
  /** New last day, within the ToR's window. */
  endsOn: isoDate,
  /** Working days the expert gives, at most the calendar days between the dates. */
  workingDays: z.number().int().min(1).max(260),
  /** Why the dates change (1 to 4,000 characters): told to the expert and the host, kept in the history. */
  reason: z.string().trim().min(1).max(4_000),
  /** The version read; a stale one is refused with 409 `version_conflict`. */
  version: z.number().int().min(1),
});
export type MissionSchedule = z.infer<typeof scheduleBody>;

export const transitionBody = z.strictObject({
  /** The state to move to (agreed comes from the expert's acceptance, not from here). */
  to: z.enum(missionStates),
  /** Why: required to cancel; told to the expert and the host. */
  reason: z.string().trim().max(4_000).optional(),
  /** The version read; a stale one is refused with 409 `version_conflict`. */
  version: z.number().int().min(1),
});

export const listQuery = z.strictObject({
  /** Only missions in these states (comma-separated). */
  state: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',') : undefined))
    .pipe(z.array(z.enum(missionStates)).optional()),
  programmeId: z.uuid().optional(),
  assignmentId: z.uuid().optional(),
  sort: z.enum(['starts_on', '-starts_on', 'reference', 'state']).default('-starts_on'),
  ...pageQuery,
});

export const checklistBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        id: z.uuid(),
        /** Ticked done (who and when are recorded) or re-opened. */
        done: z.boolean().optional(),
        /** Not needed for this mission (a visa for a Dutch passport…); never for a mandatory item. */
        notApplicable: z.boolean().optional(),
        /** Staff only: the due date (null: none). */
        dueOn: isoDate.nullable().optional(),
        /** Staff only: who takes care of the item. */
        owner: z.enum(checklistOwners).optional(),
        /** A short note (booking reference, visa appointment…). */
        note: z.string().trim().max(1_000).nullable().optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type ChecklistUpdate = z.infer<typeof checklistBody>;

const checklistItemView = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string().nullable(),
  owner: z.enum(checklistOwners),
  dueOn: z.string().nullable(),
  mandatory: z.boolean(),
  notApplicable: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  note: z.string().nullable(),
  /** Whether the reader may tick it. */
  canTick: z.boolean(),
  overdue: z.boolean(),
});

export const checklistView = z.object({
  missionId: z.string(),
  state: z.enum(missionStates),
  version: z.number(),
  complete: z.boolean(),
  items: z.array(checklistItemView),
});

export const summaryView = z.object({
  id: z.string(),
  reference: z.string(),
  state: z.enum(missionStates),
  modality: z.enum(modalities),
  startsOn: z.string(),
  endsOn: z.string(),
  workingDays: z.number(),
  tor: z.object({ id: z.string(), reference: z.string(), title: z.string() }),
  host: z.object({ id: z.string(), name: z.string() }),
  expert: z.object({ id: z.string(), name: z.string() }),
  followUpOf: z.string().nullable(),
});

export const listView = pageOf(summaryView);

export const missionView = summaryView.extend({
  version: z.number(),
  /** The ToR's window: new dates stay inside it. */
  torWindow: z.object({ startsOn: z.string(), endsOn: z.string() }),
  programmeId: z.string(),
  applicationId: z.string().nullable(),
  country: z.string(),
  city: z.string().nullable(),
  hostContact: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  followUpKind: z.enum(['virtual_session', 'repeat_mission']).nullable(),
  agreement: z.object({
    acceptedAt: z.string().nullable(),
    language: z.string().nullable(),
    sha256: z.string().nullable(),
  }),
  cancelReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  history: z.array(
    z.object({
      from: z.enum(missionStates).nullable(),
      to: z.enum(missionStates),
      reason: z.string().nullable(),
      at: z.string(),
      actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
  /** The moves the reader may ask for now (`POST /missions/{id}/transitions`). */
  moves: z.array(z.enum(missionStates)),
  /** What the reader may do with this mission (policy actions). */
  actions: z.array(z.string()),
});
