/**
 * The agreement as accepted, kept word for word in `missions.agreement_text`: once the expert accepts, what they
 * signed is read from there, so a later template edit or a changed allowance never changes it.
 */
import { locales, type Locale } from '../../identity/schema.ts';
import { agreementFingerprint, renderAgreement, type AgreementFacts, type RenderedAgreement } from './render.ts';

/**
 * What `agreement_text` holds (JSON): `parts`, the text the expert accepted (its fingerprint is the mission's
 * `agreement_sha256`), and `withoutAmounts`, the same text at the same moment as readers who do not see the
 * mission's costs (the host) read it. The second is kept too because the host may read the accepted agreement but
 * not the allowance, and the allowance sentence cannot be taken out of the kept text afterwards.
 */
interface KeptAgreement {
  parts: RenderedAgreement['parts'];
  withoutAmounts: RenderedAgreement['parts'];
}

/** The agreement in `language` as the expert accepts it now, with what `agreement_text` keeps of it. */
export function agreementToKeep(facts: AgreementFacts, language: Locale) {
  const accepted = renderAgreement(facts, language);
  const kept: KeptAgreement = {
    parts: accepted.parts,
    withoutAmounts: renderAgreement(facts, language, false).parts,
  };
  return { sha256: accepted.sha256, text: JSON.stringify(kept) };
}

const isPart = (value: unknown): value is { locale: Locale; text: string } =>
  typeof value === 'object' &&
  value !== null &&
  (locales as readonly unknown[]).includes((value as { locale?: unknown }).locale) &&
  typeof (value as { text?: unknown }).text === 'string';

/**
 * The accepted agreement as a reader sees it: with the allowance (`showAmounts`) or without it. Null when no text
 * was kept (an acceptance older than the kept text) or it cannot be read: the caller renders it from the template.
 */
export function keptAgreement(text: string | null, showAmounts: boolean): RenderedAgreement | null {
  if (!text) return null;
  let kept: Partial<KeptAgreement>;
  try {
    kept = JSON.parse(text) as Partial<KeptAgreement>;
  } catch {
    return null;
  }
  const parts = showAmounts ? kept.parts : kept.withoutAmounts;
  if (!Array.isArray(parts) || !parts.length || !parts.every(isPart)) return null;
  const clean = parts.map((part) => ({ locale: part.locale, text: part.text }));
  return { parts: clean, sha256: agreementFingerprint(clean) };
}
