import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Locale } from '../identity/schema.ts';
import { recordAudit } from '../audit/service.ts';
import { enqueueEmail } from '../notifications/outbox.ts';

/** A profile not confirmed for this long gets the yearly e-mail. */
export const reconfirmAfterMonths = 12;
/** Days after the e-mail before an unconfirmed profile is flagged stale for staff. */
export const staleAfterReminderDays = 30;

/** The audit action that records a reminder; its time is how the next run knows the expert was asked. */
export const reminderAction = 'expert.reconfirm_requested';

/**
 * When a reminder was sent, in the run's own clock (`now`), read from its audit event; the database's timestamp of
 * the event is the fallback.
 */
const remindedAt = sql.raw(`coalesce((a.changes -> 'remindedAt' ->> 'after')::timestamptz, a.at)`);

export interface StalenessRun {
  reminded: number;
  flagged: number;
}

/**
 * The yearly re-confirmation, run by the background worker (any node, any interval):
 * (a) e-mails each expert whose profile was last confirmed at least 12 months before `now` and who has not been
 *     asked since that confirmation nor in the last 12 months (one reminder per year of silence);
 * (b) flags stale the profiles still unconfirmed 30 days after that reminder.
 * Nothing is ever deleted; confirming (`POST /api/experts/me/confirm`) lifts the flag. A reminder is an audit event
 * (`expert.reconfirm_requested`) carrying the run's `now`, so the whole schedule follows the `now` given.
 * Experts who withdrew consent to processing, erased or disabled accounts are not written to.
 * Rows are claimed with SKIP LOCKED, so two nodes running it at once do not send twice.
 * @param publicUrl the address users reach the app at, for the link in the e-mail
 */
export async function remindAndFlagStaleProfiles(db: Db, now: Date, publicUrl: string): Promise<StalenessRun> {
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    // Flag first: a reminder sent in this run must not count as one sent 30 days ago.
    const flagged = rowsOf<{ user_id: string }>(
      await tx.execute(sql`
      update expert_profiles p set stale_since = ${at}::timestamptz
      where p.user_id in (
        select q.user_id from expert_profiles q
        where q.stale_since is null and q.erased_at is null
          and exists (select 1 from audit_events a
                      where a.action = ${reminderAction} and a.entity_id = q.user_id::text
                        and ${remindedAt} > q.confirmed_at
                        and ${remindedAt} <= ${at}::timestamptz - make_interval(days => ${staleAfterReminderDays}))
        for update of q skip locked)
      returning p.user_id`),
    );
    for (const { user_id } of flagged) {
      await recordAudit(tx, {
        actorId: null,
        action: 'expert.flagged_stale',
        entityType: 'expert_profile',
        entityId: user_id,
        changes: { stale: { before: false, after: true } },
      });
    }
    const due = rowsOf<{ user_id: string; email: string; name: string; locale: Locale }>(
      await tx.execute(sql`
      select p.user_id, u.email, u.name, u.locale
      from expert_profiles p join users u on u.id = p.user_id
      where p.erased_at is null and u.status = 'active'
        and p.confirmed_at <= ${at}::timestamptz - make_interval(months => ${reconfirmAfterMonths})
        and exists (select 1 from consents c
                    where c.user_id = p.user_id and c.purpose = 'processing' and c.withdrawn_at is null)
        and not exists (select 1 from audit_events a
                        where a.action = ${reminderAction} and a.entity_id = p.user_id::text
                          and ${remindedAt} > greatest(p.confirmed_at,
                                              ${at}::timestamptz - make_interval(months => ${reconfirmAfterMonths})))
      order by p.user_id
      for update of p skip locked`),
    );
    for (const expert of due) {
      await enqueueEmail(tx, {
        to: expert.email,
        userId: expert.user_id,
        locale: expert.locale,
        template: 'profile_reconfirm',
        params: { name: expert.name, link: `${publicUrl}/profile?confirm=1` },
      });
      await recordAudit(tx, {
        actorId: null,
        action: reminderAction,
        entityType: 'expert_profile',
        entityId: expert.user_id,
        changes: { remindedAt: { after: at } },
      });
    }

    return { reminded: due.length, flagged: flagged.length };
  });
}

/** `execute` answers rows directly on PGlite and as `{rows}` on node-postgres. */
function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}
