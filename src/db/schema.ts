// Every module's tables, gathered for Drizzle and drizzle-kit. Modules own their tables; this file only lists them.
export * from '../modules/programmes/schema.ts';
export * from '../modules/institutions/schema.ts';
export * from '../modules/identity/schema.ts';
export * from '../modules/audit/schema.ts';
export * from '../modules/notifications/schema.ts';
export * from '../modules/experts/schema.ts';
export * from '../modules/assignments/schema.ts';
export * from '../modules/applications/schema.ts';
export * from '../modules/matching/schema.ts';
export * from '../modules/missions/schema.ts';
