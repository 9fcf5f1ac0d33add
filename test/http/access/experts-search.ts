import type { Row } from './types.ts';

/** The staff roster search, saved searches and duplicates. */
export const expertSearchRoutes: Record<string, Row> = {};
