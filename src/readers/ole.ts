/**
 * The OLE compound file (复合文档): Word 97–2003 .doc and WPS's .wps (the same container, a WordDocument
 * stream), and what else arrives in that container: an Office file with a password (EncryptedPackage) and
 * spreadsheets (.xls, .et). The container is opened by `cfb`, the words by `word-extractor`; gongwen's ids
 * come from the user-defined property set in \x05DocumentSummaryInformation, as Word's custom.xml does in
 * a .docx. Returned files come from outside: the header's sector counts are checked against the file's size
 * before anything follows a chain, so a file claiming millions of sectors ends at once with a reason.
 */
import CFB from 'cfb';
import WordExtractor from 'word-extractor';
import type { DocumentBlock, ParagraphBlock, SourceDocument } from '../model/document.js';
import { ReadProblem } from './problem.js';

/** A reply is a few hundred directory entries at most; an OLE file with more is not one. */
const MAX_DIRECTORY_ENTRIES = 4096;
const MAX_PROPERTIES = 1024;

export async function readOle(bytes: Uint8Array): Promise<SourceDocument> {
  checkHeader(bytes);
  const container = openContainer(bytes);
  const has = (name: string): boolean => CFB.find(container, name) !== null;
  if (has('EncryptedPackage') || has('EncryptionInfo')) throw new ReadProblem('文件设有密码，请对方去掉密码后重新发送');
  if (has('Workbook') || has('Book')) throw new ReadProblem('是电子表格（Excel 或 WPS 表格），不是 Word 文档');
  if (!has('WordDocument')) throw new ReadProblem('是旧版 Office 文件，但不是 Word 文档');
  let body: string;
  try {
    body = (await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))).getBody({ filterUnicode: false });
  } catch {
    throw new ReadProblem('Word 文档已损坏，无法读取正文');
  }
  const summary = CFB.find(container, '\u0005DocumentSummaryInformation');
  const properties = summary?.content ? userDefinedProperties(Uint8Array.from(summary.content as ArrayLike<number>)) : {};
  return { format: 'doc', encoding: 'doc', blocks: blocksOf(body), properties, embedded: [], scanned: false };
}

/** The header's counts of directory, FAT, mini FAT and DIFAT sectors cannot exceed the sectors the file has. */
function checkHeader(bytes: Uint8Array): void {
  if (bytes.length < 512) throw new ReadProblem('文件不完整或已损坏');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new ReadProblem('文件已损坏（不是完整的 Word 文档）');
  const sectors = Math.ceil((bytes.length - 512) / (1 << shift));
  // Directory, FAT, mini FAT and DIFAT sectors.
  for (const offset of [0x28, 0x2c, 0x40, 0x48]) {
    const count = view.getUint32(offset, true);
    if (count > sectors) throw new ReadProblem(`文件已损坏（内部结构声称有 ${count} 个扇区，文件只有 ${sectors} 个）`);
  }
}

function openContainer(bytes: Uint8Array): CFB.CFB$Container {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch {
    throw new ReadProblem('文件已损坏（不是完整的 Word 文档）');
  }
  if (container.FileIndex.length > MAX_DIRECTORY_ENTRIES) {
    throw new ReadProblem(`文件内含 ${container.FileIndex.length} 个数据流，不像是一份 Word 文档`);
  }
  return container;
}

/**
 * The body as word-extractor gives it: paragraphs end with \n; a table cell ends with \t and a row with
 * \t\n, a cell of several paragraphs keeping its \n inside. A row starts at the first line holding a \t.
 */
export function blocksOf(body: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let pending: string[] = [];
  // Paragraphs are numbered in order, tables' too, as the .docx reader numbers them: a diagnostic's line.
  let count = 0;
  const paragraph = (text: string): ParagraphBlock => paragraphAt(text, ++count);
  const flushParagraphs = (lines: string[]): void => {
    for (const line of lines) blocks.push(paragraph(line));
  };
  for (const line of body.split('\n')) {
    if (!line.endsWith('\t')) {
      pending.push(line);
      continue;
    }
    const start = pending.findIndex((text) => text.includes('\t'));
    const rowLines = start >= 0 ? [...pending.slice(start), line] : [line];
    flushParagraphs(start >= 0 ? pending.slice(0, start) : pending);
    pending = [];
    const cells = rowLines.join('\n').slice(0, -1).split('\t').map((text) => ({
      paragraphs: text.split('\n').map(paragraph),
      columnSpan: 1,
      mergedAbove: false,
    }));
    const last = blocks.at(-1);
    if (last?.kind === 'table') last.rows.push(cells);
    else blocks.push({ kind: 'table', rows: [cells] });
  }
  flushParagraphs(pending);
  return blocks.filter((block) => block.kind === 'table' || block.runs.length > 0);
}

function paragraphAt(text: string, line: number): ParagraphBlock {
  const trimmed = text.replace(/[\r\u0007]/gu, '');
  return { kind: 'paragraph', runs: trimmed.trim() === '' ? [] : [{ text: trimmed, start: { line, column: 1 } }] };
}

/** FMTID_UserDefinedProperties: the second section of \x05DocumentSummaryInformation. */
const USER_DEFINED = 'd5cdd505-2e9c-101b-9397-08002b2cf9ae';

/**
 * The user-defined (custom) properties, by name, as text ([MS-OLEPS]): the section's dictionary
 * (property 0) names the ids, property 1 gives the code page of its 8-bit strings. Anything out of bounds
 * is left out: properties only help to recognise a form, they never stop the file from being read.
 */
export function userDefinedProperties(stream: Uint8Array): Record<string, string> {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const inside = (offset: number, length: number): boolean => offset >= 0 && length >= 0 && offset + length <= stream.length;
  if (!inside(0, 28)) return {};
  const sections = Math.min(view.getUint32(24, true), 2);
  for (let i = 0; i < sections; i++) {
    const entry = 28 + i * 20;
    if (!inside(entry, 20) || guidAt(stream, entry) !== USER_DEFINED) continue;
    try {
      return sectionProperties(stream, view, view.getUint32(entry + 16, true));
    } catch {
      return {};
    }
  }
  return {};
}

function sectionProperties(stream: Uint8Array, view: DataView, start: number): Record<string, string> {
  const count = Math.min(view.getUint32(start + 4, true), MAX_PROPERTIES);
  const offsets = new Map<number, number>();
  for (let i = 0; i < count; i++) offsets.set(view.getUint32(start + 8 + i * 8, true), start + view.getUint32(start + 12 + i * 8, true));
  const codePageAt = offsets.get(1);
  const codePage = codePageAt !== undefined && view.getUint16(codePageAt, true) === 2 ? view.getUint16(codePageAt + 4, true) : 1252;
  const decoder = new TextDecoder(encodingOf(codePage));
  const names = new Map<number, string>();
  const dictionary = offsets.get(0);
  if (dictionary !== undefined) {
    const entries = Math.min(view.getUint32(dictionary, true), MAX_PROPERTIES);
    let offset = dictionary + 4;
    for (let i = 0; i < entries; i++) {
      const id = view.getUint32(offset, true);
      const length = view.getUint32(offset + 4, true);
      const size = codePage === 1200 ? length * 2 : length;
      names.set(id, decoder.decode(stream.subarray(offset + 8, offset + 8 + size)).replace(/\0+$/u, ''));
      offset += 8 + size;
      if (codePage === 1200) offset += (4 - (offset % 4)) % 4;
    }
  }
  const properties: Record<string, string> = {};
  for (const [id, name] of names) {
    const at = offsets.get(id);
    if (at === undefined) continue;
    const type = view.getUint16(at, true);
    const length = view.getUint32(at + 4, true);
    if (type === 0x1e) properties[name] = decoder.decode(stream.subarray(at + 8, at + 8 + length)).replace(/\0+$/u, '');
    else if (type === 0x1f) properties[name] = new TextDecoder('utf-16le').decode(stream.subarray(at + 8, at + 8 + length * 2)).replace(/\0+$/u, '');
    else if (type === 0x03) properties[name] = String(view.getInt32(at + 4, true));
  }
  return properties;
}

function encodingOf(codePage: number): string {
  if (codePage === 65001) return 'utf-8';
  if (codePage === 1200) return 'utf-16le';
  if (codePage === 936) return 'gb18030';
  if (codePage === 950) return 'big5';
  return 'windows-1252';
}

function guidAt(bytes: Uint8Array, offset: number): string {
  const hex = (from: number, to: number, reverse: boolean): string => {
    const part = Array.from(bytes.subarray(offset + from, offset + to), (byte) => byte.toString(16).padStart(2, '0'));
    return (reverse ? part.reverse() : part).join('');
  };
  return `${hex(0, 4, true)}-${hex(4, 6, true)}-${hex(6, 8, true)}-${hex(8, 10, false)}-${hex(10, 16, false)}`;
}
