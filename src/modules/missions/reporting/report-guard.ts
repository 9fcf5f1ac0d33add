import { AppError } from '../../../http/errors.ts';
import type { MissionRow } from '../repository.ts';
import type { ReportStatus } from '../schema.ts';
import { requireUnsettled } from './sessions.ts';

/**
 * The expert writes the report, and attaches its files, while the mission is in progress or reporting and the
 * report is a draft or returned. Refused: a mission not yet in progress (409 `mission_not_started`), a settled one
 * (409 `mission_settled`), a report awaiting review or accepted (409 `report_locked`).
 */
export function requireReportOpen(mission: MissionRow, report: { status: ReportStatus } | undefined): void {
  if (['planned', 'agreed', 'ready'].includes(mission.state)) {
    throw new AppError('mission_not_started', 'The report is written once the mission is in progress');
  }
  requireUnsettled(mission);
  if (report && (report.status === 'submitted' || report.status === 'accepted')) {
    throw new AppError('report_locked', `The report is ${report.status}: it changes only once returned`);
  }
}
