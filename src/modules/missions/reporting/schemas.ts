import { z } from 'zod';
import { mediaTypeOf } from '../../../files/sniff.ts';
import { fileResponse } from '../../../http/openapi-media.ts';
import { modalities } from '../../assignments/schema.ts';
import { reportStatuses } from '../schema.ts';
import { evaluationQuestionKeys } from './questions.ts';

export const missionParams = z.strictObject({ id: z.uuid() });
export const sessionParams = z.strictObject({ id: z.uuid(), sessionId: z.uuid() });

const isoDate = z.iso.date();

/** A session of an online or hybrid mission. */
export const sessionBody = z.strictObject({
  /** When the session starts (ISO 8601 with its offset); its day must fall within the mission's dates. */
  startsAt: z.iso.datetime({ offset: true }),
  /** How long it lasts, in minutes (15 to 600). */
  durationMinutes: z.int().min(15).max(600),
  /** What the session is about (1 to 300 characters). */
  topic: z.string().trim().min(1).max(300),
  /** How many of the host's staff are expected (at least 1). */
  participantsCount: z.int().min(1).max(10_000),
});
export type SessionBody = z.infer<typeof sessionBody>;

/** The attendance the host recorded once the session started. */
export const attendanceBody = z.strictObject({
  /** How many people attended (0 when the session did not take place). */
  attended: z.int().min(0).max(10_000),
});

export const sessionView = z.object({
  id: z.uuid(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  topic: z.string(),
  participantsCount: z.number().int(),
  attended: z.number().int().nullable(),
  attendanceRecordedAt: z.string().nullable(),
});
export const sessionsView = z.object({ items: z.array(sessionView) });

const longText = (max: number) => z.string().trim().min(1).max(max);

/** The expert's report: saved as a draft, or submitted for staff's review. */
export const reportBody = z.strictObject({
  /** What the expert did during the mission (1 to 20,000 characters). */
  activities: longText(20_000),
  /** What the mission produced: a title each, and optionally a file uploaded on the mission (at most 30). */
  deliverables: z
    .array(
      z.strictObject({
        /** The deliverable's title (1 to 300 characters). */
        title: longText(300),
        /** A file uploaded on this mission (`POST /missions/{id}/report/files`) holding the deliverable. */
        fileId: z.uuid().optional(),
      }),
    )
    .max(30),
  /** Results obtained (1 to 20,000 characters). */
  results: longText(20_000),
  /** Recommendations for the host and the programme (1 to 20,000 characters). */
  recommendations: longText(20_000),
  /** Difficulties met, if any (at most 20,000 characters). */
  difficulties: z.string().trim().max(20_000).optional(),
  /** true submits the report for review; false keeps it as a draft. */
  submit: z.boolean(),
});
export type ReportBody = z.infer<typeof reportBody>;

/** Staff's decision on a submitted report. */
export const reviewBody = z.strictObject({
  /** `accept` the report, or `return` it to the expert for changes. */
  decision: z.enum(['accept', 'return']),
  /** What to change (required to return; at most 5,000 characters); the expert reads it. */
  comment: z.string().trim().max(5000).optional(),
});

export const reportView = z.object({
  status: z.enum(reportStatuses),
  activities: z.string(),
  deliverables: z.array(
    z.object({
      title: z.string(),
      fileId: z.uuid().nullable(),
      /** The file's name, type and size; null when no file is attached. */
      fileName: z.string().nullable(),
      mediaType: z.string().nullable(),
      byteSize: z.int().nullable(),
    }),
  ),
  results: z.string(),
  recommendations: z.string(),
  difficulties: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  updatedAt: z.string(),
});
/** A file uploaded for the report, without its bytes. */
export const reportFileView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.int(),
  uploadedAt: z.string(),
});
export const reportFileList = z.object({
  items: z.array(reportFileView),
  maxFiles: z.int(),
  maxBytes: z.int(),
});
export const reportFileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });
export const reportFileContent = fileResponse('The deliverable as uploaded, as an attachment', [
  mediaTypeOf.pdf,
  mediaTypeOf.docx,
  mediaTypeOf.xlsx,
  mediaTypeOf.pptx,
]);

/** The report as its reader may see it: a draft is the expert's alone (others get `report: null`). */
export const reportAnswer = z.object({ report: reportView.nullable(), missionState: z.string() });

const ratingShape = Object.fromEntries(evaluationQuestionKeys.map((key) => [key, z.int().min(1).max(5)])) as Record<
  (typeof evaluationQuestionKeys)[number],
  z.ZodInt
>;

/** The host's evaluation of a mission. */
export const evaluationBody = z.strictObject({
  /** Satisfaction from 1 (poor) to 5 (excellent) for each question: preparation, expertise, communication, relevance, overall. */
  ratings: z.strictObject(ratingShape),
  /** What knowledge the host's staff gained (1 to 10,000 characters). */
  knowledgeTransferred: longText(10_000),
  /** Whether the mission met the need it answered. */
  needMet: z.enum(['yes', 'partly', 'no']),
  /** Whether the host wishes a follow-up (a virtual session or a repeat mission). */
  followUpWanted: z.boolean(),
  /** Anything else (at most 5,000 characters). */
  comment: z.string().trim().max(5000).optional(),
});
export type EvaluationBody = z.infer<typeof evaluationBody>;

export const evaluationView = z.object({
  ratings: z.record(z.string(), z.number().int()),
  knowledgeTransferred: z.string(),
  needMet: z.enum(['yes', 'partly', 'no']),
  followUpWanted: z.boolean(),
  comment: z.string().nullable(),
  evaluatedAt: z.string(),
});
export const evaluationAnswer = z.object({
  /** The question keys, in their order (the web app words them). */
  questions: z.array(z.string()),
  evaluation: evaluationView.nullable(),
});

/** A follow-up of a closed mission: a virtual session or a repeat mission, with the same expert, ToR and host. */
export const followUpBody = z.strictObject({
  /** `virtual_session` (an online mission) or `repeat_mission` (the closed mission's modality). */
  kind: z.enum(['virtual_session', 'repeat_mission']),
  /** First day (ISO date, not in the past). */
  startsOn: isoDate,
  /** Last day (ISO date, not before `startsOn`). */
  endsOn: isoDate,
  /** Working days, at most the calendar days from `startsOn` to `endsOn`. */
  workingDays: z.int().min(1).max(366),
  /** Why the follow-up is requested (at most 2,000 characters); kept in the new mission's history. */
  reason: z.string().trim().max(2000).optional(),
});
export type FollowUpBody = z.infer<typeof followUpBody>;

export const followUpView = z.object({
  id: z.uuid(),
  reference: z.string(),
  state: z.string(),
  modality: z.enum(modalities),
  followUpOf: z.uuid(),
  followUpKind: z.enum(['virtual_session', 'repeat_mission']),
  startsOn: z.string(),
  endsOn: z.string(),
  workingDays: z.number().int(),
});
