/**
 * Reads one file from the inbox (回收/) into what it says. Never writes, moves or renames anything.
 * A file that cannot be read gives a ReturnedProblem whose message tells the clerk what is wrong with it.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ReturnedContent } from '../../model/reply.js';
import { DOCUMENT_PROPERTY } from '../../model/workspace.js';
import { ZipProblem, listEntries, readEntry } from '../zip.js';
import { contentOfDocx, contentOfText, type Properties } from './content.js';
import { readCustomProperties, readDocumentXml } from './ooxml.js';

/** A reply is a few pages; a file this large is not one (and is not read into memory). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Kinds of file a unit may send whose words gongwen cannot read: matched by file name only. */
const OPAQUE = new Set(['.doc', '.wps', '.ofd', '.jpg', '.jpeg', '.png', '.tif', '.tiff', '.bmp', '.gif', '.heic', '.rtf', '.et', '.xls', '.xlsx', '.zip', '.rar', '.7z']);

export class ReturnedProblem extends Error {}

export async function readReturnedFile(path: string): Promise<ReturnedContent> {
  const info = await stat(path);
  if (info.size === 0) throw new ReturnedProblem('空文件（0 字节），请对方重新发送');
  if (info.size > MAX_FILE_BYTES) throw new ReturnedProblem(`文件过大（${Math.round(info.size / 1048576)} MB），未读取`);
  const extension = extname(path).toLowerCase();
  if (OPAQUE.has(extension)) return opaque();
  const bytes = await readFile(path);
  if (extension === '.pdf' || startsWith(bytes, '%PDF-')) return readPdf(bytes);
  if (extension === '.docx' || extension === '.docm' || extension === '.wpsx') return readDocx(bytes);
  if (extension === '.txt') return contentOfText(new TextDecoder().decode(bytes), 'letter', emptyProperties());
  return opaque();
}

function readDocx(bytes: Uint8Array): ReturnedContent {
  if (startsWith(bytes, '\u00d0\u00cf\u0011\u00e0')) {
    throw new ReturnedProblem('文件设有密码，或实为旧版 .doc 格式改了扩展名，无法读取');
  }
  if (!startsWith(bytes, 'PK')) throw new ReturnedProblem(`不是 Word 文件（${kindOfBytes(bytes)}），无法读取`);
  try {
    const entries = listEntries(bytes);
    const document = entries.find((entry) => entry.name === 'word/document.xml');
    if (!document) throw new ReturnedProblem('压缩包中没有 Word 正文（word/document.xml），不是 Word 文件');
    const custom = entries.find((entry) => entry.name === 'docProps/custom.xml');
    const decoder = new TextDecoder();
    const properties = custom ? readCustomProperties(decoder.decode(readEntry(bytes, custom))) : new Map<string, string>();
    return contentOfDocx(readDocumentXml(decoder.decode(readEntry(bytes, document))), {
      docNumber: properties.get(DOCUMENT_PROPERTY.docNumber) ?? null,
      recipientId: properties.get(DOCUMENT_PROPERTY.recipientId) ?? null,
      recipientName: properties.get(DOCUMENT_PROPERTY.recipientName) ?? null,
    });
  } catch (error) {
    if (error instanceof ReturnedProblem) throw error;
    if (error instanceof ZipProblem) throw new ReturnedProblem(error.message);
    throw new ReturnedProblem('文件内容格式有误（XML 无法解析），无法读取');
  }
}

async function readPdf(bytes: Uint8Array): Promise<ReturnedContent> {
  let text: string;
  try {
    const { readPdfText } = await import('../pdf.js');
    text = await readPdfText(bytes);
  } catch {
    throw new ReturnedProblem('PDF 文件已损坏或设有密码，无法读取');
  }
  if (text.replace(/\s/gu, '').length === 0) return opaque('pdf');
  return contentOfText(text, 'pdf', emptyProperties());
}

function opaque(kind: 'opaque' | 'pdf' = 'opaque'): ReturnedContent {
  return {
    kind, properties: emptyProperties(), namedUnit: null, title: null, comments: [],
    noComment: false, contentRead: false, secrecyMarks: [],
  };
}

function emptyProperties(): Properties {
  return { docNumber: null, recipientId: null, recipientName: null };
}

function startsWith(bytes: Uint8Array, prefix: string): boolean {
  return [...prefix].every((char, index) => bytes[index] === char.charCodeAt(0));
}

function kindOfBytes(bytes: Uint8Array): string {
  if (startsWith(bytes, '\u0089PNG')) return '实为 PNG 图片';
  if (startsWith(bytes, '\u00ff\u00d8\u00ff')) return '实为 JPEG 图片';
  if (startsWith(bytes, '%PDF')) return '实为 PDF';
  return '内容无法识别';
}
