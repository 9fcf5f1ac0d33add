import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';
import type { TestApp } from '../../../../test/helpers/app.ts';
import { createMission, selection } from '../missions.test-helper.ts';

/** A planned mission with a fresh expert, who reads in `locale` and is called `name`. */
export async function plannedMission(t: TestApp, officer: string, locale: string, name: string, body = {}) {
  const { expert, applicationId, callId } = await selection(t);
  await t.database.query('update users set locale = $2, name = $3 where id = $1', [expert.id, locale, name]);
  const mission = await createMission(t, officer, applicationId, body);
  return { expert, mission, callId };
}

/** Adds a planned DSA cost line to a mission (written directly: the costs have their own tests). */
export async function planDsa(t: TestApp, missionId: string, amount: string, currency: string, nights: number) {
  await t.database.query(
    `insert into mission_costs (mission_id, category, kind, amount, currency, rate, reporting_amount,
       reporting_currency, nights)
     values ($1, 'dsa', 'planned', $2, $3, 1, $2, $3, $4)`,
    [missionId, amount, currency, nights],
  );
}

/** The text of every page of a PDF, read back with PDF.js (unpdf), white space made plain spaces. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/**
 * How an Arabic line comes back from a PDF: PDF.js returns each drawn word in reading order but the words of a
 * line left to right, as they are on the page: the words reversed is what right-to-left setting looks like.
 */
export function asLaidOutRightToLeft(phrase: string): string {
  return phrase.split(' ').reverse().join(' ');
}
