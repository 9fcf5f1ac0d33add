/**
 * The mission agreement: reading it (as text with its fingerprint, or as PDF), the expert accepting it, and the
 * programmes' templates.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../authz/actor.ts';
import { authorize, can } from '../../../authz/policy.ts';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { recipient } from '../../identity/recipients.ts';
import { locales, type Locale } from '../../identity/schema.ts';
import { findProgramme } from '../../programmes/service.ts';
import { transitionMission, type MissionMeta } from '../lifecycle.ts';
import { missionPolicy } from '../policy.ts';
import { requireMission, type MissionRow } from '../repository.ts';
import { agreementTemplates, missions } from '../schema.ts';
import { agreementToKeep, keptAgreement } from './accepted.ts';
import { defaultTemplates } from './defaults.ts';
import { placeholders, unknownPlaceholders } from './placeholders.ts';
import { agreementFacts, renderAgreement, type AgreementFacts, type RenderedAgreement } from './render.ts';

/**
 * The mission, if the actor may read it (else `not_found`), and its agreement: once accepted, the text the expert
 * accepted, word for word, in the language they accepted it in (`language` is then not used); before, rendered now
 * from the template in `language` (default: the expert's).
 */
export async function readAgreement(tx: Tx, actor: Actor, missionId: string, language?: Locale) {
  const mission = await requireMission(tx, missionId);
  authorize(actor, missionPolicy, 'mission.read', mission, { hideExistence: true });
  const facts = await agreementFacts(tx, mission);
  const showAmounts = can(actor, missionPolicy, 'mission.costs.read', mission);
  const kept = mission.agreementAcceptedAt ? keptAgreement(mission.agreementText, showAmounts) : null;
  if (kept) {
    const accepted = (mission.agreementLanguage as Locale | null) ?? kept.parts[0]!.locale;
    return { mission, facts, language: accepted, showAmounts, textAccepted: true, rendered: kept };
  }
  const reading = language ?? facts.context.expertLocale;
  const rendered = renderAgreement(facts, reading, showAmounts);
  return { mission, facts, language: reading, showAmounts, textAccepted: false, rendered };
}

/** What `GET /missions/{id}/agreement` answers. */
export async function presentAgreement(
  tx: Tx,
  actor: Actor,
  reading: {
    mission: MissionRow;
    facts: AgreementFacts;
    language: Locale;
    showAmounts: boolean;
    textAccepted: boolean;
  },
  rendered: RenderedAgreement,
) {
  const { mission, facts } = reading;
  let accepted = null;
  if (mission.agreementAcceptedAt) {
    const by = mission.agreementAcceptedBy ? await recipient(tx, mission.agreementAcceptedBy) : undefined;
    // Compared with the text in the language accepted, amounts shown: what the expert saw.
    const current = renderAgreement(facts, (mission.agreementLanguage as Locale | null) ?? facts.context.expertLocale);
    accepted = {
      at: mission.agreementAcceptedAt.toISOString(),
      by: by ? { id: mission.agreementAcceptedBy!, name: by.name } : null,
      language: mission.agreementLanguage,
      sha256: mission.agreementSha256,
      matchesCurrent: current.sha256 === mission.agreementSha256,
    };
  }
  return {
    missionId: mission.id,
    reference: mission.reference,
    state: mission.state,
    version: mission.version,
    expertLanguage: facts.context.expertLocale,
    language: reading.language,
    parts: rendered.parts,
    sha256: rendered.sha256,
    amountsHidden: !reading.showAmounts,
    textAccepted: reading.textAccepted,
    accepted,
    canAccept: mission.state === 'planned' && can(actor, missionPolicy, 'mission.agreement.accept', mission),
  };
}

export interface AcceptInput {
  version: number;
  sha256: string;
  language?: Locale | undefined;
}

/**
 * The expert accepts the agreement they read: the fingerprint must be that of the text as it stands now (409
 * `agreement_changed` otherwise, nothing written), then who, when, the language, the text word for word and its
 * fingerprint are kept (one transaction with the move) and the mission moves to `agreed` (which needs it `planned`: `illegal_transition` otherwise).
 */
export async function acceptAgreement(
  tx: Tx,
  actor: Actor,
  missionId: string,
  input: AcceptInput,
  meta: MissionMeta,
): Promise<MissionRow> {
  const mission = await requireMission(tx, missionId, true);
  authorize(actor, missionPolicy, 'mission.read', mission, { hideExistence: true });
  authorize(actor, missionPolicy, 'mission.agreement.accept', mission);
  if (input.version !== mission.version) {
    throw new AppError('version_conflict', 'The mission changed since you read it', undefined, {
      currentVersion: mission.version,
    });
  }
  if (mission.state !== 'planned') {
    throw new AppError('illegal_transition', `A mission cannot go from ${mission.state} to agreed`, undefined, {
      from: mission.state,
      to: 'agreed',
    });
  }
  const facts = await agreementFacts(tx, mission);
  const language = input.language ?? facts.context.expertLocale;
  const { sha256, text } = agreementToKeep(facts, language);
  if (sha256 !== input.sha256) {
    throw new AppError('agreement_changed', 'The agreement changed since you read it: read it again', undefined, {
      sha256,
    });
  }
  await tx
    .update(missions)
    .set({
      agreementLanguage: language,
      agreementText: text,
      agreementSha256: sha256,
      agreementAcceptedAt: meta.now,
      agreementAcceptedBy: actor.userId,
      updatedAt: meta.now,
    })
    .where(eq(missions.id, mission.id));
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'mission.agreement_accepted',
    entityType: 'mission',
    entityId: mission.id,
    changes: {
      agreementAcceptedAt: { after: meta.now.toISOString() },
      agreementAcceptedBy: { after: actor.userId },
      agreementLanguage: { after: language },
      agreementSha256: { after: sha256 },
    },
    ip: meta.ip,
  });
  return transitionMission(tx, null, mission.id, 'agreed', { version: input.version, meta, onBehalfOf: actor.userId });
}

async function requireProgramme(tx: Tx, programmeId: string) {
  const programme = await findProgramme(tx, programmeId);
  if (!programme) throw new AppError('not_found', 'No such programme');
  return programme;
}

/** A programme's template of each language (the built-in one where it has none) and the placeholders. */
export async function listTemplates(tx: Tx, programmeId: string) {
  await requireProgramme(tx, programmeId);
  const rows = await tx.select().from(agreementTemplates).where(eq(agreementTemplates.programmeId, programmeId));
  const templates = [];
  for (const locale of locales) {
    const row = rows.find((candidate) => candidate.locale === locale);
    const editor = row?.updatedBy ? await recipient(tx, row.updatedBy) : undefined;
    templates.push({
      locale,
      body: row?.body ?? defaultTemplates[locale],
      builtIn: !row,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      updatedBy: row?.updatedBy && editor ? { id: row.updatedBy, name: editor.name } : null,
    });
  }
  return {
    programmeId,
    templates,
    placeholders: Object.entries(placeholders).map(([name, description]) => ({ name, description })),
  };
}

/**
 * Writes a programme's template of one language, audited with the text before and after. A placeholder that is
 * not in the list is refused (422 `template_unknown_placeholder`, `details.unknown` naming each).
 */
export async function saveTemplate(
  tx: Tx,
  programmeId: string,
  locale: Locale,
  body: string,
  meta: { actorId: string; ip: string; now: Date },
): Promise<void> {
  await requireProgramme(tx, programmeId);
  const unknown = unknownPlaceholders(body);
  if (unknown.length) {
    const message = `Unknown placeholders: ${unknown.map((name) => `{{${name}}}`).join(', ')}`;
    throw new AppError('template_unknown_placeholder', message, [{ path: 'body', code: 'invalid_value', message }], {
      unknown,
      known: Object.keys(placeholders),
    });
  }
  const where = and(eq(agreementTemplates.programmeId, programmeId), eq(agreementTemplates.locale, locale));
  const [before] = await tx.select().from(agreementTemplates).where(where).for('update');
  const values = { body, updatedBy: meta.actorId, updatedAt: meta.now };
  await tx
    .insert(agreementTemplates)
    .values({ programmeId, locale, ...values })
    .onConflictDoUpdate({ target: [agreementTemplates.programmeId, agreementTemplates.locale], set: values });
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'agreement_template.updated',
    entityType: 'programme',
    entityId: programmeId,
    changes: { locale: { after: locale }, body: { before: before?.body ?? null, after: body } },
    ip: meta.ip,
  });
}
