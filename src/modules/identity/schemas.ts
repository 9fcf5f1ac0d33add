import { z } from 'zod';
import { locales, roles } from './schema.ts';

/** An e-mail address as typed by a person; stored lower-cased. */
const email = z.email({ error: 'Enter a valid e-mail address' }).max(254);
/** At least 10 characters: length is what makes a password hard to guess. */
const password = z.string().min(10, { error: 'At least 10 characters' }).max(256);
/** A 6-digit code from an authenticator app. */
const totpCode = z.string().regex(/^\d{6}$/, { error: 'Six digits' });
/** A single-use token from an e-mailed link. */
const token = z.string().min(20).max(200);

export const localeSchema = z.enum(locales);
export const roleSchema = z.enum(roles);

export const registerBody = z.strictObject({
  /** Full name as the expert wants to be addressed. */
  name: z.string().trim().min(1).max(200),
  email,
  password,
  /** Language of the interface and of e-mails. */
  locale: localeSchema.optional(),
  /** Consent to the processing of personal data, required to register. */
  consentToProcessing: z.literal(true, { error: 'Consent to processing is required' }),
});

export const loginBody = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(256),
  /** Required for staff accounts with a second factor. */
  totp: totpCode.optional(),
});

export const tokenBody = z.strictObject({ token });
export const passwordResetRequestBody = z.strictObject({ email });
export const passwordResetConfirmBody = z.strictObject({ token, password });
export const totpEnableBody = z.strictObject({ code: totpCode });
export const acceptInvitationBody = z.strictObject({ token, password });

export const updateMeBody = z.strictObject({
  /** Display name. */
  name: z.string().trim().min(1).max(200).optional(),
  /** Preferred language for the interface and e-mails. */
  locale: localeSchema.optional(),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: password,
});

export const inviteBody = z.strictObject({
  /** Address the invitation is sent to. */
  email,
  /** Name of the person invited. */
  name: z.string().trim().min(1).max(200),
  /** Role given on acceptance; focal points need an institution. */
  role: roleSchema,
  /** Institution a focal point represents. */
  institutionId: z.uuid().optional(),
  /** Programme the role is limited to; none means every programme. */
  programmeId: z.uuid().optional(),
  /** Language of the invitation e-mail and of the account. */
  locale: localeSchema.default('fr'),
});

export const grantSchema = z.object({
  role: roleSchema,
  programme: z.object({ id: z.string(), name: z.string() }).nullable(),
  institution: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const meResponse = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: localeSchema,
    emailVerified: z.boolean(),
    totpEnabled: z.boolean(),
  }),
  roles: z.array(grantSchema),
  mfaEnrolmentRequired: z.boolean(),
  /** Platform-wide actions this user may take, so the UI shows only what the server allows. */
  allowedActions: z.array(z.string()),
});

export const totpSetupResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG QR code. */
  qrCodeSvg: z.string(),
});

export const acceptedResponse = z.object({ status: z.literal('accepted') });
export const okResponse = z.object({ status: z.literal('ok') });
