import type { Tx } from '../../../db/client.ts';
import type { MissionRow } from '../repository.ts';
import { costCategories } from '../schema.ts';
import { costLinesOf, dsaNights, reportingCurrencyOf, totalsOf, type CostRow } from './costs.ts';
import { findDsaRate, presentDsaRate } from './dsa-rates.ts';
import { fromCents, toCents } from './money.ts';
import type { CostLineView, MissionCostsView } from './schemas.ts';

/** The API's view of one line. */
export function presentCostLine(row: CostRow): CostLineView {
  return {
    id: row.id,
    category: row.category,
    kind: row.kind,
    description: row.description,
    amount: row.amount,
    currency: row.currency,
    rate: row.rate,
    reportingAmount: row.reportingAmount,
    reportingCurrency: row.reportingCurrency,
    dsaRateId: row.dsaRateId,
    nights: row.nights,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * How the allowance is reckoned for a mission, shown rather than thrown: the GET of the costs must answer even
 * when the rate table lacks the place, and say so.
 */
async function dsaExplanation(tx: Tx, mission: MissionRow): Promise<MissionCostsView['dsa']> {
  const base = { country: mission.country, city: mission.city, on: mission.startsOn };
  if (mission.modality === 'online') {
    return {
      ...base,
      applicable: false,
      nights: null,
      rate: null,
      countryWide: false,
      amount: null,
      currency: null,
      problem: 'dsa_not_applicable',
    };
  }
  const nights = dsaNights(mission);
  const found = await findDsaRate(tx, mission.country, mission.city, mission.startsOn);
  if (!found) {
    return {
      ...base,
      applicable: true,
      nights,
      rate: null,
      countryWide: false,
      amount: null,
      currency: null,
      problem: 'dsa_rate_missing',
    };
  }
  return {
    ...base,
    applicable: true,
    nights,
    rate: presentDsaRate(found.rate),
    countryWide: found.countryWide,
    amount: fromCents(toCents(found.rate.amount) * BigInt(nights)),
    currency: found.rate.currency,
    problem: null,
  };
}

/** A mission's lines, totals planned against actual per category in the reporting currency, and the DSA reckoning. */
export async function presentMissionCosts(tx: Tx, mission: MissionRow): Promise<MissionCostsView> {
  // One after another: a transaction is one connection, and pg warns against queries queued on it concurrently.
  const lines = await costLinesOf(tx, mission.id);
  const reportingCurrency = await reportingCurrencyOf(tx, mission.programmeId);
  const dsa = await dsaExplanation(tx, mission);
  const sums = totalsOf(lines);
  const totals: MissionCostsView['totals'] = {};
  let planned = 0n;
  let actual = 0n;
  for (const category of costCategories) {
    totals[category] = { planned: fromCents(sums[category].planned), actual: fromCents(sums[category].actual) };
    planned += sums[category].planned;
    actual += sums[category].actual;
  }
  return {
    missionId: mission.id,
    reportingCurrency,
    editable: mission.state !== 'closed' && mission.state !== 'cancelled',
    lines: lines.map(presentCostLine),
    totals,
    total: { planned: fromCents(planned), actual: fromCents(actual) },
    dsa,
  };
}
