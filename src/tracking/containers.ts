/**
 * Files inside files: a mail's attachments and a zip's entries, each read through the same format table
 * and attributed on its own, reported with its container (`回收/群团组织反馈意见.zip › 意见反馈表（省科协）.docx`).
 * A mail's body is a reply of its own when it says more than "please find attached": numbered comments, or
 * words such as 无修改意见; a mail with nothing attached is always its own reply. Everything stays in
 * memory: nothing is extracted, written or renamed. Caps on nesting, count and size end a container with a
 * reason the clerk can pass on.
 */
import { join } from 'node:path';
import type { ReturnedContent } from '../model/reply.js';
import { ReturnedProblem, readReturnedBytes, readReturnedPath, type ReturnedRead } from './returned.js';
import { isIgnored } from './inbox.js';

/** Between a container and a file inside it, in every file name `track` reports. */
export const INSIDE = ' › ';
/** A container inside a container is opened (a zip attached to a mail); one more level is not. */
export const MAX_NESTING = 2;
/** Files inside one inbox file, at every level together. */
export const MAX_EMBEDDED_FILES = 200;
/** Bytes of the files inside one inbox file, at every level together. */
export const MAX_EMBEDDED_BYTES = 64 * 1024 * 1024;

/** One reply read from the inbox: a file, or a file inside one; content null when it could not be read. */
export interface InboxItem {
  file: string;
  content: ReturnedContent | null;
  problem: string | null;
}

export interface InboxFileRead {
  items: InboxItem[];
  /** Lock files and thumbnails found inside containers, named with their container. */
  ignored: string[];
}

interface Budget {
  files: number;
  bytes: number;
}

/** One inbox file (relative to the workspace; `size` when already known), and, when it is a mail or a zip, every file inside it. */
export async function readInboxFile(workspace: string, file: string, size?: number): Promise<InboxFileRead> {
  const result: InboxFileRead = { items: [], ignored: [] };
  const read = await attempt(() => readReturnedPath(join(workspace, file), size));
  if ('problem' in read) result.items.push({ file, content: null, problem: read.problem });
  else await expand(file, read, 0, { files: 0, bytes: 0 }, result);
  return result;
}

async function expand(label: string, read: ReturnedRead, depth: number, budget: Budget, result: InboxFileRead): Promise<void> {
  const { content, embedded } = read;
  if (embedded.length === 0) {
    result.items.push({ file: label, content, problem: null });
    return;
  }
  const refused = refusal(embedded, depth, budget);
  if (refused) {
    result.items.push({ file: label, content: null, problem: refused });
    return;
  }
  if (content.contentRead && (content.comments.length > 0 || content.noComment)) result.items.push({ file: label, content, problem: null });
  for (const { name, bytes } of embedded) {
    const inner = `${label}${INSIDE}${name}`;
    if (isIgnored(name.slice(name.lastIndexOf('/') + 1))) {
      result.ignored.push(inner);
      continue;
    }
    const innerRead = await attempt(() => readReturnedBytes(name, bytes));
    if ('problem' in innerRead) result.items.push({ file: inner, content: null, problem: innerRead.problem });
    else await expand(inner, innerRead, depth + 1, budget, result);
  }
}

/** Why a container's files are not read, or null: too deep, too many files, too many bytes. */
function refusal(embedded: ReturnedRead['embedded'], depth: number, budget: Budget): string | null {
  if (depth >= MAX_NESTING) return `压缩包或邮件套了 ${depth + 1} 层以上，未展开`;
  budget.files += embedded.length;
  budget.bytes += embedded.reduce((sum, file) => sum + file.bytes.length, 0);
  if (budget.files > MAX_EMBEDDED_FILES) return `内含文件过多（超过 ${MAX_EMBEDDED_FILES} 个），未展开`;
  if (budget.bytes > MAX_EMBEDDED_BYTES) {
    return `内含文件共 ${Math.round(budget.bytes / 1048576)} MB，超过 ${MAX_EMBEDDED_BYTES / 1048576} MB，未展开`;
  }
  return null;
}

async function attempt(read: () => Promise<ReturnedRead>): Promise<ReturnedRead | { problem: string }> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ReturnedProblem) return { problem: error.message };
    throw error;
  }
}
