import { eq, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Locale } from '../identity/schema.ts';
import { emailOutbox } from './schema.ts';
import { renderEmail, type TemplateName, type TemplateParams } from './templates.ts';

export interface OutgoingEmail<T extends TemplateName> {
  to: string;
  userId?: string | null;
  locale: Locale;
  template: T;
  params: TemplateParams[T];
  /** The clock of the job that queues it (scheduled mailers pass theirs); the database's clock when absent. */
  at?: Date;
}

/**
 * Queues an e-mail in the outbox, inside the caller's transaction: the message exists exactly when the change
 * that caused it was committed. The delivery worker sends it (or leaves it visible to admins without SMTP).
 */
export async function enqueueEmail<T extends TemplateName>(tx: Tx, email: OutgoingEmail<T>): Promise<string> {
  const { subject, text } = renderEmail(email.template, email.locale, email.params);
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      toAddress: email.to,
      toUserId: email.userId ?? null,
      locale: email.locale,
      template: email.template,
      subject,
      textBody: text,
      ...(email.at ? { createdAt: email.at, nextAttemptAt: email.at } : {}),
    })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

/** Deletes every message to a person (sent or not): their text holds the address and the name. */
export async function forgetRecipient(tx: Tx, userId: string, address: string): Promise<void> {
  await tx.delete(emailOutbox).where(or(eq(emailOutbox.toUserId, userId), eq(emailOutbox.toAddress, address)));
}
