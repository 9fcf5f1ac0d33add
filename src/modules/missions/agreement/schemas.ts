import { z } from 'zod';
import { fileResponse } from '../../../http/openapi-media.ts';
import { locales } from '../../identity/schema.ts';
import { missionStates } from '../schema.ts';

const locale = z.enum(locales);

export const programmeParams = z.object({ id: z.uuid() });
/** The language is checked after the caller's right (`validation_failed` on `locale` for another value). */
export const templateParams = z.object({ id: z.uuid(), locale: z.string().max(64).describe('fr, ar, en or nl') });

export const templateBody = z.strictObject({
  /**
   * The template text: one line a paragraph, `# ` a title, `## ` a heading, `- ` an item, a blank line a gap;
   * `{{placeholders}}` from the list the GET returns. An unknown placeholder is refused.
   */
  body: z.string().trim().min(1).max(30_000),
});

const templateView = z.object({
  locale,
  body: z.string(),
  /** True while the programme has no template of its own in this language: the built-in one applies. */
  builtIn: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const templatesView = z.object({
  programmeId: z.string(),
  templates: z.array(templateView),
  /** The placeholders a template may use, each with what it becomes. */
  placeholders: z.array(z.object({ name: z.string(), description: z.string() })),
});

export const languageQuery = z.strictObject({
  /**
   * The language to read the agreement in besides French; the expert's own language when left out. Not used once
   * the agreement is accepted: the text accepted is served, in the language it was accepted in.
   */
  language: locale.optional(),
});

export const agreementView = z.object({
  missionId: z.string(),
  reference: z.string(),
  state: z.enum(missionStates),
  /** The mission's version: send it back when accepting. */
  version: z.number(),
  /** The expert's language: what the agreement is issued in, with French. */
  expertLanguage: locale,
  /** The language of this reading (the first part; French is always the last). */
  language: locale,
  parts: z.array(z.object({ locale, text: z.string() })),
  /** SHA-256 (hex) of the parts: send it back when accepting, to accept exactly this text. */
  sha256: z.string(),
  /** True for readers who do not see the mission's costs (the host): the planned allowance is left out. */
  amountsHidden: z.boolean(),
  /**
   * True when `parts` are the text the expert accepted, kept word for word (template edits and cost changes since
   * do not show); false while not accepted (rendered now from the template).
   */
  textAccepted: z.boolean(),
  accepted: z
    .object({
      at: z.string(),
      by: z.object({ id: z.string(), name: z.string() }).nullable(),
      language: z.string().nullable(),
      sha256: z.string().nullable(),
      /** Whether the template and the mission's facts would still give the text accepted (false once either changed). */
      matchesCurrent: z.boolean(),
    })
    .nullable(),
  /** Whether the reader may accept it now (the expert, while the mission is planned). */
  canAccept: z.boolean(),
});

export const acceptBody = z.strictObject({
  /** The mission's version the expert read (`version` of the agreement). */
  version: z.number().int().positive(),
  /** The `sha256` of the agreement the expert read. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The language the expert read it in besides French; their own language when left out. */
  language: locale.optional(),
});

export const agreementPdf = fileResponse('The agreement as PDF: the reader’s language, then French', [
  'application/pdf',
]);
