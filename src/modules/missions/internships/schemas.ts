import { z } from 'zod';
import { pageOf, pageQuery } from '../../../http/pagination.ts';

export const idParams = z.object({ id: z.uuid() });

const isoDate = z.iso.date();

export const internshipKinds = ['internship', 'training'] as const;

export const internshipListQuery = z.object({
  /** Only this programme's. */
  programmeId: z.uuid().optional(),
  /** Only the staff of this host institution. */
  institutionId: z.uuid().optional(),
  ...pageQuery,
});
export type InternshipListQuery = z.infer<typeof internshipListQuery>;

export const internshipBody = z.strictObject({
  /** The programme that funds it. */
  programmeId: z.uuid().describe('Programme funding the internship or training'),
  /** The host institution whose staff member goes abroad. */
  institutionId: z.uuid().describe('Host institution of the trainee'),
  /** An internship at a partner institution, or a training. */
  kind: z.enum(internshipKinds).describe('internship or training'),
  /** Who goes. */
  traineeName: z.string().trim().min(2).max(200).describe('Name of the staff member trained abroad'),
  /** Their e-mail address, if known. */
  traineeEmail: z.email().max(254).nullable().default(null).describe('E-mail of the trainee'),
  /** Where they go. */
  partnerInstitution: z.string().trim().min(2).max(300).describe('Partner institution abroad'),
  /** The partner's country (ISO 3166-1 alpha-2). */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code')
    .describe('ISO 3166-1 alpha-2 country of the partner'),
  /** The partner's city. */
  city: z.string().trim().min(1).max(120).nullable().default(null).describe('City of the partner'),
  /** First day. */
  startsOn: isoDate.describe('First day (YYYY-MM-DD)'),
  /** Last day (on or after the first). */
  endsOn: isoDate.describe('Last day (YYYY-MM-DD)'),
  /** What is learnt. */
  topic: z.string().trim().min(2).max(500).describe('Topic of the internship or training'),
  /** Its cost, a decimal string; with a currency. */
  costAmount: z
    .string()
    .regex(/^\d{1,10}(\.\d{1,2})?$/, 'A decimal amount with at most two decimals, as a string')
    .nullable()
    .default(null)
    .describe('Cost, decimal string; needs costCurrency'),
  /** The currency of the cost (ISO 4217). */
  costCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'An ISO 4217 code')
    .nullable()
    .default(null)
    .describe('ISO 4217 code of the cost'),
  /** The trainee's report, once back. */
  report: z.string().trim().max(20_000).nullable().default(null).describe('Report of the trainee'),
});
export type InternshipInput = z.infer<typeof internshipBody>;

export const internshipView = z.object({
  id: z.string(),
  programmeId: z.string(),
  institutionId: z.string(),
  kind: z.enum(internshipKinds),
  traineeName: z.string(),
  traineeEmail: z.string().nullable(),
  partnerInstitution: z.string(),
  country: z.string(),
  city: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  topic: z.string(),
  costAmount: z.string().nullable(),
  costCurrency: z.string().nullable(),
  report: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const internshipPage = pageOf(internshipView);
