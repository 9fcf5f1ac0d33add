import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Tx } from '../../db/client.ts';
import { pruneRateLimitEvents } from '../identity/rate-limits.ts';
import { emailOutbox } from './schema.ts';
import { renderHtml } from './html.ts';

/** After this many failed attempts a message is marked failed and shown to admins for a manual retry. */
export const maxAttempts = 8;
/** A claimed message is leased this long: if the node dies mid-send, another node picks it up after. */
export const leaseMs = 5 * 60 * 1000;
/** Messages claimed per pass. */
const batchSize = 20;
/**
 * Longest one SMTP exchange may take (the transport's timeouts below). A message is only sent while at least
 * this much of the lease remains: sending it later could overlap another worker that has claimed it again.
 */
const sendBudgetMs = 2 * 60 * 1000;
const smtpTimeouts = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
/** The smallest UUID, the start of the log cursor's tie-breaker. */
const nilUuid = '00000000-0000-0000-0000-000000000000';

/**
 * Wait before retry n (1-based): 1 min, 2, 4… capped at 6 hours.
 * @param attempt how many attempts have failed so far (1 after the first failure)
 */
export function backoffMs(attempt: number): number {
  return Math.min(60_000 * 2 ** (attempt - 1), 6 * 60 * 60 * 1000);
}

export interface DeliveryOptions {
  db: Db;
  smtpUrl: string | undefined;
  mailFrom: string;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** The worker's clock; tests move it forward instead of waiting for a backoff to elapse. */
  now?: () => Date;
}

/**
 * Sends what is due in the outbox. Messages are claimed with SKIP LOCKED and a lease, then sent outside any
 * transaction (an SMTP exchange must not hold the database). Without SMTP, new messages are written to the
 * log and stay pending in the outbox page: nothing is dropped.
 */
export class OutboxDelivery {
  private transport: Transporter | undefined;
  /** Log cursor (created_at to the millisecond, then id): each unsent message is logged once per worker. */
  private loggedUntil = { at: new Date(0), id: nilUuid };
  private readonly now: () => Date;

  constructor(private readonly options: DeliveryOptions) {
    // Timeouts bound each exchange (nodemailer's defaults allow minutes); settings in the URL still win.
    if (options.smtpUrl) this.transport = nodemailer.createTransport({ ...smtpTimeouts, url: options.smtpUrl });
    this.now = options.now ?? (() => new Date());
  }

  /** One pass; returns how many messages were sent. */
  async runOnce(): Promise<number> {
    if (!this.transport) {
      await this.logUnsent();
      return 0;
    }
    const claimedAt = this.now();
    const claimed = await this.claimDue(claimedAt);
    const leaseEnd = claimedAt.getTime() + leaseMs;
    let sent = 0;
    for (const [index, message] of claimed.entries()) {
      if (this.now().getTime() > leaseEnd - sendBudgetMs) {
        // A slow relay ate the lease: hand the rest back now rather than risk a second worker sending them too.
        await this.release(
          claimed.slice(index).map((rest) => rest.id),
          new Date(leaseEnd),
        );
        break;
      }
      if (await this.send(this.transport, message)) sent++;
    }
    return sent;
  }

  /** Makes leased messages due again, unless the lease already ran out and another worker holds them. */
  private async release(ids: string[], leasedUntil: Date): Promise<void> {
    await this.options.db
      .update(emailOutbox)
      .set({ nextAttemptAt: this.now() })
      .where(
        and(
          inArray(emailOutbox.id, ids),
          eq(emailOutbox.status, 'pending'),
          eq(emailOutbox.nextAttemptAt, leasedUntil),
        ),
      );
  }

  /**
   * Leases the due messages to this worker in one short transaction. SKIP LOCKED makes a concurrent worker
   * take other rows instead of waiting, and the pushed-back next_attempt_at keeps them out of its next query.
   */
  private async claimDue(now: Date) {
    return this.options.db.transaction(async (tx) => {
      const ids = tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, now)))
        .orderBy(asc(emailOutbox.nextAttemptAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      return tx
        .update(emailOutbox)
        .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
        .where(inArray(emailOutbox.id, ids))
        .returning();
    });
  }

  private async send(transport: Transporter, message: typeof emailOutbox.$inferSelect): Promise<boolean> {
    const { db } = this.options;
    const attempts = message.attempts + 1;
    try {
      await transport.sendMail({
        from: this.options.mailFrom,
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        // The HTML part carries lang and dir, so that Arabic is laid out right to left by every client.
        html: renderHtml(message.textBody, message.locale),
        headers: { 'Content-Language': message.locale, 'X-Passerelle-Template': message.template },
      });
    } catch (error) {
      const failed = attempts >= maxAttempts;
      await db
        .update(emailOutbox)
        .set({
          attempts,
          status: failed ? 'failed' : 'pending',
          nextAttemptAt: new Date(this.now().getTime() + backoffMs(attempts)),
          lastError: String((error as Error).message ?? error).slice(0, 1000),
        })
        .where(eq(emailOutbox.id, message.id));
      const log = failed ? this.options.logger.error : this.options.logger.warn;
      log.call(this.options.logger, { messageId: message.id, attempts, failed }, 'e-mail not delivered');
      return false;
    }
    await db
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: this.now(), attempts, lastError: null })
      .where(eq(emailOutbox.id, message.id));
    return true;
  }

  /**
   * Without SMTP, writes each pending message to the log once. The cursor compares created_at truncated to
   * the millisecond (what a JavaScript Date holds) and breaks ties by id, so that a message is neither logged
   * again on every pass nor skipped when several share a timestamp (one transaction, one now()).
   */
  private async logUnsent(): Promise<void> {
    const createdMs = sql`date_trunc('milliseconds', ${emailOutbox.createdAt})`;
    const { at, id } = this.loggedUntil;
    const fresh = await this.options.db
      .select()
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.status, 'pending'),
          sql`(${createdMs}, ${emailOutbox.id}) > (${at.toISOString()}::timestamptz, ${id}::uuid)`,
        ),
      )
      .orderBy(createdMs, asc(emailOutbox.id))
      .limit(100);
    for (const message of fresh) {
      this.options.logger.info(
        {
          messageId: message.id,
          to: message.toAddress,
          subject: message.subject,
          template: message.template,
          body: message.textBody,
        },
        'e-mail kept in the outbox (no SMTP_URL set)',
      );
      this.loggedUntil = { at: message.createdAt, id: message.id };
    }
  }

  /** Runs passes every `intervalMs` until the returned stop function is called. */
  start(intervalMs = 2_000): () => Promise<void> {
    let stopped = false;
    let running: Promise<unknown> = Promise.resolve();
    let lastPrune = 0;
    const tick = async () => {
      try {
        await this.runOnce();
        if (Date.now() - lastPrune > 10 * 60 * 1000) {
          lastPrune = Date.now();
          await pruneRateLimitEvents(this.options.db);
        }
      } catch (error) {
        this.options.logger.error({ err: error }, 'outbox pass failed');
      }
    };
    const timer = setInterval(() => {
      if (!stopped) running = running.then(tick);
    }, intervalMs);
    running = tick();
    return async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      this.transport?.close();
    };
  }
}

/**
 * Puts a failed message back in the queue, due now. Pending messages are left alone: one may be leased to a
 * worker in the middle of its SMTP exchange, and making it due again would let a second worker send it too.
 * @returns false when there is no failed message with this id
 */
export async function retryMessage(db: Tx, id: string): Promise<boolean> {
  const rows = await db
    .update(emailOutbox)
    .set({ status: 'pending', nextAttemptAt: sql`now()` })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'failed')))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}
