/**
 * The format table (as pandoc's `readers` list): every kind of file gongwen reads, its extensions, how
 * its bytes are recognised, and the reader that turns it into the block model. `parse` and `track` both
 * read through `readDocument`: one sniff, one place where a file's name and its bytes disagreeing is
 * settled (the bytes win, and the clerk is told). Readers load their libraries only when called.
 */
import type { FormatName, SourceDocument } from '../model/document.js';
import { ReadProblem } from './problem.js';
import { listEntries } from './zip.js';

export interface Format {
  name: FormatName;
  /** How the clerk calls it, in messages: `Word 文档`. */
  label: string;
  /** Lower-case, with the dot. */
  extensions: readonly string[];
  /** True when the bytes are this format's; absent for formats known only by their extension (text). */
  magic?: (bytes: Uint8Array) => boolean;
  /** What these bytes are, more closely than the label, for a message (`PNG 图片`). */
  describe?: (bytes: Uint8Array) => string;
  read: (bytes: Uint8Array) => Promise<SourceDocument>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Parts that make a zip a document of its own rather than a bundle: OOXML, OFD, OpenDocument. */
const PACKAGE_PARTS = ['[Content_Types].xml', 'OFD.xml', 'mimetype'];

const IMAGE_KINDS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]], ['JPEG', [0xff, 0xd8, 0xff]], ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['TIFF', [0x49, 0x49, 0x2a, 0x00]], ['TIFF', [0x4d, 0x4d, 0x00, 0x2a]], ['BMP', [0x42, 0x4d]],
];

/** In order: the first format whose magic matches the bytes is the file's format. */
export const FORMATS: readonly Format[] = [
  {
    name: 'pdf', label: 'PDF 文件', extensions: ['.pdf'],
    magic: (bytes) => startsWith(bytes, [0x25, 0x50, 0x44, 0x46]),
    read: async (bytes) => (await import('./pdf.js')).readPdf(bytes),
  },
  {
    // 版式文档 (GB/T 33190): a zip holding OFD.xml.
    name: 'ofd', label: 'OFD 文件', extensions: ['.ofd'],
    magic: (bytes) => zipHolds(bytes, (name) => name.replace(/^\/+/u, '').toLowerCase() === 'ofd.xml'),
    read: async (bytes) => (await import('./ofd.js')).readOfd(bytes),
  },
  {
    name: 'docx', label: 'Word 文档', extensions: ['.docx', '.docm', '.dotx', '.wpsx'],
    magic: (bytes) => zipHolds(bytes, (name) => name === 'word/document.xml'),
    read: async (bytes) => (await import('./docx.js')).readDocx(bytes),
  },
  {
    name: 'image', label: '图片', extensions: ['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.bmp', '.gif', '.heic', '.webp'],
    magic: (bytes) => IMAGE_KINDS.some(([, magic]) => startsWith(bytes, magic)),
    describe: (bytes) => `${IMAGE_KINDS.find(([, magic]) => startsWith(bytes, magic))?.[0] ?? ''} 图片`.trim(),
    read: async () => scan('image'),
  },
  {
    // Word 97–2003 and WPS's own .wps share the OLE container; a spreadsheet or a file with a password
    // arrives in it too, and its reader says so.
    name: 'doc', label: 'Word 文档（.doc/.wps）', extensions: ['.doc', '.wps', '.dot', '.wpt', '.xls', '.et'],
    magic: (bytes) => startsWith(bytes, OLE_MAGIC),
    describe: () => '旧版 Office 文件（.doc/.wps/.xls）',
    read: async (bytes) => (await import('./ole.js')).readOle(bytes),
  },
  {
    // A zip that is not an Office, OFD or OpenDocument file: a bundle of files, each read on its own.
    name: 'zip', label: '压缩包', extensions: ['.zip'],
    magic: (bytes) => startsWith(bytes, ZIP_MAGIC) && !zipHolds(bytes, (name) => PACKAGE_PARTS.includes(name)),
    read: async (bytes) => (await import('./archive.js')).readArchive(bytes),
  },
  {
    // A mail saved from Foxmail, Coremail or Outlook: known by its name, or by its first lines being headers.
    name: 'eml', label: '邮件', extensions: ['.eml'],
    magic: (bytes) => looksLikeMail(bytes),
    read: async (bytes) => (await import('./mail.js')).readMail(bytes),
  },
  {
    // Files a unit may send whose words gongwen does not read (yet): counted by their name alone.
    name: 'other', label: '其他格式的文件', extensions: ['.xlsx', '.rar', '.7z', '.rtf'],
    magic: (bytes) =>
      startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) ||
      startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66]),
    read: async () => scan('other'),
  },
  {
    name: 'md', label: 'Markdown 文本', extensions: ['.md', '.markdown'],
    read: async (bytes) => (await import('./markdown.js')).readMarkdownDocument(bytes),
  },
  {
    name: 'txt', label: '文本文件', extensions: ['.txt', '.text', ''],
    read: async (bytes) => (await import('./txt.js')).readTextDocument(bytes),
  },
];

export interface Sniffed {
  format: Format;
  /** Set when the name promised another format than the bytes hold: said once, here, for every caller. */
  mismatch: string | null;
}

/** Which format a file is, from its bytes first and its name second. */
export function sniff(name: string, bytes: Uint8Array): Sniffed {
  const extension = extensionOf(name);
  const named = FORMATS.find((format) => format.extensions.includes(extension)) ?? null;
  const byBytes = FORMATS.find((format) => format.magic?.(bytes)) ?? null;
  if (byBytes) {
    const what = byBytes.describe?.(bytes) ?? byBytes.label;
    const mismatch = named && named !== byBytes && named.magic ? `扩展名是 ${extension}，内容实为${spaced(what)}` : null;
    return { format: byBytes, mismatch };
  }
  if (named?.magic && named.name !== 'other') {
    throw new ReadProblem(`扩展名是 ${extension}，但内容不是${spaced(named.label)}（文件已损坏或不完整）`);
  }
  // Text is known by its name; anything unnamed that is not one of the binary formats is read as text.
  return { format: named ?? textFormat(), mismatch: null };
}

/** Reads a file's bytes into the block model through the format its bytes (or name) say it is. */
export async function readDocument(name: string, bytes: Uint8Array): Promise<SourceDocument & { mismatch: string | null }> {
  const { format, mismatch } = sniff(name, bytes);
  return { ...(await format.read(bytes)), mismatch };
}

/** A document with no words to read: a photo or a scan. */
export function scan(format: FormatName): SourceDocument {
  return { format, encoding: format, blocks: [], properties: {}, embedded: [], scanned: true };
}

/** A space between Chinese and a Latin word, as the clerk's messages write it. */
function spaced(words: string): string {
  return /^[A-Za-z]/u.test(words) ? ` ${words}` : words;
}

function textFormat(): Format {
  return FORMATS.find((format) => format.name === 'txt') as Format;
}

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * Whether a zip holds an entry. A zip whose directory cannot be read is taken to hold it: the format's
 * reader then says the file is damaged, which is what a truncated Word file needs to hear.
 */
function zipHolds(bytes: Uint8Array, wanted: (name: string) => boolean): boolean {
  if (!startsWith(bytes, ZIP_MAGIC)) return false;
  try {
    return listEntries(bytes).some((entry) => wanted(entry.name));
  } catch {
    return true;
  }
}

/** Headers every saved mail has some of. */
const MAIL_HEADERS = ['from', 'to', 'subject', 'date', 'received', 'message-id', 'mime-version', 'return-path'];

/**
 * A saved mail without its .eml name: it starts with RFC 822 header lines (`Name: value`, continued by
 * indented lines), at least two of them ones every mail has. Exchange's Received chains can run to many
 * kilobytes before From, so the first 64 KB are looked at.
 */
function looksLikeMail(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024));
  const lines = (head.split(/\r?\n\r?\n/u)[0] ?? '').split(/\r?\n/u).filter((line) => !/^[ \t]/u.test(line));
  if (!lines.every((line) => /^[\x21-\x39\x3b-\x7e]+:/u.test(line))) return false;
  const names = new Set(lines.map((line) => line.slice(0, line.indexOf(':')).toLowerCase()));
  return MAIL_HEADERS.filter((name) => names.has(name)).length >= 2;
}

export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
