import { and, eq, isNull, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { roleAssignments, users, type Locale } from '../identity/schema.ts';
import { institutions } from '../institutions/schema.ts';
import { enqueueEmail } from '../notifications/outbox.ts';
import { inAppNotifications } from '../notifications/schema.ts';
import type { AssignmentRow } from './repository.ts';
import type { AssignmentState } from './schema.ts';

interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: Locale;
}

const templateOf = {
  submitted: 'assignment_submitted',
  returned: 'assignment_returned',
  approved: 'assignment_approved',
  published: 'assignment_published',
  cancelled: 'assignment_cancelled',
} as const;

/** The programme officers of the ToR's programme (or of every programme), active accounts only. */
async function programmeOfficers(tx: Tx, programmeId: string): Promise<Recipient[]> {
  return tx
    .selectDistinct({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.role, 'programme_officer'),
        or(isNull(roleAssignments.programmeId), eq(roleAssignments.programmeId, programmeId)),
        eq(users.status, 'active'),
      ),
    );
}

/** The institution's focal points, active accounts only. */
async function focalPoints(tx: Tx, institutionId: string): Promise<Recipient[]> {
  return tx
    .selectDistinct({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.role, 'focal_point'),
        eq(roleAssignments.institutionId, institutionId),
        eq(users.status, 'active'),
      ),
    );
}

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
  const template = templateOf[to as keyof typeof templateOf];
  const recipients =
    to === 'submitted' ? await programmeOfficers(tx, row.programmeId) : await focalPoints(tx, row.institutionId);
  if (!recipients.length) return;
  const [institution] = await tx
    .select({ nameFr: institutions.nameFr })
    .from(institutions)
    .where(eq(institutions.id, row.institutionId));
  const path = `/assignments/${row.id}`;
  for (const person of recipients) {
    await enqueueEmail(tx, {
      to: person.email,
      userId: person.id,
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
  await tx.insert(inAppNotifications).values(
    recipients.map((person) => ({
      userId: person.id,
      kind: template,
      params: { reference: row.reference, title: row.titleFr },
      link: path,
    })),
  );
}
