/**
 * Reads one file from the inbox (回收/) into what it says, through the same format table as letters.
 * Never writes, moves or renames anything. A file that cannot be read gives a ReturnedProblem whose
 * message tells the clerk what is wrong with it.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ReturnedContent } from '../../model/reply.js';
import { readDocument } from '../formats.js';
import { ReadProblem } from '../problem.js';
import { recognizeReply } from '../../replies/index.js';

/** A reply is a few pages; a file this large is not one (and is not read into memory). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export class ReturnedProblem extends Error {}

export async function readReturnedFile(path: string): Promise<ReturnedContent> {
  const info = await stat(path);
  if (info.size === 0) throw new ReturnedProblem('空文件（0 字节），请对方重新发送');
  if (info.size > MAX_FILE_BYTES) throw new ReturnedProblem(`文件过大（${Math.round(info.size / 1048576)} MB），未读取`);
  try {
    const document = await readDocument(path, await readFile(path));
    // A photo or an old binary file under a Word name is not what the unit meant to send.
    if (document.mismatch && document.scanned) throw new ReturnedProblem(`${document.mismatch}，无法读取`);
    return recognizeReply(document);
  } catch (error) {
    if (error instanceof ReadProblem) throw new ReturnedProblem(error.message);
    throw error;
  }
}
