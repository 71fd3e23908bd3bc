/**
 * Reading parts of an Office file (a zip) from memory, defensively: returned files come from outside.
 * The central directory is read first and its entry count capped; an entry is inflated in small pieces
 * and abandoned as soon as it grows past its cap (a zip bomb is refused after a few megabytes, not after
 * filling memory). Nothing is ever extracted to disk, so entry names such as `../../x` are harmless.
 */
import { Inflate } from 'fflate';

export const MAX_ENTRIES = 5000;
export const MAX_PART_BYTES = 32 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

/** Why a zip could not be read, in words for the clerk. */
export class ZipProblem extends Error {}

export function listEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipProblem('文件过大（ZIP64），不像是一份反馈材料');
  if (count > MAX_ENTRIES) throw new ZipProblem(`压缩包内文件过多（${count} 个）`);
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw new ZipProblem('文件不完整或已损坏');
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      encrypted: (flags & 1) === 1,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one entry, or a ZipProblem when it is damaged, encrypted or larger than `maxBytes`. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes = MAX_PART_BYTES): Uint8Array {
  if (entry.encrypted) throw new ZipProblem('文件设有密码');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new ZipProblem('文件不完整或已损坏');
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipProblem('文件不完整（可能只传了一部分）');
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipProblem(`${entry.name} 过大`);
    return data;
  }
  if (entry.method !== 8) throw new ZipProblem(`不支持的压缩方式（${entry.method}）`);
  return inflateBounded(data, maxBytes, entry.name);
}

function inflateBounded(data: Uint8Array, maxBytes: number, name: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw new ZipProblem(`${name} 解压后过大（可能是压缩炸弹）`);
    chunks.push(chunk);
    done = final;
  });
  const step = 16 * 1024;
  try {
    for (let offset = 0; offset < data.length; offset += step) {
      inflater.push(data.subarray(offset, offset + step), offset + step >= data.length);
    }
  } catch (error) {
    if (error instanceof ZipProblem) throw error;
    throw new ZipProblem('文件已损坏，无法解压');
  }
  if (!done) throw new ZipProblem('文件不完整或已损坏');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function findEndOfCentralDirectory(view: DataView): number {
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= earliest; offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) return offset;
  }
  throw new ZipProblem('文件不完整或已损坏（不是完整的 Office 文件）');
}
