import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recipientsWithRole } from '../identity/recipients.ts';
import { institutions } from '../institutions/schema.ts';
import { addNotices } from '../notifications/notices.ts';
import { enqueueEmail } from '../notifications/outbox.ts';
import type { AssignmentRow } from './repository.ts';
import type { AssignmentState } from './schema.ts';

const templateOf = {
  submitted: 'assignment_submitted',
  returned: 'assignment_returned',
  approved: 'assignment_approved',
  published: 'assignment_published',
  cancelled: 'assignment_cancelled',
} as const;

/**
 * Tells the people concerned that a ToR moved, in their own language, in the transaction of the move: a
 * submission goes to the programme officers; a return (with its comments), an approval, a publication or a
 * cancellation goes to the institution's focal points. Each also gets an in-app notice linking to the ToR.
 * Closing, filling and completing tell nobody here (the applications module writes to applicants).
 */
export async function notifyTransition(
  tx: Tx,
  row: AssignmentRow,
  to: AssignmentState,
  comment: string | null,
  publicUrl: string,
): Promise<void> {
  if (!(to in templateOf)) return;
  const move = to as keyof typeof templateOf;
  const template = templateOf[move];
  const recipients =
    to === 'submitted'
      ? await recipientsWithRole(tx, 'programme_officer', { programmeId: row.programmeId })
      : await recipientsWithRole(tx, 'focal_point', { institutionId: row.institutionId });
  if (!recipients.length) return;
  const [institution] = await tx
    .select({ nameFr: institutions.nameFr })
    .from(institutions)
    .where(eq(institutions.id, row.institutionId));
  const path = `/assignments/${row.id}`;
  for (const person of recipients) {
    await enqueueEmail(tx, {
      to: person.email,
      userId: person.userId,
      locale: person.locale,
      template,
      params: {
        name: person.name,
        reference: row.reference,
        title: row.titleFr,
        institution: institution?.nameFr ?? '',
        comment: comment ?? '',
        link: `${publicUrl}${path}`,
      },
    });
  }
  await addNotices(
    tx,
    recipients.map((person) => person.userId),
    `assignment.${move}`,
    { reference: row.reference, title: row.titleFr },
    path,
  );
}
