import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sniffFileType } from './sniff.ts';
import { UnsafeArchiveError, unzipSafely } from './unzip.ts';

const limits = { maxTotalBytes: 1_000_000, maxEntries: 100 };

/** A zip written as a stream, with data descriptors instead of sizes in the local headers. */
function streamedZip(files: Record<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, bytes] of Object.entries(files)) {
    const entry = new ZipDeflate(name);
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('unzipSafely', () => {
  it('expands the wanted entries only', () => {
    const archive = zipSync({ 'a.txt': strToU8('alpha'), 'b.txt': strToU8('beta') });
    const entries = unzipSafely(archive, (name) => name === 'b.txt', limits);
    expect([...entries.keys()]).toEqual(['b.txt']);
    expect(new TextDecoder().decode(entries.get('b.txt'))).toBe('beta');
  });

  it('reads archives written with data descriptors', () => {
    const archive = streamedZip({ 'word/document.xml': strToU8('<w:document/>') });
    const entries = unzipSafely(archive, () => true, limits);
    expect(new TextDecoder().decode(entries.get('word/document.xml'))).toBe('<w:document/>');
  });

  it('stops a zip bomb by counting inflated bytes, whatever the archive declares', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(20_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => unzipSafely(bomb, () => true, limits)).toThrow(UnsafeArchiveError);
    const streamedBomb = streamedZip({ 'word/document.xml': new Uint8Array(5_000_000) });
    expect(() => unzipSafely(streamedBomb, () => true, limits)).toThrow(/expands beyond/);
  });

  it('refuses archives with too many entries', () => {
    const files = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`f${i}`, strToU8('x')]));
    expect(() => unzipSafely(zipSync(files), () => false, limits)).toThrow(/more than 100 entries/);
  });

  it('calls truncated data corrupt instead of crashing', () => {
    const archive = zipSync({ 'a.txt': new Uint8Array(50_000).fill(65) }, { level: 6 });
    expect(() => unzipSafely(archive.subarray(0, 60), () => true, limits)).toThrow(
      expect.objectContaining({ reason: 'corrupt' }),
    );
  });
});

describe('sniffFileType', () => {
  it('recognises PDF, DOCX, XLSX and PPTX from their bytes', () => {
    expect(sniffFileType(strToU8('%PDF-1.7\n...'))).toBe('pdf');
    const contentTypes = strToU8('<Types/>');
    expect(sniffFileType(zipSync({ '[Content_Types].xml': contentTypes, 'word/document.xml': strToU8('<x/>') }))).toBe(
      'docx',
    );
    expect(sniffFileType(zipSync({ '[Content_Types].xml': contentTypes, 'xl/workbook.xml': strToU8('<x/>') }))).toBe(
      'xlsx',
    );
    expect(
      sniffFileType(zipSync({ '[Content_Types].xml': contentTypes, 'ppt/presentation.xml': strToU8('<x/>') })),
    ).toBe('pptx');
  });

  it('calls anything else what it is', () => {
    expect(sniffFileType(strToU8('MZ\x90\x00 this is a Windows program'))).toBe('unknown');
    expect(sniffFileType(zipSync({ 'readme.txt': strToU8('hi') }))).toBe('zip');
    expect(sniffFileType(new Uint8Array())).toBe('unknown');
  });

  it('recognises a DOCX bomb as a DOCX without expanding it', () => {
    const bomb = zipSync(
      { '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(20_000_000) },
      { level: 9 },
    );
    expect(sniffFileType(bomb)).toBe('docx');
  });
});
