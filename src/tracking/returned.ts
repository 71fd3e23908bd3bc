/**
 * One file from the inbox (回收/): read through the same format table as letters, then recognised as a reply.
 * Never writes, moves or renames anything. A file that cannot be read gives a ReturnedProblem whose
 * message tells the clerk what is wrong with it.
 */
import { readFile, stat } from 'node:fs/promises';
import type { EmbeddedFile } from '../model/document.js';
import type { ReturnedContent } from '../model/reply.js';
import { readDocument } from '../readers/formats.js';
import { ReadProblem } from '../readers/problem.js';
import { recognizeReply } from '../replies/index.js';

/** A reply is a few pages; a file this large is not one (and is not read into memory). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export class ReturnedProblem extends Error {}

/** What a returned file says, and the files it carries (a mail's attachments, a zip's entries), not yet read. */
export interface ReturnedRead {
  content: ReturnedContent;
  embedded: EmbeddedFile[];
}

export async function readReturnedFile(path: string): Promise<ReturnedContent> {
  return (await readReturnedPath(path)).content;
}

/** A file on disk; `size` when the caller has already asked the disk for it. */
export async function readReturnedPath(path: string, size?: number): Promise<ReturnedRead> {
  const bytes = size ?? (await stat(path)).size;
  if (bytes > MAX_FILE_BYTES) throw new ReturnedProblem(`文件过大（${Math.round(bytes / 1048576)} MB），未读取`);
  return readReturnedBytes(path, bytes === 0 ? new Uint8Array() : await readFile(path));
}

/** A returned file already in memory (an attachment, a zip entry), by its own name. */
export async function readReturnedBytes(name: string, bytes: Uint8Array): Promise<ReturnedRead> {
  if (bytes.length === 0) throw new ReturnedProblem('空文件（0 字节），请对方重新发送');
  try {
    const document = await readDocument(name, bytes);
    // A photo or an old binary file under a Word name is not what the unit meant to send.
    if (document.mismatch && document.scanned) throw new ReturnedProblem(`${document.mismatch}，无法读取`);
    // A copy: the words recognised are slices of the file's whole text (V8 keeps a substring's parent
    // alive), and a form's document.xml is ~60 KB; 10,000 replies must not hold 10,000 of them.
    return { content: structuredClone(recognizeReply(document)), embedded: document.embedded };
  } catch (error) {
    if (error instanceof ReadProblem) throw new ReturnedProblem(error.message);
    throw error;
  }
}
