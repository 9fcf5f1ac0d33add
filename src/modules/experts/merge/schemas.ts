import { z } from 'zod';

export const mergeParams = z.strictObject({ id: z.uuid() });

export const mergeBody = z.strictObject({
  /** The profile folded into the one in the path, then removed; its account is closed. */
  duplicateId: z.uuid(),
});

/** The kinds of rows a merge brings over, as its result counts them. */
export const movedKeys = [
  'languages',
  'skills',
  'education',
  'experience',
  'availability',
  'documents',
  'vettingChecks',
  'notes',
  'tags',
  'applications',
  'missions',
] as const;
export type MovedKey = (typeof movedKeys)[number];

/** The fields of the kept profile a merge may fill when they are empty. */
export const fillableFields = [
  'firstName',
  'lastName',
  'nameAr',
  'birthDate',
  'phone',
  'nationalities',
  'residenceCountry',
  'residenceCity',
  'originCountry',
  'occupation',
  'sectors',
  'preferredRegions',
  'headline',
  'summary',
  'vettingStatus',
] as const;

export const mergeResult = z.object({
  keptId: z.string(),
  duplicateId: z.string(),
  /** Rows brought over from the duplicate, per kind (languages: added or raised to a higher level). */
  moved: z.record(z.enum(movedKeys), z.number().int()),
  /** Fields of the kept profile that were empty and now hold the duplicate's value. */
  filled: z.array(z.enum(fillableFields)),
});
export type MergeResult = z.infer<typeof mergeResult>;
