/**
 * The agreement of one mission as text: the programme's template (or the built-in one) of each language, filled
 * with the mission's facts, and the SHA-256 fingerprint of what the expert reads and accepts.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import type { Locale } from '../../identity/schema.ts';
import { findProgramme } from '../../programmes/service.ts';
import { countries } from '../../reference/data/countries.ts';
import { contextOf, hostIn, titleIn, type MissionContext } from '../context.ts';
import { costLinesOf } from '../costs/costs.ts';
import type { MissionRow } from '../repository.ts';
import { agreementTemplates } from '../schema.ts';
import { defaultTemplates } from './defaults.ts';
import { fillTemplate, type PlaceholderValues } from './placeholders.ts';

/** How each language writes dates and amounts (Moroccan Arabic with Western digits, as the host reads them). */
const intlLocale: Record<Locale, string> = { fr: 'fr-FR', ar: 'ar-MA', en: 'en-GB', nl: 'nl-NL' };

const labels: Record<
  Locale,
  {
    modality: Record<MissionRow['modality'], string>;
    remote: string;
    /** Between a city and its country. */
    comma: string;
    dsa: (amounts: string, nights: number | null) => string;
    hidden: string;
  }
> = {
  fr: {
    modality: { on_site: 'sur site', online: 'en ligne', hybrid: 'hybride (sur site et en ligne)' },
    remote: 'à distance',
    comma: ', ',
    dsa: (amounts, nights) => `Montant prévu de l’indemnité\u00a0: ${amounts}${nights ? ` (${nights} nuits)` : ''}.`,
    hidden: 'Le montant prévu de l’indemnité est communiqué à l’expert·e.',
  },
  ar: {
    modality: { on_site: 'حضوريًا', online: 'عن بعد', hybrid: 'مختلطة (حضوريًا وعن بعد)' },
    remote: 'عن بعد',
    comma: '، ',
    dsa: (amounts, nights) => `المبلغ المقرر للتعويض: ${amounts}${nights ? `، عدد الليالي: ${nights}` : ''}.`,
    hidden: 'يُبلَّغ الخبير(ة) بالمبلغ المقرر للتعويض.',
  },
  en: {
    modality: { on_site: 'on site', online: 'online', hybrid: 'hybrid (on site and online)' },
    remote: 'remote',
    comma: ', ',
    dsa: (amounts, nights) => `Planned allowance: ${amounts}${nights ? ` (${nights} nights)` : ''}.`,
    hidden: 'The planned allowance is communicated to the expert.',
  },
  nl: {
    modality: { on_site: 'ter plaatse', online: 'online', hybrid: 'hybride (ter plaatse en online)' },
    remote: 'op afstand',
    comma: ', ',
    dsa: (amounts, nights) => `Geplande vergoeding: ${amounts}${nights ? ` (${nights} nachten)` : ''}.`,
    hidden: 'De geplande vergoeding wordt aan de expert meegedeeld.',
  },
};

/** A date (`2026-03-02`) written out: `2 mars 2026`, `2 مارس 2026`, `2 March 2026`, `2 maart 2026`. */
export function longDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** The planned DSA: the total per currency of the planned `dsa` cost lines, and the nights they count. */
export interface PlannedDsa {
  /** Hundredths of the currency, per currency code. */
  totals: Map<string, bigint>;
  nights: number | null;
}

/** Reads the planned DSA lines of a mission (none: an empty map). */
export async function plannedDsaOf(tx: Tx, missionId: string): Promise<PlannedDsa> {
  const lines = (await costLinesOf(tx, missionId)).filter((line) => line.category === 'dsa' && line.kind === 'planned');
  const totals = new Map<string, bigint>();
  let nights: number | null = null;
  for (const line of lines) {
    const [units = '0', cents = ''] = line.amount.split('.');
    const hundredths = BigInt(units) * 100n + BigInt(cents.padEnd(2, '0').slice(0, 2));
    totals.set(line.currency, (totals.get(line.currency) ?? 0n) + hundredths);
    if (line.nights !== null) nights = (nights ?? 0) + line.nights;
  }
  return { totals, nights };
}

function amountsIn(dsa: PlannedDsa, locale: Locale): string {
  const format = new Intl.NumberFormat(intlLocale[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return [...dsa.totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, hundredths]) => `${format.format(Number(hundredths) / 100)} ${currency}`)
    .join(' + ');
}

/** Everything a template needs about one mission, read once for every language. */
export interface AgreementFacts {
  mission: MissionRow;
  context: MissionContext;
  programmeName: string;
  dsa: PlannedDsa;
  /** Programme templates by language; a language without one uses the built-in template. */
  templates: Partial<Record<Locale, string>>;
}

/** Reads the facts of an agreement in the caller's transaction. */
export async function agreementFacts(tx: Tx, mission: MissionRow): Promise<AgreementFacts> {
  const context = await contextOf(tx, mission);
  const programme = await findProgramme(tx, mission.programmeId);
  const dsa = await plannedDsaOf(tx, mission.id);
  const rows = await tx
    .select({ locale: agreementTemplates.locale, body: agreementTemplates.body })
    .from(agreementTemplates)
    .where(eq(agreementTemplates.programmeId, mission.programmeId));
  const templates = Object.fromEntries(rows.map((row) => [row.locale, row.body])) as Partial<Record<Locale, string>>;
  return { mission, context, programmeName: programme?.name ?? '', dsa, templates };
}

/**
 * The values of the placeholders in `locale`. `showAmounts` false (the host, who does not see a mission's costs)
 * replaces the planned amount with a sentence saying the expert is told it.
 */
export function placeholderValues(facts: AgreementFacts, locale: Locale, showAmounts: boolean): PlaceholderValues {
  const { mission, context, dsa } = facts;
  const text = labels[locale];
  const country = countries.find((row) => row.code === mission.country)?.[locale] ?? mission.country;
  const contact = [mission.hostContactEmail, mission.hostContactPhone].filter(Boolean).join(', ');
  let dsaPlanned = '';
  if (dsa.totals.size) dsaPlanned = showAmounts ? text.dsa(amountsIn(dsa, locale), dsa.nights) : text.hidden;
  return {
    programme_name: facts.programmeName,
    expert_name: context.expertName,
    host_name: hostIn(context, locale),
    host_contact: contact ? `${mission.hostContactName} (${contact})` : mission.hostContactName,
    mission_reference: mission.reference,
    tor_reference: context.torReference,
    tor_title: titleIn(context, locale),
    start_date: longDate(mission.startsOn, locale),
    end_date: longDate(mission.endsOn, locale),
    working_days: String(mission.workingDays),
    modality: text.modality[mission.modality],
    place: mission.modality === 'online' ? text.remote : [mission.city, country].filter(Boolean).join(text.comma),
    deliverables: context.deliverables.map((item) => `- ${item.replace(/\s*[\r\n]+\s*/g, ' ')}`).join('\n'),
    dsa_planned: dsaPlanned,
  };
}

/** The languages of the agreement: the reader's language, then French (French alone for a French reader). */
export function agreementLocales(language: Locale): Locale[] {
  return language === 'fr' ? ['fr'] : [language, 'fr'];
}

export interface RenderedAgreement {
  parts: { locale: Locale; text: string }[];
  /** SHA-256 (hex) of the parts: what the expert accepts. */
  sha256: string;
}

/**
 * The agreement in `language` and French. The fingerprint covers each part's language and text, in order, so any
 * change of template, mission fact or language gives another fingerprint.
 */
export function renderAgreement(facts: AgreementFacts, language: Locale, showAmounts = true): RenderedAgreement {
  const parts = agreementLocales(language).map((locale) => ({
    locale,
    text: fillTemplate(
      facts.templates[locale] ?? defaultTemplates[locale],
      placeholderValues(facts, locale, showAmounts),
    ),
  }));
  return { parts, sha256: agreementFingerprint(parts) };
}

/** SHA-256 (hex) of an agreement's parts: each part's language and text, in order. */
export function agreementFingerprint(parts: RenderedAgreement['parts']): string {
  return createHash('sha256')
    .update(JSON.stringify(parts.map((part) => [part.locale, part.text])))
    .digest('hex');
}
