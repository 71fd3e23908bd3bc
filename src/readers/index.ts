/**
 * Reads a letter from disk into one mdast tree, whatever its format. Readers never write.
 * Every problem with the file itself is a UserError with a one-line Chinese message naming the file.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Root } from 'mdast';
import type { SourceFormat, SourceInfo } from '../model/outline.js';
import { UserError } from '../errors.js';
import { decodeText, looksBinary } from './decode.js';
import { readPlainText } from './txt.js';

/** Letters are a few pages; anything this large is not a letter. */
const MAX_LETTER_BYTES = 20 * 1024 * 1024;

export interface ReadLetter {
  root: Root;
  source: SourceInfo;
}

export async function readLetter(path: string): Promise<ReadLetter> {
  const bytes = await readLetterBytes(path);
  const format = formatOf(path, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (format === 'pdf') {
    // Letters usually come as PDFs: read their text layer, then treat it as text extracted from a PDF.
    const { readPdfText } = await import('./pdf.js');
    const text = await readPdfText(bytes).catch(() => {
      throw new UserError(`无法读取 ${path}：PDF 文件已损坏或设有密码。`);
    });
    if (text.trim() === '') throw new UserError(`${path} 是扫描件（没有文字层），请先做文字识别（OCR）或另存为文本。`);
    return { root: readPlainText(text), source: { path, format, encoding: 'pdf', sha256 } };
  }
  if (format === 'docx') {
    const { readDocx } = await import('./docx.js');
    return { root: await readDocx(bytes, path), source: { path, format, encoding: 'docx', sha256 } };
  }
  const decoded = decodeText(bytes);
  if (looksBinary(decoded)) {
    throw new UserError(`无法读取 ${path}：这是二进制文件，不是文本来函（支持 .txt、.md、.docx）。`);
  }
  const text = decoded.text.replace(/\r\n?/gu, '\n');
  // Markdown and Word readers pull in large libraries: load them only for letters that need them.
  const root = format === 'md' ? (await import('./markdown.js')).readMarkdown(text) : readPlainText(text);
  return { root, source: { path, format, encoding: decoded.encoding, sha256 } };
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

function formatOf(path: string, bytes: Uint8Array): SourceFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.docx') return 'docx';
  if (extension === '.md' || extension === '.markdown') return 'md';
  if (extension === '.pdf' || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) return 'pdf';
  if (extension === '.doc' || extension === '.wps' || extension === '.ofd') {
    throw new UserError(`暂不支持 ${extension} 格式的来函（${path}）：请另存为 .docx 或 .pdf。`);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  return 'txt';
}
