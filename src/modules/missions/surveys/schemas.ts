import { z } from 'zod';
import { locales } from '../../identity/schema.ts';
import { surveyMoments } from '../schema.ts';

/** A member of the host's staff who worked with the expert and answers the knowledge-transfer surveys. */
export const respondentBody = z.strictObject({
  /** Their name, as the e-mails greet them (1 to 200 characters). */
  name: z.string().trim().min(1).max(200),
  /** Where the personal survey links are sent. */
  email: z.email().max(254),
  /** The language of their surveys and e-mails. */
  locale: z.enum(locales),
});
export type RespondentBody = z.infer<typeof respondentBody>;

const surveyRow = z.object({
  id: z.uuid(),
  moment: z.enum(surveyMoments),
  respondentName: z.string(),
  respondentEmail: z.string(),
  locale: z.enum(locales),
  dueOn: z.string(),
  sentAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
/** Who answers which moment and where each survey stands; never the personal link. */
export const surveysView = z.object({ items: z.array(surveyRow) });

/** A personal survey link's token (the last part of `/survey/<token>`). */
export const tokenParams = z.strictObject({
  token: z
    .string()
    .min(16)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/),
});

/** The public form: whose survey, on which mission, at which moment, with its questions in the respondent's language. */
export const publicSurveyView = z.object({
  moment: z.enum(surveyMoments),
  locale: z.enum(locales),
  respondentName: z.string(),
  mission: z.object({ reference: z.string(), title: z.string(), host: z.string(), expert: z.string() }),
  questions: z.array(
    z.object({ key: z.string(), kind: z.enum(['scale', 'text']), text: z.string(), required: z.boolean() }),
  ),
  scale: z.object({ min: z.literal(1), max: z.literal(5) }),
});

/** The respondent's answers. */
export const answersBody = z.strictObject({
  /** A rating from 1 (not at all) to 5 (fully) for every statement of the form, by its key. */
  ratings: z.record(z.string().max(50), z.int().min(1).max(5)),
  /** The answer to the open question (at most 5,000 characters). */
  text: z.string().trim().max(5000).optional(),
});
export type AnswersBody = z.infer<typeof answersBody>;

export const answeredView = z.object({ submittedAt: z.string() });
