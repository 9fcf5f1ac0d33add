import { unzipSafely, UnsafeArchiveError } from './unzip.ts';

/** What the bytes of an uploaded file are, whatever its name says. */
export type SniffedType = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'zip' | 'unknown';

/** The media type each recognised file type is served as. */
export const mediaTypeOf = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
} as const;

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  prefix.every((byte, index) => bytes[at + index] === byte);

/** `%PDF-`, allowed after a little leading junk as PDF readers allow (the specification tolerates 1 KiB). */
function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let at = 0; at + 5 <= head.length; at += 1) {
    if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d], at)) return true;
  }
  return false;
}

const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);

/**
 * Recognises PDF, DOCX, XLSX and PPTX from their bytes. An Office file is a zip holding `[Content_Types].xml` and its
 * main part (`word/document.xml`, `xl/workbook.xml` or `ppt/presentation.xml`); only those names are listed, nothing is expanded beyond the
 * small content-types part, so a zip bomb costs nothing here.
 */
export function sniffFileType(bytes: Uint8Array): SniffedType {
  if (isPdf(bytes)) return 'pdf';
  if (!isZip(bytes)) return 'unknown';
  const names = new Set<string>();
  try {
    unzipSafely(
      bytes,
      (name) => {
        names.add(name);
        return false;
      },
      { maxTotalBytes: 0, maxEntries: 10_000 },
    );
  } catch (error) {
    if (error instanceof UnsafeArchiveError) return 'zip';
    throw error;
  }
  if (!names.has('[Content_Types].xml')) return 'zip';
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('ppt/presentation.xml')) return 'pptx';
  return 'zip';
}
