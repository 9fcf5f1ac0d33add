import { createHash } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { mediaTypeOf, sniffFileType } from '../../files/sniff.ts';
import { AppError } from '../../http/errors.ts';
import type { Upload } from '../../http/upload.ts';
import { recordAudit } from '../audit/service.ts';
import { cleanFileName } from '../experts/documents/commands.ts';
import type { Meta } from './commands.ts';
import { requireEditable } from './policy.ts';
import type { AssignmentRow } from './repository.ts';
import { assignmentAttachments } from './schema.ts';
import { maxAttachmentsPerAssignment } from './schemas.ts';

/** A checked upload: type from the bytes, cleaned name, whether the public call page offers it. */
export interface PreparedAttachment {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  public: boolean;
}

/**
 * Checks an upload before any transaction: PDF or DOCX recognised from the bytes (the name and the declared type
 * are not trusted); the optional text field `public` (`false` keeps an internal annex off the public page).
 * @throws AppError `unsupported_file_type`
 */
export function prepareAttachment(upload: Upload): PreparedAttachment {
  const type = sniffFileType(upload.bytes);
  if (type !== 'pdf' && type !== 'docx') {
    throw new AppError('unsupported_file_type', 'Only PDF and Word (DOCX) files are accepted', [
      {
        path: 'file',
        code: 'invalid_value',
        message: `The file is ${type === 'unknown' ? 'of no accepted type' : type}`,
      },
    ]);
  }
  return {
    fileName: cleanFileName(upload.fileName, type),
    mediaType: mediaTypeOf[type],
    bytes: upload.bytes,
    public: upload.fields.public !== 'false',
  };
}

/**
 * Stores an attachment on a ToR locked by the caller, when its state allows changes and it holds fewer than the
 * most allowed; audits the file's name and size, never its content.
 * @throws AppError `assignment_not_editable`, `attachment_limit_reached`
 */
export async function storeAttachment(tx: Tx, row: AssignmentRow, file: PreparedAttachment, meta: Meta) {
  requireEditable(meta.actor, row, 'attachment.change');
  const [held] = await tx
    .select({ value: count() })
    .from(assignmentAttachments)
    .where(eq(assignmentAttachments.assignmentId, row.id));
  if (Number(held?.value ?? 0) >= maxAttachmentsPerAssignment) {
    throw new AppError('attachment_limit_reached', `At most ${maxAttachmentsPerAssignment} attachments`);
  }
  const [stored] = await tx
    .insert(assignmentAttachments)
    .values({
      assignmentId: row.id,
      fileName: file.fileName,
      mediaType: file.mediaType,
      byteSize: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: file.bytes,
      public: file.public,
      uploadedBy: meta.actor.userId,
      uploadedAt: meta.now,
    })
    .returning();
  await recordAudit(tx, {
    actorId: meta.actor.userId,
    action: 'assignment.attachment_added',
    entityType: 'assignment',
    entityId: row.id,
    changes: {
      attachment: { after: stored!.id },
      fileName: { after: stored!.fileName },
      byteSize: { after: stored!.byteSize },
    },
    ip: meta.ip,
  });
  return stored!;
}

/** One attachment of a ToR, bytes included. */
export async function findAttachment(tx: Tx, assignmentId: string, attachmentId: string) {
  const [file] = await tx
    .select()
    .from(assignmentAttachments)
    .where(and(eq(assignmentAttachments.id, attachmentId), eq(assignmentAttachments.assignmentId, assignmentId)));
  return file;
}

/** Removes an attachment while the ToR's state allows changes, and audits it. */
export async function deleteAttachment(tx: Tx, row: AssignmentRow, attachmentId: string, meta: Meta): Promise<void> {
  requireEditable(meta.actor, row, 'attachment.change');
  const file = await findAttachment(tx, row.id, attachmentId);
  if (!file) throw new AppError('not_found', 'No such attachment');
  await tx.delete(assignmentAttachments).where(eq(assignmentAttachments.id, attachmentId));
  await recordAudit(tx, {
    actorId: meta.actor.userId,
    action: 'assignment.attachment_deleted',
    entityType: 'assignment',
    entityId: row.id,
    changes: { attachment: { before: attachmentId }, fileName: { before: file.fileName } },
    ip: meta.ip,
  });
}
