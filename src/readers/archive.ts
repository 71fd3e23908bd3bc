/**
 * A .zip a unit (or a clerk collecting for several units) sends: each entry an embedded file, read in
 * memory only (nothing is extracted, so names such as `../../x` are harmless), through the zip reader's
 * caps (entry count, inflated size of each entry) and a cap on the inflated size of all of them together.
 */
import type { EmbeddedFile, SourceDocument } from '../model/document.js';
import { ReadProblem } from './problem.js';
import { MAX_PART_BYTES, listEntries, readEntry } from './zip.js';

/** The inflated size of every entry together: a reply with its attachments is far smaller. */
export const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;
/** Entries a collection of replies has: a few dozen units' files. */
export const MAX_ARCHIVE_FILES = 200;

export function readArchive(bytes: Uint8Array): SourceDocument {
  const entries = listEntries(bytes).filter((entry) => !entry.name.endsWith('/') && !/(^|\/)__MACOSX\//u.test(entry.name));
  if (entries.length === 0) throw new ReadProblem('压缩包中没有文件');
  if (entries.length > MAX_ARCHIVE_FILES) throw new ReadProblem(`压缩包内文件过多（${entries.length} 个，最多读 ${MAX_ARCHIVE_FILES} 个），未展开`);
  const embedded: EmbeddedFile[] = [];
  let total = 0;
  for (const entry of entries) {
    const content = readEntry(bytes, entry, Math.max(1, Math.min(MAX_PART_BYTES, MAX_ARCHIVE_BYTES - total)));
    total += content.length;
    embedded.push({ name: entry.name, bytes: content });
  }
  return { format: 'zip', encoding: 'zip', blocks: [], properties: {}, embedded, scanned: false };
}
