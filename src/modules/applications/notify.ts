import type { Tx } from '../../db/client.ts';
import type { Locale } from '../identity/schema.ts';
import { enqueueEmail } from '../notifications/outbox.ts';
import { addNotice } from '../notifications/notices.ts';
import { recipient } from '../identity/recipients.ts';
import type { ApplicantTemplateParams } from './emails.ts';
import type { Call, CallRow } from './repository.ts';
import type { ApplicationStatus } from './schema.ts';

/** The call's title in the reader's language, French when it has none in theirs. */
export function callTitle(call: Pick<CallRow, 'titleFr' | 'titleAr' | 'titleEn'>, locale: Locale): string {
  if (locale === 'ar' && call.titleAr) return call.titleAr;
  if ((locale === 'en' || locale === 'nl') && call.titleEn) return call.titleEn;
  return call.titleFr;
}

const templateOf: Record<Exclude<ApplicationStatus, 'submitted'>, keyof ApplicantTemplateParams> = {
  under_review: 'application_under_review',
  shortlisted: 'application_shortlisted',
  selected: 'application_selected',
  not_selected: 'application_not_selected',
  withdrawn: 'application_withdrawn',
};

/**
 * Tells the applicant, by e-mail in their language and in the app, that their application is now `status` (or was
 * received, for `submitted`), and what happens next. `reason` is staff's explanation of a "not selected".
 */
export async function tellApplicant(
  tx: Tx,
  expertId: string,
  call: Call,
  status: ApplicationStatus,
  publicUrl: string,
  reason: string | null = null,
): Promise<void> {
  const to = await recipient(tx, expertId);
  if (!to) return;
  const base = {
    name: to.name,
    reference: call.row.reference,
    title: callTitle(call.row, to.locale),
    link: `${publicUrl}/my-applications`,
  };
  const email = { to: to.email, userId: to.userId, locale: to.locale };
  if (status === 'submitted') {
    const deadline = call.row.applicationDeadline;
    await enqueueEmail(tx, { ...email, template: 'application_received', params: { ...base, deadline } });
  } else if (status === 'not_selected') {
    await enqueueEmail(tx, {
      ...email,
      template: 'application_not_selected',
      params: { ...base, reason: reason ?? '' },
    });
  } else {
    await enqueueEmail(tx, { ...email, template: templateOf[status], params: base });
  }
  await addNotice(
    tx,
    expertId,
    `application.${status}`,
    { reference: call.row.reference, title: call.row.titleFr },
    '/my-applications',
  );
}
