/**
 * Demo rate tables: Moroccan allowances in dirhams and the exchange rates into euros the demo programmes report in.
 * The amounts are of the order of the UN's daily subsistence allowances for Morocco (per night, dirhams), the
 * exchange rates of the order of the period's market rates; both are illustrations, not official figures.
 */
import type { Tx } from '../../../db/client.ts';
import { currencyRates, dsaRates } from '../schema.ts';

/** Per place: the allowance from 2013 to the end of 2025, and the one from 2026 on. */
const allowances: { city: string | null; until2025: string; from2026: string }[] = [
  { city: null, until2025: '1300.00', from2026: '1500.00' },
  { city: 'Rabat', until2025: '1950.00', from2026: '2200.00' },
  { city: 'Casablanca', until2025: '2150.00', from2026: '2450.00' },
  { city: 'Marrakech', until2025: '2200.00', from2026: '2500.00' },
  { city: 'Tanger', until2025: '1850.00', from2026: '2100.00' },
  { city: 'Fès', until2025: '1700.00', from2026: '1900.00' },
];

/** Units of euro per unit of the currency, from a day on (the latest applicable one is used). */
const exchange: { currency: string; validFrom: string; rate: string }[] = [
  { currency: 'MAD', validFrom: '2013-01-01', rate: '0.09000000' },
  { currency: 'MAD', validFrom: '2020-01-01', rate: '0.09350000' },
  { currency: 'MAD', validFrom: '2026-01-01', rate: '0.09250000' },
  { currency: 'USD', validFrom: '2013-01-01', rate: '0.75000000' },
  { currency: 'USD', validFrom: '2020-01-01', rate: '0.89000000' },
  { currency: 'USD', validFrom: '2026-01-01', rate: '0.86000000' },
];

/**
 * Inserts the demo DSA rates for Morocco (country-wide, Rabat, Casablanca, Marrakech, Tanger, Fès; 2013–2025 and
 * from 2026, never overlapping) and the MAD→EUR and USD→EUR rates. `createdBy` is the demo admin.
 */
export async function loadDemoRates(tx: Tx, createdBy: string | null): Promise<{ dsa: number; currency: number }> {
  const dsaRows = allowances.flatMap(({ city, until2025, from2026 }) => [
    {
      country: 'MA',
      city,
      amount: until2025,
      currency: 'MAD',
      validFrom: '2013-01-01',
      validTo: '2025-12-31',
      createdBy,
    },
    { country: 'MA', city, amount: from2026, currency: 'MAD', validFrom: '2026-01-01', validTo: null, createdBy },
  ]);
  await tx.insert(dsaRates).values(dsaRows);
  await tx.insert(currencyRates).values(exchange.map((row) => ({ ...row, reportingCurrency: 'EUR', createdBy })));
  return { dsa: dsaRows.length, currency: exchange.length };
}
