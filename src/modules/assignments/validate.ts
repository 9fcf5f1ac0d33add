import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, type FieldError, type FieldErrorCode } from '../../http/errors.ts';
import { capacityNeeds } from '../institutions/schema.ts';
import { isReferenceCode } from '../reference/lists.ts';
import { loadStaffVocabulary } from '../reference/repository.ts';
import { findSkillConcept, matchIn, matchSkillConcept } from '../reference/skills.ts';
import { calendarDays, deadlineInstant } from './dates.ts';
import type { RequiredLanguage, RequiredSkill, ScoringCriterion } from './schema.ts';
import type { CreateBody } from './schemas.ts';

/** A ToR's editable content once defaults are applied: what the form shows and what is stored. */
export interface AssignmentContent {
  titleFr: string;
  titleAr: string | null;
  titleEn: string | null;
  descriptionFr: string;
  descriptionAr: string | null;
  descriptionEn: string | null;
  needId: string | null;
  needStatement: string | null;
  objectives: string[];
  deliverables: string[];
  skills: RequiredSkill[];
  sectors: string[];
  occupation: string | null;
  languages: RequiredLanguage[];
  modality: CreateBody['modality'];
  region: string | null;
  city: string | null;
  windowStartsOn: string;
  windowEndsOn: string;
  workingDays: number;
  expertsNeeded: number;
  applicationDeadline: string;
  sdgTargets: string[];
  scoringCriteria: ScoringCriterion[];
}

type Input = Omit<CreateBody, 'programmeId' | 'institutionId'>;

/** Fills the defaults of a create body: absent optional fields become null or empty. */
export function contentOf(input: Input): AssignmentContent {
  return {
    titleFr: input.titleFr,
    titleAr: input.titleAr || null,
    titleEn: input.titleEn || null,
    descriptionFr: input.descriptionFr,
    descriptionAr: input.descriptionAr || null,
    descriptionEn: input.descriptionEn || null,
    needId: input.needId ?? null,
    needStatement: input.needStatement || null,
    objectives: input.objectives ?? [],
    deliverables: input.deliverables ?? [],
    skills: (input.skills ?? []).map((skill) => ({ label: skill.label, conceptId: skill.conceptId ?? null })),
    sectors: input.sectors ?? [],
    occupation: input.occupation || null,
    languages: input.languages ?? [],
    modality: input.modality,
    region: input.region || null,
    city: input.city || null,
    windowStartsOn: input.windowStartsOn,
    windowEndsOn: input.windowEndsOn,
    workingDays: input.workingDays,
    expertsNeeded: input.expertsNeeded ?? 1,
    applicationDeadline: input.applicationDeadline,
    sdgTargets: input.sdgTargets ?? [],
    scoringCriteria: input.scoringCriteria ?? [],
  };
}

const sdgTarget = /^(\d{1,2})\.[0-9a-z]{1,2}$/;

/**
 * Checks what zod cannot: codes against the reference lists, the need against the institution's plan, dates
 * against each other. Reports every problem at once, each on its field with a stable code. Skills without a
 * concept get the vocabulary concept their label names, if any.
 * @throws AppError `validation_failed` with one entry per field
 */
export async function checkContent(
  tx: Tx,
  content: AssignmentContent,
  scope: { programmeId: string; institutionId: string },
): Promise<AssignmentContent> {
  const problems: FieldError[] = [];
  const fail = (path: string, code: FieldErrorCode, message: string) => problems.push({ path, code, message });

  if (content.needId) {
    const [need] = await tx
      .select({ id: capacityNeeds.id })
      .from(capacityNeeds)
      .where(
        and(
          eq(capacityNeeds.id, content.needId),
          eq(capacityNeeds.institutionId, scope.institutionId),
          eq(capacityNeeds.programmeId, scope.programmeId),
        ),
      );
    if (!need) fail('needId', 'not_found', 'No such capacity need of this institution in this programme');
  }
  content.sectors.forEach((code, i) => {
    if (!isReferenceCode('sectors', code)) fail(`sectors.${i}`, 'invalid_value', `Unknown DAC sector ${code}`);
  });
  if (new Set(content.sectors).size !== content.sectors.length) fail('sectors', 'invalid_value', 'A sector repeats');
  if (content.occupation && !isReferenceCode('occupations', content.occupation)) {
    fail('occupation', 'invalid_value', `Unknown ISCO-08 code ${content.occupation}`);
  }
  content.languages.forEach((entry, i) => {
    if (!isReferenceCode('languages', entry.language)) {
      fail(`languages.${i}.language`, 'invalid_value', `Unknown language ${entry.language}`);
    }
  });
  if (new Set(content.languages.map((l) => l.language)).size !== content.languages.length) {
    fail('languages', 'invalid_value', 'A language repeats');
  }
  if (content.modality !== 'online') {
    if (!content.region) fail('region', 'required', 'On-site and hybrid work need a region');
    if (!content.city) fail('city', 'required', 'On-site and hybrid work need a city');
  }
  if (content.region && !isReferenceCode('regions', content.region)) {
    fail('region', 'invalid_value', `Unknown region ${content.region}`);
  }
  const days = calendarDays(content.windowStartsOn, content.windowEndsOn);
  if (days < 1) fail('windowEndsOn', 'date_order', 'The window ends before it starts');
  else if (content.workingDays > days) {
    fail('workingDays', 'out_of_range', `At most ${days} working days fit in the window`);
  }
  if (content.applicationDeadline >= content.windowStartsOn) {
    fail('applicationDeadline', 'date_order', 'The deadline must come before the window starts');
  }
  content.sdgTargets.forEach((target, i) => {
    const goal = Number(sdgTarget.exec(target)?.[1] ?? 0);
    if (goal < 1 || goal > 17) fail(`sdgTargets.${i}`, 'invalid_format', 'An SDG target reads like 4.4 or 16.a');
  });
  const criteria = content.scoringCriteria.map((c) => c.id);
  if (new Set(criteria).size !== criteria.length) fail('scoringCriteria', 'invalid_value', 'A criterion id repeats');

  let staffVocabulary: Awaited<ReturnType<typeof loadStaffVocabulary>> | undefined;
  const skills: RequiredSkill[] = [];
  for (const [i, skill] of content.skills.entries()) {
    if (skill.conceptId) {
      staffVocabulary ??= await loadStaffVocabulary(tx);
      if (!findSkillConcept(skill.conceptId) && !staffVocabulary.concepts.has(skill.conceptId)) {
        fail(`skills.${i}.conceptId`, 'invalid_value', `Unknown skill concept ${skill.conceptId}`);
      }
      skills.push(skill);
      continue;
    }
    let conceptId = matchSkillConcept(skill.label);
    if (!conceptId) {
      staffVocabulary ??= await loadStaffVocabulary(tx);
      conceptId = matchIn(staffVocabulary, skill.label);
    }
    skills.push({ label: skill.label, conceptId });
  }
  if (problems.length) throw new AppError('validation_failed', 'The Terms of Reference are not valid', problems);
  return { ...content, skills };
}

/** The columns to store for checked content: `deadlineAt` follows the deadline's day. */
export function columnsOf(content: AssignmentContent) {
  return { ...content, deadlineAt: deadlineInstant(content.applicationDeadline) };
}

/**
 * What a call needs before staff can judge it: something to deliver, a sector, a language.
 * @throws AppError `assignment_incomplete` listing the missing fields
 */
export function requireCallReady(content: Pick<AssignmentContent, 'deliverables' | 'sectors' | 'languages'>): void {
  const missing: FieldError[] = [];
  if (!content.deliverables.length)
    missing.push({ path: 'deliverables', code: 'required', message: 'Add a deliverable' });
  if (!content.sectors.length) missing.push({ path: 'sectors', code: 'required', message: 'Add a sector' });
  if (!content.languages.length) missing.push({ path: 'languages', code: 'required', message: 'Add a language' });
  if (missing.length) throw new AppError('assignment_incomplete', 'The ToR lacks what a call needs', missing);
}
