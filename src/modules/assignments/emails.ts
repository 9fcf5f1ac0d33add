import type { CatalogueOf } from '../notifications/template-kit.ts';

/** Parameters of the assignments e-mail templates (see notifications/templates.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the module's e-mails are written
export interface AssignmentTemplateParams {}

/** The assignments e-mails, in the four languages: what happened and what to do next. */
export const assignmentTemplates: CatalogueOf<AssignmentTemplateParams> = {};
