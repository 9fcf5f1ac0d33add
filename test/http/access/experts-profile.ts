import type { Row } from './types.ts';

/** The expert profile, consents, export and erasure. */
export const expertProfileRoutes: Record<string, Row> = {};
