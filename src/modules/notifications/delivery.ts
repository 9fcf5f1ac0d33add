import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Tx } from '../../db/client.ts';
import { pruneRateLimitEvents } from '../identity/rate-limits.ts';
import { emailOutbox } from './schema.ts';

/** After this many failed attempts a message is marked failed and shown to admins for a manual retry. */
export const maxAttempts = 8;
/** A claimed message is leased this long: if the node dies mid-send, another node picks it up after. */
const leaseMs = 5 * 60 * 1000;

/** Wait before retry n (1-based): 1 min, 2, 4… capped at 6 hours. */
export function backoffMs(attempt: number): number {
  return Math.min(60_000 * 2 ** (attempt - 1), 6 * 60 * 60 * 1000);
}

export interface DeliveryOptions {
  db: Db;
  smtpUrl: string | undefined;
  mailFrom: string;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/**
 * Sends what is due in the outbox. Messages are claimed with SKIP LOCKED and a lease, then sent outside any
 * transaction (an SMTP exchange must not hold the database). Without SMTP, new messages are written to the
 * log and stay pending in the outbox page: nothing is dropped.
 */
export class OutboxDelivery {
  private transport: Transporter | undefined;
  private loggedUntil = new Date(0);

  constructor(private readonly options: DeliveryOptions) {
    if (options.smtpUrl) this.transport = nodemailer.createTransport(options.smtpUrl);
  }

  /** One pass; returns how many messages were sent. */
  async runOnce(): Promise<number> {
    const { db } = this.options;
    if (!this.transport) {
      await this.logUnsent();
      return 0;
    }
    const due = await db.transaction(async (tx) => {
      const ids = tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, new Date())))
        .orderBy(asc(emailOutbox.nextAttemptAt))
        .limit(20)
        .for('update', { skipLocked: true });
      return tx
        .update(emailOutbox)
        .set({ nextAttemptAt: new Date(Date.now() + leaseMs) })
        .where(inArray(emailOutbox.id, ids))
        .returning();
    });
    let sent = 0;
    for (const message of due) {
      try {
        await this.transport.sendMail({
          from: this.options.mailFrom,
          to: message.toAddress,
          subject: message.subject,
          text: message.textBody,
          headers: { 'Content-Language': message.locale, 'X-Passerelle-Template': message.template },
        });
        await db
          .update(emailOutbox)
          .set({ status: 'sent', sentAt: new Date(), attempts: message.attempts + 1, lastError: null })
          .where(eq(emailOutbox.id, message.id));
        sent++;
      } catch (error) {
        const attempts = message.attempts + 1;
        const failed = attempts >= maxAttempts;
        await db
          .update(emailOutbox)
          .set({
            attempts,
            status: failed ? 'failed' : 'pending',
            nextAttemptAt: new Date(Date.now() + backoffMs(attempts)),
            lastError: String((error as Error).message ?? error).slice(0, 1000),
          })
          .where(eq(emailOutbox.id, message.id));
        this.options.logger.warn({ messageId: message.id, attempts, failed }, 'e-mail not delivered');
      }
    }
    return sent;
  }

  private async logUnsent(): Promise<void> {
    const fresh = await this.options.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'pending'), gt(emailOutbox.createdAt, this.loggedUntil)))
      .orderBy(asc(emailOutbox.createdAt))
      .limit(100);
    for (const message of fresh) {
      this.options.logger.info(
        { to: message.toAddress, subject: message.subject, template: message.template, body: message.textBody },
        'e-mail kept in the outbox (no SMTP_URL set)',
      );
      this.loggedUntil = message.createdAt;
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

/** Puts a failed message back in the queue, now. */
export async function retryMessage(db: Tx, id: string): Promise<boolean> {
  const rows = await db
    .update(emailOutbox)
    .set({ status: 'pending', nextAttemptAt: sql`now()` })
    .where(and(eq(emailOutbox.id, id), inArray(emailOutbox.status, ['failed', 'pending'])))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}
