/**
 * Reads a letter from disk into the block model through the format table (readers/formats.ts). Readers
 * never write. Every problem with the file itself is a UserError with a one-line Chinese message naming it.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { SourceDocument } from '../model/document.js';
import type { SourceInfo } from '../model/outline.js';
import { UserError } from '../errors.js';
import { readDocument } from './formats.js';
import { ReadProblem } from './problem.js';

/** Letters are a few pages; anything this large is not a letter. */
const MAX_LETTER_BYTES = 20 * 1024 * 1024;

export interface ReadLetter {
  document: SourceDocument;
  source: SourceInfo;
}

export async function readLetter(path: string): Promise<ReadLetter> {
  const bytes = await readLetterBytes(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let document: SourceDocument;
  try {
    document = await readDocument(path, bytes);
  } catch (error) {
    if (error instanceof ReadProblem) throw new UserError(`无法读取 ${path}：${error.message}。`);
    throw error;
  }
  if (document.scanned) throw new UserError(`${path} 是扫描件（没有文字层），请先做文字识别（OCR）或另存为文本。`);
  if (document.embedded.length > 0 && document.blocks.length === 0) {
    const names = document.embedded.map((file) => file.name).join('、');
    throw new UserError(`${path} 内有 ${document.embedded.length} 个文件（${names}），请指定其中的来函。`);
  }
  return { document, source: { path, format: document.format, encoding: document.encoding, sha256 } };
}
async function readLetterBytes(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UserError(`找不到文件 ${path}，请检查路径。`);
  }
  if (info.isDirectory()) throw new UserError(`${path} 是文件夹，请指定来函文件。`);
  if (info.size === 0) throw new UserError(`${path} 是空文件，没有可解析的内容。`);
  if (info.size > MAX_LETTER_BYTES) {
    throw new UserError(`${path} 过大（${Math.round(info.size / 1048576)} MB），不像是一份来函。`);
  }
  try {
    return await readFile(path);
  } catch {
    throw new UserError(`无法读取 ${path}，请检查文件权限。`);
  }
}
