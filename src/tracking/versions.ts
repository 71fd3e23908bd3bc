/**
 * Which of a unit's replies counts, when it sent more than one: the later by what the replies say before
 * the later by file time. A reply's own 成文日期 decides first; then words saying it replaces an earlier
 * one (定稿, 前稿作废, 修订稿); then the file's modification time. The order is decided here and only here.
 */
import type { ReturnedContent } from '../model/reply.js';

export interface Version {
  file: string;
  modified: string;
  content: ReturnedContent | null;
}

/** Oldest first: the last one counts, the others are superseded. */
export function byVersion(a: Version, b: Version): number {
  const dateA = a.content?.date ?? null;
  const dateB = b.content?.date ?? null;
  if (dateA && dateB && dateA !== dateB) return dateA.localeCompare(dateB);
  const markA = a.content?.versionMark ? 1 : 0;
  const markB = b.content?.versionMark ? 1 : 0;
  if (markA !== markB) return markA - markB;
  return a.modified.localeCompare(b.modified) || a.file.localeCompare(b.file);
}
