/**
 * Reading parts of an Office file (a zip) from memory, defensively: returned files come from outside.
 * The central directory is read first and its entry count capped; an entry is inflated by zlib with a cap
 * on its output, abandoned as soon as it grows past it (a zip bomb is refused at the cap, not after filling
 * memory). Nothing is ever extracted to disk, so entry names such as `../../x` are harmless.
 */
import { inflateRawSync } from 'node:zlib';
import { ReadProblem } from './problem.js';

export const MAX_ENTRIES = 5000;
export const MAX_PART_BYTES = 32 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

export function listEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ReadProblem('文件过大（ZIP64），不像是一份反馈材料');
  if (count > MAX_ENTRIES) throw new ReadProblem(`压缩包内文件过多（${count} 个）`);
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw new ReadProblem('文件不完整或已损坏');
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      name: entryName(bytes.subarray(offset + 46, offset + 46 + nameLength), flags),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      encrypted: (flags & 1) === 1,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * An entry's name: UTF-8 when the zip says so (flag bit 11), else the code page of the machine that made it,
 * which for a Chinese office is CP936 (Windows' own zip, 好压, WinRAR): decoded as GB18030, its superset.
 */
function entryName(raw: Uint8Array, flags: number): string {
  if ((flags & 0x800) !== 0) return new TextDecoder().decode(raw);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

/** The bytes of one entry, or a ReadProblem when it is damaged, encrypted or larger than `maxBytes`. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes = MAX_PART_BYTES): Uint8Array {
  if (entry.encrypted) throw new ReadProblem('文件设有密码');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new ReadProblem('文件不完整或已损坏');
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ReadProblem('文件不完整（可能只传了一部分）');
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ReadProblem(`${entry.name} 过大`);
    return data;
  }
  if (entry.method !== 8) throw new ReadProblem(`不支持的压缩方式（${entry.method}）`);
  return inflateBounded(data, maxBytes, entry.name);
}

/** zlib's own inflate, stopped as soon as the output passes `maxBytes`. */
function inflateBounded(data: Uint8Array, maxBytes: number, name: string): Uint8Array {
  try {
    // zlib's default 16 KB chunks make a large entry's inflation quadratic (1 s for 20 MB); 64 KB keeps it linear.
    return inflateRawSync(data, { maxOutputLength: maxBytes, chunkSize: 64 * 1024 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new ReadProblem(`${name} 解压后过大（可能是压缩炸弹）`);
    if (code === 'Z_BUF_ERROR') throw new ReadProblem('文件不完整或已损坏');
    throw new ReadProblem('文件已损坏，无法解压');
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= earliest; offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) return offset;
  }
  throw new ReadProblem('文件不完整或已损坏（不是完整的 Office 文件）');
}
