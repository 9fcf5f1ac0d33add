/**
 * A roster prepared for ranking many ToRs: the fields the hard filters read, copied into flat typed arrays once
 * per roster version. Filtering 100,000 experts then reads a few contiguous arrays instead of a dozen small heap
 * objects per expert, which is what bounds the plain path (memory traffic, not arithmetic). A feeder that keeps
 * the roster in memory between requests (and prepares it again when profiles change) passes it to
 * `rankCandidates` in place of the expert list; the result is the same, reason for reason.
 */
import type { ExclusionReason } from './codes.ts';
import { dayNumber } from './dates.ts';
import { mergeWindows, windowScratch } from './filters.ts';
import { cefrRank, employerKey, residenceReason, type PreparedTor } from './prepare.ts';
import type { ExpertCandidate } from './types.ts';

const erasedFlag = 1;
const consentLive = 2;
const consentWithdrawn = 4;

export interface PreparedRoster {
  readonly kind: 'prepared-roster';
  readonly experts: readonly ExpertCandidate[];
  /** The experts' ids, so that excluding an expert does not read the expert's object. */
  readonly ids: readonly string[];
  readonly flags: Uint8Array;
  /** Index into `countries`, -1 when unknown. */
  readonly residence: Int16Array;
  readonly countries: string[];
  /** Language code → column; `levels[i * languageCount + column]` is the CEFR rank, -1 when not spoken. */
  readonly languageColumns: Map<string, number>;
  readonly levels: Int8Array;
  /** Availability windows of expert i: `windowOffsets[i]` to `windowOffsets[i + 1]`; mode bit 1 on site, 2 online. */
  readonly windowOffsets: Int32Array;
  readonly windowStarts: Int32Array;
  readonly windowEnds: Int32Array;
  readonly windowModes: Uint8Array;
  readonly busyOffsets: Int32Array;
  readonly busyStarts: Int32Array;
  readonly busyEnds: Int32Array;
  /** Current employers of expert i: normalised name and institution id, as indexes into `names` and `institutions`. */
  readonly employerOffsets: Int32Array;
  readonly employerNames: Int32Array;
  readonly employerInstitutions: Int32Array;
  readonly names: string[];
  readonly institutions: string[];
}

function interner() {
  const index = new Map<string, number>();
  const values: string[] = [];
  return {
    values,
    id(value: string): number {
      let i = index.get(value);
      if (i === undefined) {
        i = values.length;
        values.push(value);
        index.set(value, i);
      }
      return i;
    },
  };
}

/** Copies what the hard filters read into flat arrays (see the module comment). Throws `RangeError` for a bad date. */
export function prepareRoster(experts: readonly ExpertCandidate[]): PreparedRoster {
  const n = experts.length;
  const countries = interner();
  const languages = interner();
  const names = interner();
  const institutions = interner();
  for (const e of experts) for (const l of e.languages) languages.id(l.language);
  const languageCount = languages.values.length;
  const flags = new Uint8Array(n);
  const residence = new Int16Array(n);
  const levels = new Int8Array(n * languageCount).fill(-1);
  const windowOffsets = new Int32Array(n + 1);
  const busyOffsets = new Int32Array(n + 1);
  const employerOffsets = new Int32Array(n + 1);
  const windows: number[] = [];
  const busy: number[] = [];
  const employers: number[] = [];
  experts.forEach((e, i) => {
    let flag = e.erased ? erasedFlag : 0;
    for (const c of e.consents) {
      if (c.purpose === 'processing') flag |= c.withdrawnAt === null ? consentLive : consentWithdrawn;
    }
    flags[i] = flag;
    residence[i] = e.residenceCountry === null ? -1 : countries.id(e.residenceCountry);
    for (const l of e.languages) levels[i * languageCount + languages.id(l.language)] = cefrRank(l.level);
    for (const w of e.availability) {
      windows.push(dayNumber(w.startsOn), dayNumber(w.endsOn), (w.onSite ? 1 : 0) | (w.online ? 2 : 0));
    }
    windowOffsets[i + 1] = windows.length / 3;
    for (const b of e.busy) busy.push(dayNumber(b.startsOn), dayNumber(b.endsOn));
    busyOffsets[i + 1] = busy.length / 2;
    for (const x of e.employers) {
      employers.push(names.id(employerKey(x.name)), x.institutionId === null ? -1 : institutions.id(x.institutionId));
    }
    employerOffsets[i + 1] = employers.length / 2;
  });
  const every = (list: number[], stride: number, at: number) =>
    Int32Array.from({ length: list.length / stride }, (_, k) => list[k * stride + at]!);
  return {
    kind: 'prepared-roster',
    experts,
    ids: experts.map((e) => e.id),
    flags,
    residence,
    countries: countries.values,
    languageColumns: new Map(languages.values.map((l, i) => [l, i])),
    levels,
    windowOffsets,
    windowStarts: every(windows, 3, 0),
    windowEnds: every(windows, 3, 1),
    windowModes: Uint8Array.from(every(windows, 3, 2)),
    busyOffsets,
    busyStarts: every(busy, 2, 0),
    busyEnds: every(busy, 2, 1),
    employerOffsets,
    employerNames: every(employers, 2, 0),
    employerInstitutions: every(employers, 2, 1),
    names: names.values,
    institutions: institutions.values,
  };
}

/** What a ToR's filters need from the roster's tables, looked up once per ranking. */
export interface RosterView {
  roster: PreparedRoster;
  eligible: Uint8Array | null;
  languageColumns: number[];
  hostNames: Uint8Array;
  hostInstitution: number;
}

export function rosterView(t: PreparedTor, roster: PreparedRoster): RosterView {
  const hostNames = new Uint8Array(roster.names.length);
  roster.names.forEach((name, i) => (hostNames[i] = t.hostNames.has(name) ? 1 : 0));
  return {
    roster,
    eligible: t.eligible ? Uint8Array.from(roster.countries, (c) => (t.eligible!.has(c) ? 1 : 0)) : null,
    languageColumns: t.languages.map((l) => roster.languageColumns.get(l.language) ?? -1),
    hostNames,
    hostInstitution: roster.institutions.indexOf(t.tor.host.institutionId),
  };
}

/** `applyFilters` on a prepared roster's expert `i`: the same reasons, in the same order. */
export function applyRosterFilters(t: PreparedTor, view: RosterView, i: number): readonly ExclusionReason[] | null {
  const r = view.roster;
  const e = r.experts[i]!;
  const reasons = t.reasons;
  reasons.reset();
  const flag = r.flags[i]!;
  if (flag & erasedFlag) reasons.shared(t.shared.erased);
  if (!(flag & consentLive)) {
    if (flag & consentWithdrawn) {
      let withdrawnAt = '';
      for (const c of e.consents)
        if (c.purpose === 'processing' && c.withdrawnAt! > withdrawnAt) withdrawnAt = c.withdrawnAt!;
      reasons.single({ code: 'consent.withdrawn', withdrawnAt });
    } else reasons.shared(t.shared.consentMissing);
  }
  if (view.eligible) {
    const country = r.residence[i]!;
    if (country < 0) reasons.shared(t.shared.residenceUnknown);
    else if (!view.eligible[country]) reasons.shared(residenceReason(t, r.countries[country]!));
  }
  const languageCount = r.languageColumns.size;
  for (let k = 0; k < t.languages.length; k++) {
    const column = view.languageColumns[k]!;
    const rank = column < 0 ? -2 : r.levels[i * languageCount + column]!;
    if (rank < 0) reasons.shared(t.shared.languageMissing[k]!);
    else if (rank < t.languages[k]!.minRank) reasons.shared(t.shared.languageBelow[k]![rank]!);
  }

  let n = 0;
  let otherModality = false;
  const needed = t.onSite ? 1 : 2;
  for (let w = r.windowOffsets[i]!; w < r.windowOffsets[i + 1]!; w++) {
    const start = r.windowStarts[w]!;
    const end = r.windowEnds[w]!;
    if (start > t.last || end < t.first) continue;
    if (!(r.windowModes[w]! & needed)) {
      otherModality = true;
      continue;
    }
    windowScratch.starts[n] = Math.max(start, t.first);
    windowScratch.ends[n] = Math.min(end, t.last);
    n++;
  }
  const days = n === 0 && otherModality ? -1 : mergeWindows(n);
  t.availableDays = Math.max(0, days);
  if (days < 0) reasons.shared(t.shared.modality);
  else if (days < t.tor.workingDays) reasons.shared(t.shared.insufficient[days]!);

  for (let x = r.employerOffsets[i]!; x < r.employerOffsets[i + 1]!; x++) {
    const institution = r.employerInstitutions[x]!;
    if ((institution >= 0 && institution === view.hostInstitution) || view.hostNames[r.employerNames[x]!]) {
      const employer = e.employers[x - r.employerOffsets[i]!]!;
      reasons.single({
        code: 'conflict.host_employer',
        institutionId: t.tor.host.institutionId,
        employer: employer.name,
      });
      break;
    }
  }
  for (let b = r.busyOffsets[i]!; b < r.busyOffsets[i + 1]!; b++) {
    if (r.busyStarts[b]! <= t.last && r.busyEnds[b]! >= t.first) {
      const mission = e.busy[b - r.busyOffsets[i]!]!;
      reasons.single({ code: 'conflict.busy', startsOn: mission.startsOn, endsOn: mission.endsOn });
    }
  }
  return reasons.result();
}
