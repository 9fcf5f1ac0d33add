import type { Actor } from '../../authz/actor.ts';
import { allowedActions } from '../../authz/policy.ts';
import type { Tx } from '../../db/client.ts';
import type { Locale } from '../identity/schema.ts';
import { contextOf, hostIn, titleIn, userNames, type MissionContext } from './context.ts';
import { legalMoves } from './lifecycle.ts';
import { mayTick, missionPolicy } from './policy.ts';
import { checklistOf, historyOf, type MissionRow } from './repository.ts';
import type { MissionState } from './schema.ts';

/** One line of a list of missions, in the reader's language. */
export function presentSummary(mission: MissionRow, context: MissionContext, locale: Locale) {
  return {
    id: mission.id,
    reference: mission.reference,
    state: mission.state,
    modality: mission.modality,
    startsOn: mission.startsOn,
    endsOn: mission.endsOn,
    workingDays: mission.workingDays,
    tor: { id: mission.assignmentId, reference: context.torReference, title: titleIn(context, locale) },
    host: { id: mission.institutionId, name: hostIn(context, locale) },
    expert: { id: mission.expertId, name: context.expertName },
    followUpOf: mission.followUpOf,
  };
}

/** Moves the reader may ask for: organisers only, and never `agreed` (the expert's acceptance makes it). */
function movesFor(actor: Actor, mission: MissionRow): MissionState[] {
  if (!allowedActions(actor, missionPolicy, mission).includes('mission.manage')) return [];
  return legalMoves[mission.state].filter((to) => to !== 'agreed');
}

/** A mission with its history and what the reader may do with it. */
export async function presentMission(tx: Tx, mission: MissionRow, actor: Actor, locale: Locale) {
  const context = await contextOf(tx, mission);
  const history = await historyOf(tx, mission.id);
  const names = await userNames(
    tx,
    history.map((event) => event.actorId),
  );
  return {
    ...presentSummary(mission, context, locale),
    version: mission.version,
    torWindow: context.torWindow,
    programmeId: mission.programmeId,
    applicationId: mission.applicationId,
    country: mission.country,
    city: mission.city,
    hostContact: {
      name: mission.hostContactName,
      email: mission.hostContactEmail,
      phone: mission.hostContactPhone,
    },
    followUpKind: mission.followUpKind,
    agreement: {
      acceptedAt: mission.agreementAcceptedAt?.toISOString() ?? null,
      language: mission.agreementLanguage,
      sha256: mission.agreementSha256,
    },
    cancelReason: mission.cancelReason,
    closedAt: mission.closedAt?.toISOString() ?? null,
    history: history.map((event) => ({
      from: event.fromState,
      to: event.toState,
      reason: event.reason,
      at: event.at.toISOString(),
      actor: event.actorId ? { id: event.actorId, name: names.get(event.actorId) ?? '' } : null,
    })),
    moves: movesFor(actor, mission),
    actions: allowedActions(actor, missionPolicy, mission),
  };
}

/** A mission's checklist as the reader sees it: which items they may tick, which are overdue. */
export async function presentChecklist(tx: Tx, mission: MissionRow, actor: Actor, today: string) {
  const items = await checklistOf(tx, mission.id);
  const names = await userNames(
    tx,
    items.map((item) => item.doneBy),
  );
  const open = (item: (typeof items)[number]) => item.doneAt === null && !item.notApplicable;
  return {
    missionId: mission.id,
    state: mission.state,
    version: mission.version,
    complete: items.every((item) => !open(item)),
    items: items.map((item) => ({
      id: item.id,
      key: item.key,
      label: item.label,
      owner: item.owner,
      dueOn: item.dueOn,
      mandatory: item.mandatory,
      notApplicable: item.notApplicable,
      doneAt: item.doneAt?.toISOString() ?? null,
      doneBy: item.doneBy ? { id: item.doneBy, name: names.get(item.doneBy) ?? '' } : null,
      note: item.note,
      canTick: mayTick(actor, mission, item.owner),
      overdue: open(item) && item.dueOn !== null && item.dueOn < today,
    })),
  };
}
