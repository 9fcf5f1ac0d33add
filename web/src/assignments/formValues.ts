import type { Assignment, AssignmentFields, CefrLevel, Modality } from './types.ts';

/** What the form holds: lists typed one item per line, numbers as numbers, empty text as ''. */
export interface FormValues {
  programmeId: string;
  institutionId: string;
  titleFr: string;
  titleAr: string;
  titleEn: string;
  descriptionFr: string;
  descriptionAr: string;
  descriptionEn: string;
  needId: string;
  needStatement: string;
  objectives: string;
  deliverables: string;
  skills: string;
  sectors: string[];
  occupation: string;
  languages: { language: string; minLevel: CefrLevel }[];
  modality: Modality;
  region: string;
  city: string;
  windowStartsOn: string;
  windowEndsOn: string;
  workingDays: number;
  expertsNeeded: number;
  applicationDeadline: string;
  sdgTargets: string;
  scoringCriteria: { id: string; label: string; weight: number }[];
}

export const emptyValues: FormValues = {
  programmeId: '',
  institutionId: '',
  titleFr: '',
  titleAr: '',
  titleEn: '',
  descriptionFr: '',
  descriptionAr: '',
  descriptionEn: '',
  needId: '',
  needStatement: '',
  objectives: '',
  deliverables: '',
  skills: '',
  sectors: [],
  occupation: '',
  languages: [{ language: 'fr', minLevel: 'B2' }],
  modality: 'hybrid',
  region: '',
  city: '',
  windowStartsOn: '',
  windowEndsOn: '',
  workingDays: 10,
  expertsNeeded: 1,
  applicationDeadline: '',
  sdgTargets: '',
  scoringCriteria: [],
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The form's values for a loaded ToR. */
export function valuesOf(tor: Assignment): FormValues {
  return {
    programmeId: tor.programme.id,
    institutionId: tor.institution.id,
    titleFr: tor.titleFr,
    titleAr: tor.titleAr ?? '',
    titleEn: tor.titleEn ?? '',
    descriptionFr: tor.descriptionFr,
    descriptionAr: tor.descriptionAr ?? '',
    descriptionEn: tor.descriptionEn ?? '',
    needId: tor.needId ?? '',
    needStatement: tor.needStatement ?? '',
    objectives: tor.objectives.join('\n'),
    deliverables: tor.deliverables.join('\n'),
    skills: tor.skills.map((skill) => skill.label).join('\n'),
    sectors: tor.sectors,
    occupation: tor.occupation ?? '',
    languages: tor.languages,
    modality: tor.modality,
    region: tor.region ?? '',
    city: tor.city ?? '',
    windowStartsOn: tor.windowStartsOn,
    windowEndsOn: tor.windowEndsOn,
    workingDays: tor.workingDays,
    expertsNeeded: tor.expertsNeeded,
    applicationDeadline: tor.applicationDeadline,
    sdgTargets: tor.sdgTargets.join('\n'),
    scoringCriteria: tor.scoringCriteria,
  };
}

/** The request body's fields for the form's values (the server matches skills to the vocabulary). */
export function fieldsOf(values: FormValues, tor?: Assignment): AssignmentFields {
  const previous = new Map((tor?.skills ?? []).map((skill) => [skill.label, skill.conceptId]));
  const online = values.modality === 'online';
  return {
    titleFr: values.titleFr,
    titleAr: values.titleAr || null,
    titleEn: values.titleEn || null,
    descriptionFr: values.descriptionFr,
    descriptionAr: values.descriptionAr || null,
    descriptionEn: values.descriptionEn || null,
    needId: values.needId || null,
    needStatement: values.needStatement || null,
    objectives: lines(values.objectives),
    deliverables: lines(values.deliverables),
    skills: lines(values.skills).map((label) => ({ label, conceptId: previous.get(label) ?? null })),
    sectors: values.sectors,
    occupation: values.occupation || null,
    languages: values.languages.filter((entry) => entry.language),
    modality: values.modality,
    region: online ? null : values.region || null,
    city: online ? null : values.city || null,
    windowStartsOn: values.windowStartsOn,
    windowEndsOn: values.windowEndsOn,
    workingDays: Number(values.workingDays),
    expertsNeeded: Number(values.expertsNeeded),
    applicationDeadline: values.applicationDeadline,
    sdgTargets: lines(values.sdgTargets),
    scoringCriteria: values.scoringCriteria
      .filter((criterion) => criterion.label.trim())
      .reduce<{ id: string; label: string; weight: number }[]>((grid, criterion) => {
        const taken = grid.map((entry) => entry.id);
        const id = criterion.id && !taken.includes(criterion.id) ? criterion.id : criterionId(criterion.label, taken);
        return [...grid, { ...criterion, id, weight: Number(criterion.weight) }];
      }, []),
  };
}

/** A short key for a criterion label (letters, digits and dashes), unique within the grid. */
export function criterionId(label: string, taken: string[]): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 30) || 'criterion';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** The fields whose values differ between the user's edit and the reloaded ToR, with the user's text. */
export function unsavedDifferences(mine: FormValues, theirs: FormValues): { field: string; value: string }[] {
  return (Object.keys(mine) as (keyof FormValues)[])
    .filter((key) => JSON.stringify(mine[key]) !== JSON.stringify(theirs[key]))
    .map((key) => ({
      field: key,
      value:
        typeof mine[key] === 'string' || typeof mine[key] === 'number' ? String(mine[key]) : JSON.stringify(mine[key]),
    }));
}
