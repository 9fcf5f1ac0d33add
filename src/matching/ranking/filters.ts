/**
 * The hard filters: an expert who fails one is not a candidate, whatever the score. Every failing filter is
 * reported with its parameters, so that staff see all the reasons at once.
 */
import type { ExclusionReason } from './codes.ts';
import { dayNumber, workingDaysBetween } from './dates.ts';
import type { SharedReason } from './reasons.ts';
import { cefrRank, employerKey, residenceReason, type PreparedTor } from './prepare.ts';
import type { DateSpan, ExpertCandidate } from './types.ts';

/** Scratch space for merging windows: reused across experts, since ranking runs one expert at a time. */
export const windowScratch = { starts: [] as number[], ends: [] as number[] };
const { starts, ends } = windowScratch;

/** Sums the working days of the union of the scratch spans `starts[i]..ends[i]` (i < n), merging them first. */
export function mergeWindows(n: number): number {
  for (let i = 1; i < n; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    let j = i - 1;
    while (j >= 0 && starts[j]! > s) {
      starts[j + 1] = starts[j]!;
      ends[j + 1] = ends[j]!;
      j--;
    }
    starts[j + 1] = s;
    ends[j + 1] = e;
  }
  let total = 0;
  let from = starts[0]!;
  let to = ends[0]!;
  for (let i = 1; i < n; i++) {
    if (starts[i]! > to + 1) {
      total += workingDaysBetween(from, to);
      from = starts[i]!;
      to = ends[i]!;
    } else if (ends[i]! > to) to = ends[i]!;
  }
  return n === 0 ? 0 : total + workingDaysBetween(from, to);
}

/** Whether a span overlaps the ToR's window; ISO dates compare as strings, so no parsing is needed. */
export function overlapsWindow(t: PreparedTor, span: DateSpan): boolean {
  return span.startsOn <= t.tor.windowEndsOn && span.endsOn >= t.tor.windowStartsOn;
}

/**
 * The working days the expert can give inside the ToR's window in the mission's modality, or -1 when windows
 * overlap the ToR's but none is in the modality the mission needs.
 */
export function windowFit(t: PreparedTor, expert: ExpertCandidate): number {
  let n = 0;
  let otherModality = false;
  const windows = expert.availability;
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i]!;
    if (!overlapsWindow(t, w)) continue;
    if (t.onSite ? !w.onSite : !w.online) {
      otherModality = true;
      continue;
    }
    starts[n] = Math.max(dayNumber(w.startsOn), t.first);
    ends[n] = Math.min(dayNumber(w.endsOn), t.last);
    n++;
  }
  return n === 0 && otherModality ? -1 : mergeWindows(n);
}

/** Why the expert's processing consent does not hold, or null when a live one exists. */
function consentReason(t: PreparedTor, expert: ExpertCandidate): ExclusionReason | SharedReason | null {
  let withdrawnAt: string | null = null;
  for (let i = 0; i < expert.consents.length; i++) {
    const consent = expert.consents[i]!;
    if (consent.purpose !== 'processing') continue;
    if (consent.withdrawnAt === null) return null;
    if (withdrawnAt === null || consent.withdrawnAt > withdrawnAt) withdrawnAt = consent.withdrawnAt;
  }
  return withdrawnAt === null ? t.shared.consentMissing : { code: 'consent.withdrawn', withdrawnAt };
}

/**
 * Applies every hard filter: null when the expert passes, else every reason (lists and reasons may be shared
 * between experts: treat them as read-only). Leaves the expert's working days in the window in `t.availableDays`, for
 * the availability component. Allocates nothing for an expert who passes; indexed loops, because the iterator of
 * a `for … of` is not always optimised away and this runs 100,000 times per ranking.
 */
export function applyFilters(t: PreparedTor, expert: ExpertCandidate): readonly ExclusionReason[] | null {
  const reasons = t.reasons;
  reasons.reset();
  if (expert.erased) reasons.shared(t.shared.erased);

  const consent = consentReason(t, expert);
  if (consent) {
    if ('slot' in consent) reasons.shared(consent);
    else reasons.single(consent);
  }

  if (t.eligible) {
    const country = expert.residenceCountry;
    if (country === null) reasons.shared(t.shared.residenceUnknown);
    else if (!t.eligible.has(country)) reasons.shared(residenceReason(t, country));
  }

  for (let i = 0; i < t.languages.length; i++) {
    const required = t.languages[i]!;
    // A level that is not a CEFR level counts as not spoken (as in the prepared roster).
    let rank = -1;
    const spoken = expert.languages;
    for (let j = 0; j < spoken.length; j++)
      if (spoken[j]!.language === required.language) rank = cefrRank(spoken[j]!.level);
    if (rank < 0) reasons.shared(t.shared.languageMissing[i]!);
    else if (rank < required.minRank) reasons.shared(t.shared.languageBelow[i]![rank]!);
  }

  const days = windowFit(t, expert);
  t.availableDays = Math.max(0, days);
  if (days < 0) reasons.shared(t.shared.modality);
  else if (days < t.tor.workingDays) reasons.shared(t.shared.insufficient[days]!);

  for (let i = 0; i < expert.employers.length; i++) {
    const employer = expert.employers[i]!;
    const sameId = employer.institutionId !== null && employer.institutionId === t.tor.host.institutionId;
    if (sameId || t.hostNames.has(employerKey(employer.name))) {
      reasons.single({
        code: 'conflict.host_employer',
        institutionId: t.tor.host.institutionId,
        employer: employer.name,
      });
      break;
    }
  }

  for (let i = 0; i < expert.busy.length; i++) {
    const mission = expert.busy[i]!;
    if (overlapsWindow(t, mission))
      reasons.single({ code: 'conflict.busy', startsOn: mission.startsOn, endsOn: mission.endsOn });
  }
  return reasons.result();
}
