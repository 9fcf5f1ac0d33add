import type { Locale } from '../../reference/data/types.ts';
import { findSkillConcept } from '../../reference/skills.ts';
import { isOpen } from './policy.ts';
import type { PublicCallDetailRow, PublicCallRow } from './repository.ts';
import type { CallDetail, CallSummary } from './schemas.ts';

type Texts = Pick<
  PublicCallRow,
  'titleFr' | 'titleAr' | 'titleEn' | 'descriptionFr' | 'descriptionAr' | 'descriptionEn'
>;

/**
 * The title and description in `lang` when the call has both in it, else the French ones (always present): the
 * two always come in the same language, and the answer says which.
 */
export function callTexts(row: Texts, lang: Locale): { lang: Locale; title: string; description: string } {
  const title = lang === 'ar' ? row.titleAr : lang === 'en' ? row.titleEn : null;
  const description = lang === 'ar' ? row.descriptionAr : lang === 'en' ? row.descriptionEn : null;
  if (title?.trim() && description?.trim()) return { lang, title, description };
  return { lang: 'fr', title: row.titleFr, description: row.descriptionFr };
}

/** The institution's name in `lang` when it has one (Arabic, English), else its French name. */
function institutionName(row: Pick<PublicCallRow, 'institutionFr' | 'institutionAr' | 'institutionEn'>, lang: Locale) {
  const name = lang === 'ar' ? row.institutionAr : lang === 'en' ? row.institutionEn : null;
  return name?.trim() ? name : row.institutionFr;
}

const summaryLength = 240;

/** The beginning of a description on one line, cut at a word boundary, so a list stays small on slow links. */
export function summarise(text: string, max = summaryLength): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

function common(row: PublicCallRow, lang: Locale) {
  return {
    id: row.id,
    reference: row.reference,
    institution: institutionName(row, lang),
    country: row.country,
    region: row.region,
    city: row.city,
    modality: row.modality,
    windowStartsOn: row.windowStartsOn,
    windowEndsOn: row.windowEndsOn,
    workingDays: row.workingDays,
    expertsNeeded: row.expertsNeeded,
    applicationDeadline: row.applicationDeadline,
    deadlineAt: row.deadlineAt.toISOString(),
    sectors: row.sectors,
  };
}

/** A call as listed. */
export function presentCallSummary(row: PublicCallRow, lang: Locale): CallSummary {
  const texts = callTexts(row, lang);
  return {
    ...common(row, lang),
    lang: texts.lang,
    title: texts.title,
    summary: summarise(texts.description),
    languages: row.languages.map((required) => required.language),
  };
}

/** The public download address of an attachment. */
export function attachmentHref(callId: string, attachmentId: string): string {
  return `/api/public/calls/${callId}/attachments/${attachmentId}`;
}

/** A call's public page; skills from the vocabulary are labelled in the asked language. */
export function presentCallDetail(row: PublicCallDetailRow, lang: Locale, now: Date): CallDetail {
  const texts = callTexts(row, lang);
  return {
    ...common(row, lang),
    status: isOpen(row, now) ? 'open' : 'closed',
    lang: texts.lang,
    title: texts.title,
    description: texts.description,
    objectives: row.objectives,
    deliverables: row.deliverables,
    skills: row.skills.map((skill) =>
      skill.conceptId ? (findSkillConcept(skill.conceptId)?.labels[lang] ?? skill.label) : skill.label,
    ),
    occupation: row.occupation,
    languages: row.languages.map(({ language, minLevel }) => ({ language, minLevel })),
    sdgTargets: row.sdgTargets,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    attachments: row.attachments.map((file) => ({
      id: file.id,
      fileName: file.fileName,
      mediaType: file.mediaType,
      byteSize: file.byteSize,
      href: attachmentHref(row.id, file.id),
    })),
  };
}
