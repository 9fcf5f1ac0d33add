import type { Row } from './types.ts';

/** Reference lists: countries, regions, sectors, occupations, languages, skills vocabulary. */
export const referenceDataRoutes: Record<string, Row> = {};
