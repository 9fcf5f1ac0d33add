/**
 * Telling people about a mission: the expert, and the host's focal points, in their language, by e-mail where
 * they have something to do next, and in the app for every move.
 */
import type { Tx } from '../../db/client.ts';
import { recipientsWithRole, type Recipient } from '../identity/recipients.ts';
import { enqueueEmail } from '../notifications/outbox.ts';
import { addNotices, type NoticeKind } from '../notifications/notices.ts';
import { contextOf, hostIn, titleIn, type MissionContext } from './context.ts';
import type { MissionMeta } from './lifecycle.ts';
import type { MissionRow } from './repository.ts';
import type { MissionState } from './schema.ts';

function paramsFor(mission: MissionRow, context: MissionContext, reader: Recipient, meta: MissionMeta) {
  return {
    name: reader.name,
    reference: mission.reference,
    title: titleIn(context, reader.locale),
    host: hostIn(context, reader.locale),
    startsOn: mission.startsOn,
    endsOn: mission.endsOn,
    link: `${meta.publicUrl}/missions/${mission.id}`,
  };
}

/** The expert as a recipient (from the context), and the host's focal points. */
async function peopleOf(tx: Tx, mission: MissionRow, context: MissionContext) {
  const expert: Recipient = {
    userId: mission.expertId,
    email: context.expertEmail,
    name: context.expertName,
    locale: context.expertLocale,
  };
  const hosts = await recipientsWithRole(tx, 'focal_point', { institutionId: mission.institutionId });
  return { expert, hosts };
}

/** A new mission: the expert is asked to accept the agreement; the host's focal points prepare the invitation. */
export async function tellPlanned(tx: Tx, mission: MissionRow, meta: MissionMeta): Promise<void> {
  const context = await contextOf(tx, mission);
  const { expert, hosts } = await peopleOf(tx, mission, context);
  const email = (to: Recipient) => ({ to: to.email, userId: to.userId, locale: to.locale });
  await enqueueEmail(tx, {
    ...email(expert),
    template: 'mission_planned',
    params: paramsFor(mission, context, expert, meta),
  });
  for (const host of hosts) {
    await enqueueEmail(tx, {
      ...email(host),
      template: 'mission_planned_host',
      params: { ...paramsFor(mission, context, host, meta), expert: context.expertName },
    });
  }
  await notice(tx, mission, context, [expert, ...hosts], 'mission.planned');
}

async function notice(tx: Tx, mission: MissionRow, context: MissionContext, to: Recipient[], kind: NoticeKind) {
  await addNotices(
    tx,
    to.map((person) => person.userId),
    kind,
    { reference: mission.reference, title: context.titles.fr },
    `/missions/${mission.id}`,
  );
}

/**
 * After a move: a notice to the expert and the host's focal points; e-mails where someone must act (the host
 * evaluates when reporting starts) or must know at once (a cancellation, with its reason).
 */
export async function tellAboutMove(
  tx: Tx,
  mission: MissionRow,
  _from: MissionState,
  to: MissionState,
  meta: MissionMeta,
): Promise<void> {
  const context = await contextOf(tx, mission);
  const { expert, hosts } = await peopleOf(tx, mission, context);
  const email = (person: Recipient) => ({ to: person.email, userId: person.userId, locale: person.locale });
  if (to === 'cancelled') {
    for (const person of [expert, ...hosts]) {
      await enqueueEmail(tx, {
        ...email(person),
        template: 'mission_cancelled',
        params: { ...paramsFor(mission, context, person, meta), reason: mission.cancelReason ?? '' },
      });
    }
  }
  if (to === 'reporting') {
    for (const host of hosts) {
      await enqueueEmail(tx, {
        ...email(host),
        template: 'mission_evaluation_due',
        params: { ...paramsFor(mission, context, host, meta), expert: context.expertName },
      });
    }
  }
  if (to !== 'planned') await notice(tx, mission, context, [expert, ...hosts], `mission.${to}`);
}

/**
 * New dates: the expert is asked to accept the agreement again (it states the dates), the host's focal points to
 * adjust the invitation; both get a notice.
 */
export async function tellRescheduled(
  tx: Tx,
  mission: MissionRow,
  previous: MissionRow,
  change: { reason: string },
  meta: MissionMeta,
): Promise<void> {
  const context = await contextOf(tx, mission);
  const { expert, hosts } = await peopleOf(tx, mission, context);
  const email = (to: Recipient) => ({ to: to.email, userId: to.userId, locale: to.locale });
  const rescheduled = { previousStartsOn: previous.startsOn, previousEndsOn: previous.endsOn, reason: change.reason };
  await enqueueEmail(tx, {
    ...email(expert),
    template: 'mission_rescheduled',
    params: { ...paramsFor(mission, context, expert, meta), ...rescheduled },
  });
  for (const host of hosts) {
    await enqueueEmail(tx, {
      ...email(host),
      template: 'mission_rescheduled_host',
      params: { ...paramsFor(mission, context, host, meta), ...rescheduled, expert: context.expertName },
    });
  }
  await addNotices(
    tx,
    [expert, ...hosts].map((person) => person.userId),
    'mission.rescheduled',
    { reference: mission.reference, title: context.titles.fr, startsOn: mission.startsOn, endsOn: mission.endsOn },
    `/missions/${mission.id}`,
  );
}
