/**
 * A .docx as a package: its parts (path → bytes, in zip order) and the zip gongwen writes them into.
 *
 * The zip is deterministic: every entry carries the same fixed date, compression is zlib's at one level, so
 * the same parts always give the same bytes. That lets a document be made two ways (laid out from scratch,
 * or patched from a prepared one) and compared byte for byte, and lets a part that never changes be
 * compressed once and reused (`zipEntry`).
 */
import { unzipSync } from 'fflate';
import * as zlib from 'node:zlib';
import { deflateRaw } from '../deflate.js';
import { unbreakablePart } from './unbreakable.js';

/** A part ready to be stored: its name, checksum, sizes and compressed bytes. */
export interface ZipEntry {
  name: Uint8Array;
  crc: number;
  size: number;
  compressed: Uint8Array;
}

/** The parts of a package, by path, in the order they are zipped. */
export type DocxParts = Map<string, Uint8Array>;

/** 1980-01-01 00:00, the earliest date a zip can hold: a fixed date keeps the bytes reproducible. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const DEFLATE = 8;
const VERSION = 20;
/** Bit 11: names are UTF-8 (the names here are ASCII, but the flag costs nothing and says so). */
const UTF8_NAMES = 0x0800;

const encoder = new TextEncoder();

export function unpackDocx(bytes: Uint8Array): DocxParts {
  return new Map(Object.entries(unzipSync(bytes)));
}

/**
 * One part compressed, for `packDocx`; a part that never changes can be compressed once and reused. Text that
 * must stay on one line gets its own runs here, the last step every document's text goes through.
 */
export function zipEntry(path: string, part: Uint8Array): ZipEntry {
  const data = path.startsWith('word/') ? unbreakablePart(part) : part;
  return { name: encoder.encode(path), crc: crc32(data), size: data.length, compressed: deflateRaw(data) };
}

/** The entries `sharedZipEntry` made, by path, checksum and size of the part they hold. */
const sharedEntries = new Map<string, { part: Uint8Array; entry: ZipEntry }>();
/**
 * How many it keeps: a run shares a few dozen parts; past this, the parts are documents' own (a 采纳情况反馈 per
 * unit laid out whole) and are let go rather than kept to the end of the run.
 */
const SHARED_ENTRIES_KEPT = 256;

/**
 * `zipEntry` for a part that many packages of a run hold word for word (styles, theme, settings, fonts,
 * numbering, relationships, the parts of a prepared package that hold no value): compressed once, and the same
 * entry then given for the same bytes (same path, checksum and size, and compared byte for byte): a run lays out
 * a handful of packages of some 25 parts each, nearly all of them alike (the theme alone is 8 KB to compress).
 */
export function sharedZipEntry(path: string, part: Uint8Array): ZipEntry {
  const key = `${path}\n${crc32(part)}\n${part.length}`;
  const shared = sharedEntries.get(key);
  if (shared !== undefined && Buffer.compare(shared.part, part) === 0) return shared.entry;
  const entry = zipEntry(path, part);
  if (sharedEntries.size >= SHARED_ENTRIES_KEPT) sharedEntries.clear();
  sharedEntries.set(key, { part, entry });
  return entry;
}

export function packDocx(entries: ZipEntry[]): Uint8Array {
  const localSize = entries.reduce((sum, entry) => sum + 30 + entry.name.length + entry.compressed.length, 0);
  const directorySize = entries.reduce((sum, entry) => sum + 46 + entry.name.length, 0);
  const out = new Uint8Array(localSize + directorySize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const entry of entries) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, VERSION, true);
    at = writeEntryFields(view, at + 6, entry);
    view.setUint16(at, entry.name.length, true);
    view.setUint16(at + 2, 0, true);
    out.set(entry.name, at + 4);
    at += 4 + entry.name.length;
    out.set(entry.compressed, at);
    at += entry.compressed.length;
  }
  const directoryStart = at;
  entries.forEach((entry, index) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 6, VERSION, true);
    at = writeEntryFields(view, at + 8, entry);
    view.setUint16(at, entry.name.length, true);
    // extra field, comment, disk number, internal and external attributes: none.
    view.setUint32(at + 14, offsets[index]!, true);
    out.set(entry.name, at + 18);
    at += 18 + entry.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directoryStart, true);
  view.setUint32(at + 16, directoryStart, true);
  return out;
}

/** Flags, method, date, checksum and sizes: the same in a local header and in the central directory. */
function writeEntryFields(view: DataView, at: number, entry: ZipEntry): number {
  view.setUint16(at, UTF8_NAMES, true);
  view.setUint16(at + 2, DEFLATE, true);
  view.setUint16(at + 4, DOS_TIME, true);
  view.setUint16(at + 6, DOS_DATE, true);
  view.setUint32(at + 8, entry.crc, true);
  view.setUint32(at + 12, entry.compressed.length, true);
  view.setUint32(at + 16, entry.size, true);
  return at + 20;
}

/** zlib's CRC-32 (Node 20.15 and later), else the same checksum computed here, for earlier releases of Node 20. */
const crc32: (data: Uint8Array) => number = (zlib as Partial<typeof zlib>).crc32 ?? tableCrc32;

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function tableCrc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
