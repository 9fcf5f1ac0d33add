// What the TRQN III and CD4D demo missions share: dates counted in working days, the ToR, history, checklist and
// cost rows of a mission, priced with the demo rate tables the way the costs module prices them.
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.ts';
import { nextReference } from '../modules/assignments/commands.ts';
import { deadlineInstant, todayInMorocco } from '../modules/assignments/dates.ts';
import type { assignments } from '../modules/assignments/schema.ts';
import { type AssignmentState, type Modality } from '../modules/assignments/schema.ts';
import { standardChecklist } from '../modules/missions/checklist.ts';
import { dsaNights } from '../modules/missions/costs/costs.ts';
import { loadDemoRates } from '../modules/missions/costs/demo-rates.ts';
import { convert, fromCents, toCents, unitRate } from '../modules/missions/costs/money.ts';
import type { missionChecklistItems, missionCosts } from '../modules/missions/schema.ts';
import { currencyRates, dsaRates, type MissionState } from '../modules/missions/schema.ts';
import { matchSkillConcept } from '../modules/reference/skills.ts';
import { hostFacts, type DemoTorText } from './missions-texts.ts';

const dayMs = 86_400_000;

/**
 * Inserts many rows as one JSON parameter unpacked by the database (`jsonb_to_recordset`) rather than thousands of
 * bound parameters: three to four times faster on PGlite, which the demo loads into at every start. The rows give
 * the same columns (a column left out of some rows must be nullable); database defaults apply to columns no row
 * gives. Ids are made by the caller when other rows refer to them.
 */
export async function insertMany<T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][]): Promise<void> {
  if (!rows.length) return;
  const given = rows as Record<string, unknown>[];
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => given.some((row) => row[key] !== undefined));
  for (const [key, column] of columns) {
    if (column.notNull && given.some((row) => row[key] === undefined || row[key] === null)) {
      throw new Error(`demo: ${column.name} missing in some rows`);
    }
  }
  const records = given.map((row) =>
    Object.fromEntries(columns.map(([key, column]) => [column.name, row[key] ?? null])),
  );
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const types = sql.join(
    columns.map(([, column]) => sql`${sql.identifier(column.name)} ${sql.raw(column.getSQLType())}`),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(${types})`,
  );
}

/** `day` moved by `days` (ISO dates). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** The instant of `day` at `hour` o’clock (UTC, close enough to Moroccan time for a demo history). */
export function at(day: string, hour: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + hour * 3_600_000);
}

const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/** The first weekday on or after `day`. */
export function weekdayFrom(day: string): string {
  let current = day;
  while (isWeekend(current)) current = addDays(current, 1);
  return current;
}

/** The last weekday on or before `day`. */
export function weekdayUntil(day: string): string {
  let current = day;
  while (isWeekend(current)) current = addDays(current, -1);
  return current;
}

/** The last day of `workingDays` working days (Monday to Friday) counted from `start` on. */
export function endAfterWorkingDays(start: string, workingDays: number): string {
  let day = start;
  let left = isWeekend(start) ? workingDays : workingDays - 1;
  while (left > 0) {
    day = addDays(day, 1);
    if (!isWeekend(day)) left -= 1;
  }
  return day;
}

/** The first day of `workingDays` working days ending on `end` (a weekday). */
export function startBeforeWorkingDays(end: string, workingDays: number): string {
  let day = end;
  for (let left = workingDays - 1; left > 0;) {
    day = addDays(day, -1);
    if (!isWeekend(day)) left -= 1;
  }
  return day;
}

/**
 * Hands out a programme's ToR references year by year: the first through `nextReference` (which sees what is
 * there already), the next ones counted on from it, so that a batch needs one query per year.
 */
export function referenceAllocator(tx: Tx, programmeCode: string) {
  const last = new Map<number, { prefix: string; number: number }>();
  return async (year: number): Promise<string> => {
    let entry = last.get(year);
    if (!entry) {
      const first = await nextReference(tx, programmeCode, year);
      entry = { prefix: first.slice(0, -3), number: Number(first.slice(-3)) - 1 };
    }
    entry.number += 1;
    last.set(year, entry);
    return `${entry.prefix}${String(entry.number).padStart(3, '0')}`;
  };
}

/** The dates of a ToR's life up to `filled` (and `completed`), from its creation to the selection. */
export interface TorTimeline {
  createdAt: Date;
  moves: { to: AssignmentState; at: Date }[];
  deadline: string;
}

/**
 * A ToR's timeline ending in its selection on `plannedDay` - 1 (the mission is planned the next day): created 55
 * days before, published 45 days before, applications closed 14 days before; completed at `completedAt` if given.
 */
export function torTimeline(plannedDay: string, completedAt: Date | null): TorTimeline {
  const day = (offset: number, hour = 10) => at(addDays(plannedDay, offset), hour);
  const deadline = addDays(plannedDay, -15);
  const moves: { to: AssignmentState; at: Date }[] = [
    { to: 'submitted', at: day(-50) },
    { to: 'approved', at: day(-47) },
    { to: 'published', at: day(-45) },
    { to: 'closed', at: day(-14, 1) },
    { to: 'filled', at: day(-1, 16) },
  ];
  if (completedAt) moves.push({ to: 'completed', at: completedAt });
  return { createdAt: day(-55, 9), moves, deadline };
}

/** The assignment row of a demo ToR: its text, its host's sectors and SDG targets, its window and history dates. */
export function torRow(input: {
  reference: string;
  programmeId: string;
  institutionId: string;
  host: string;
  text: DemoTorText;
  modality: Modality;
  city: string;
  window: [string, string];
  workingDays: number;
  timeline: TorTimeline;
  createdBy: string | null;
}): typeof assignments.$inferInsert {
  const { text, timeline } = input;
  const facts = hostFacts[input.host]!;
  const last = timeline.moves.at(-1)!;
  return {
    reference: input.reference,
    programmeId: input.programmeId,
    institutionId: input.institutionId,
    state: last.to,
    version: 1 + timeline.moves.length,
    titleFr: text.titleFr,
    descriptionFr: text.descriptionFr,
    objectives: text.objectives,
    deliverables: text.deliverables,
    skills: text.skills.map((label) => ({ label, conceptId: matchSkillConcept(label) })),
    sectors: facts.sectors,
    occupation: text.occupation,
    languages: [
      { language: 'fr', minLevel: 'C1' },
      { language: 'ar', minLevel: 'B1' },
    ],
    modality: input.modality,
    region: input.modality === 'online' ? null : '04',
    city: input.modality === 'online' ? null : input.city,
    windowStartsOn: input.window[0],
    windowEndsOn: input.window[1],
    workingDays: input.workingDays,
    applicationDeadline: timeline.deadline,
    deadlineAt: deadlineInstant(timeline.deadline),
    sdgTargets: facts.sdgTargets,
    createdBy: input.createdBy,
    publishedAt: timeline.moves.find((move) => move.to === 'published')!.at,
    createdAt: timeline.createdAt,
    updatedAt: last.at,
  };
}

/** The ToR's transitions, from draft along its timeline. */
export function torTransitions(assignmentId: string, timeline: TorTimeline, officerId: string | null) {
  let from: AssignmentState = 'draft';
  return timeline.moves.map((move) => {
    const row = { assignmentId, fromState: from, toState: move.to, actorId: officerId, at: move.at };
    from = move.to;
    return row;
  });
}

/** A mission's events: each state it went through, with when and who. */
export function missionEventRows(
  missionId: string,
  steps: { to: MissionState; at: Date; actorId: string | null; reason?: string }[],
) {
  let from: MissionState | null = null;
  return steps.map((step) => {
    const row = {
      missionId,
      fromState: from,
      toState: step.to,
      reason: step.reason ?? null,
      actorId: step.actorId,
      at: step.at,
    };
    from = step.to;
    return row;
  });
}

/**
 * The standard checklist of a mission, ticked when done: `done` lists the keys done (all when true). The visa is
 * not applicable: the experts are Moroccan nationals. Items are done by their owner, before they are due and never
 * after `latest`.
 */
export function checklistRows(input: {
  missionId: string;
  modality: Modality;
  startsOn: string;
  done: true | string[];
  plannedAt: Date;
  latest: Date;
  people: { officerId: string | null; expertId: string; hostId: string | null };
}): (typeof missionChecklistItems.$inferInsert)[] {
  const travels = input.modality !== 'online';
  return standardChecklist
    .filter((item) => travels || !item.travelOnly)
    .map((item, position) => {
      const dueOn = addDays(input.startsOn, -item.daysBefore);
      const done = input.done === true || input.done.includes(item.key);
      const when = Math.min(
        Math.max(at(addDays(dueOn, -2), 11).getTime(), input.plannedAt.getTime() + 3_600_000),
        input.latest.getTime(),
      );
      const by = { programme: input.people.officerId, expert: input.people.expertId, host: input.people.hostId };
      const visa = item.key === 'visa';
      return {
        missionId: input.missionId,
        key: item.key,
        owner: item.owner,
        dueOn,
        mandatory: item.mandatory,
        notApplicable: visa,
        position,
        doneAt: done && !visa ? new Date(when) : null,
        doneBy: done && !visa ? by[item.owner] : null,
        note: visa ? 'Ressortissant marocain : pas de visa.' : null,
      };
    });
}

/** The demo rate tables, loaded once and kept in memory to price the demo's cost lines without a query each. */
export interface Pricing {
  dsa: (typeof dsaRates.$inferSelect)[];
  exchange: (typeof currencyRates.$inferSelect)[];
}

/** Loads the demo DSA and exchange rates (written by `createdBy`) and returns them. */
export async function loadPricing(tx: Tx, createdBy: string | null): Promise<Pricing> {
  await loadDemoRates(tx, createdBy);
  return {
    dsa: await tx.select().from(dsaRates).where(eq(dsaRates.country, 'MA')),
    exchange: await tx
      .select()
      .from(currencyRates)
      .where(and(eq(currencyRates.reportingCurrency, 'EUR'))),
  };
}

/** The rate of `currency` into euros on `day`, as `requireCurrencyRate` finds it. */
function exchangeRate(pricing: Pricing, currency: string, day: string): string {
  if (currency === 'EUR') return unitRate;
  const found = pricing.exchange
    .filter((row) => row.currency === currency && row.validFrom <= day)
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  if (!found) throw new Error(`demo: no ${currency} rate on ${day}`);
  return found.rate;
}

/** The DSA rate of the city on `day`, else the country-wide one, as `findDsaRate` picks it. */
function dsaRateOf(pricing: Pricing, city: string, day: string) {
  const valid = pricing.dsa.filter((row) => row.validFrom <= day && (row.validTo === null || row.validTo >= day));
  const found =
    valid.find((row) => row.city?.toLowerCase() === city.toLowerCase()) ?? valid.find((row) => row.city === null);
  if (!found) throw new Error(`demo: no DSA rate for ${city} on ${day}`);
  return found;
}

const residenceAirport: Record<string, string> = { NL: 'Amsterdam', DE: 'Düsseldorf', BE: 'Bruxelles' };

/**
 * A mission's cost lines in euros reporting: the planned allowance (rate × nights, converted on the first day) and
 * flight, and when `actualAt` is given the paid ones, converted on the day they were written.
 */
export function costRows(input: {
  pricing: Pricing;
  missionId: string;
  city: string;
  startsOn: string;
  endsOn: string;
  residence: string;
  flight: number;
  plannedAt: Date;
  actualAt: Date | null;
  createdBy: string | null;
}): (typeof missionCosts.$inferInsert)[] {
  const { pricing } = input;
  const rate = dsaRateOf(pricing, input.city, input.startsOn);
  const nights = dsaNights(input);
  const allowance = toCents(rate.amount) * BigInt(nights);
  const line = (
    category: 'dsa' | 'travel',
    kind: 'planned' | 'actual',
    cents: bigint,
    currency: string,
    when: Date,
  ) => {
    const day = kind === 'planned' ? input.startsOn : todayInMorocco(when);
    const exchange = exchangeRate(pricing, currency, day);
    return {
      missionId: input.missionId,
      category,
      kind,
      description:
        category === 'dsa'
          ? `Indemnité journalière (${input.city})`
          : `Vol ${residenceAirport[input.residence] ?? 'Amsterdam'} – Rabat aller-retour`,
      amount: fromCents(cents),
      currency,
      rate: exchange,
      reportingAmount: fromCents(convert(cents, exchange, 2)),
      reportingCurrency: 'EUR',
      dsaRateId: category === 'dsa' ? rate.id : null,
      nights: category === 'dsa' ? nights : null,
      createdBy: input.createdBy,
      createdAt: when,
      updatedAt: when,
    };
  };
  const flight = BigInt(input.flight) * 100n;
  const rows = [
    line('dsa', 'planned', allowance, rate.currency, input.plannedAt),
    line('travel', 'planned', flight, 'EUR', input.plannedAt),
  ];
  if (input.actualAt) {
    rows.push(line('travel', 'actual', flight + BigInt((input.flight * 7) % 90) * 100n - 4000n, 'EUR', input.actualAt));
    rows.push(line('dsa', 'actual', allowance, rate.currency, input.actualAt));
  }
  return rows;
}
