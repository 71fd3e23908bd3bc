/**
 * Folder and file names made from unit names, safe on Windows and Linux: no separators or characters Windows
 * forbids, no `..`, no invisible or direction-changing characters, no reserved device names (CON, NUL, COM1 …),
 * no trailing dot or space, and short enough for Windows paths.
 */
import { resolve, sep } from 'node:path';
import { UserError } from '../errors.js';

/** Characters Windows forbids in names, and control characters. */
const FORBIDDEN = /[<>:"/\\|?*\p{Cc}]/gu;
/** Invisible format characters (zero-width, bidi overrides) that would make a name look like another. */
const INVISIBLE = /\p{Cf}/gu;
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/iu;
/** Characters kept of a unit's name: 40 Chinese characters are 120 bytes in UTF-8. */
const MAX_NAME_CHARACTERS = 40;

export function safeName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(FORBIDDEN, '_')
    .replace(/\.{2,}/gu, '_')
    .trim();
  const short = [...cleaned].slice(0, MAX_NAME_CHARACTERS).join('').replace(/[\s.]+$/u, '');
  const safe = short === '' ? '_' : short;
  return RESERVED.test(safe) ? `_${safe}` : safe;
}

/** `04`: a unit's number in the recipients' order, as wide as the largest (and at least two digits), so names sort. */
export function unitNumber(position: number, count: number): string {
  return String(position).padStart(Math.max(2, String(count).length), '0');
}

/** `04-省科技厅`: numbered in the recipients' order, so names stay unique and sorted. */
export function unitFolderName(position: number, count: number, unitName: string): string {
  return `${unitNumber(position, count)}-${safeName(unitName)}`;
}

/** `packets/04-省科技厅` */
export function packetFolder(position: number, count: number, unitName: string): string {
  return `packets/${unitFolderName(position, count, unitName)}`;
}

/** The absolute path of a workspace-relative path, or null when it would lead out of the workspace. */
export function resolveInside(workspace: string, relative: string): string | null {
  const root = resolve(workspace);
  const path = resolve(root, ...relative.split('/'));
  return path.startsWith(root + sep) ? path : null;
}

/** As resolveInside, refusing a path that leaves the workspace. */
export function insideWorkspace(workspace: string, relative: string): string {
  const path = resolveInside(workspace, relative);
  if (path === null) throw new UserError(`文件名 ${relative} 会写到工作目录之外，已停止。`);
  return path;
}
