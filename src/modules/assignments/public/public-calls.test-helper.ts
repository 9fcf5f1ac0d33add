// Fixtures for the public-call tests: calls written straight into the database (see test/helpers/assignments.ts),
// with private things attached to them that no public answer may ever show.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { insertAssignment } from '../../../../test/helpers/assignments.ts';
import { applications } from '../../applications/schema.ts';
import { institutions } from '../../institutions/schema.ts';
import { users } from '../../identity/schema.ts';
import { assignmentAttachments, assignments, assignmentTransitions } from '../schema.ts';

/** Strings set on private fields of the fixtures: any of them in a public answer is a leak. */
export const secrets = {
  returnComment: 'SECRET-RETURN-COMMENT-walrus',
  criterion: 'SECRET-CRITERION-narwhal',
  needStatement: 'SECRET-NEED-STATEMENT-okapi',
  motivation: 'SECRET-MOTIVATION-axolotl',
  screeningNote: 'SECRET-SCREENING-NOTE-quokka',
  privateAnnex: 'SECRET-ANNEX-pangolin.pdf',
  draftTitle: 'SECRET-DRAFT-TITLE-tapir',
  focalPointEmail: 'focal.point@passerelle.example',
  expertEmail: 'expert@passerelle.example',
};

/** A minimal PDF's bytes: the public download must hand back exactly these. */
export const pdfBytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function userId(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no demo user ${email}`);
  return row.id;
}

/** A partner institution abroad, to filter calls by the institution's country. */
export async function insertDutchInstitution(db: Db): Promise<string> {
  const [row] = await db
    .insert(institutions)
    .values({
      kind: 'partner',
      type: 'hospital',
      nameFr: 'Hôpital partenaire',
      nameEn: 'Partner hospital',
      country: 'NL',
    })
    .returning({ id: institutions.id });
  return row!.id;
}

/**
 * Puts every private thing on call `id`: the focal point as author, a need statement, a screening grid, a return
 * comment, an internal annex, and an application with its motivation and screening note. Also adds one public
 * attachment and returns its id.
 */
export async function attachPrivateThings(db: Db, id: string): Promise<{ publicAttachmentId: string }> {
  const focal = await userId(db, secrets.focalPointEmail);
  const expert = await userId(db, secrets.expertEmail);
  await db
    .update(assignments)
    .set({
      createdBy: focal,
      needStatement: secrets.needStatement,
      scoringCriteria: [{ id: 'c1', label: secrets.criterion, weight: 100 }],
    })
    .where(eq(assignments.id, id));
  await db
    .insert(assignmentTransitions)
    .values([
      { assignmentId: id, fromState: 'submitted', toState: 'returned', comment: secrets.returnComment, actorId: focal },
    ]);
  const [attachment] = await db
    .insert(assignmentAttachments)
    .values([
      {
        assignmentId: id,
        fileName: 'termes de référence.pdf',
        mediaType: 'application/pdf',
        byteSize: pdfBytes.length,
        sha256: 'abc123',
        content: pdfBytes,
      },
      {
        assignmentId: id,
        fileName: secrets.privateAnnex,
        mediaType: 'application/pdf',
        byteSize: pdfBytes.length,
        sha256: 'def456',
        content: pdfBytes,
        public: false,
        uploadedBy: focal,
      },
    ])
    .returning({ id: assignmentAttachments.id });
  await db.insert(applications).values({
    assignmentId: id,
    expertId: expert,
    motivation: secrets.motivation,
    availabilityConfirmed: true,
    screeningNote: secrets.screeningNote,
  });
  return { publicAttachmentId: attachment!.id };
}

/** Undoes RFC 5545 folding: a CRLF followed by one space or tab joins the two lines. */
export function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

export { insertAssignment };
