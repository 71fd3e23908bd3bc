/**
 * Writing files so that a reader never sees half a file (temp file in the same folder, then rename), and every
 * failure to write said as one Chinese line naming the path.
 */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError, fileProblem } from './errors.js';

/** Temp files this process has made: with the process id, a name no other writer uses at the same time. */
let temps = 0;

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${++temps}.tmp`);
  try {
    // 'wx': never write through a file that happens to be there (a leftover, or a link someone placed).
    await writeFile(temp, data, { flag: 'wx' });
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw writeFailure(path, error);
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw writeFailure(path, error);
  }
}

/** A file in a folder being built that no one else reads yet: written in place, never through an existing file. */
export async function writeNewFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data, { flag: 'wx' });
  } catch (error) {
    throw writeFailure(path, error);
  }
}

/** A folder and its parents, made if missing. */
export async function ensureFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw writeFailure(await firstMissing(path), error);
  }
}

/** The outermost folder of `path` that does not exist: the one that could not be made. */
async function firstMissing(path: string): Promise<string> {
  let missing = path;
  while (dirname(missing) !== missing && !(await stat(dirname(missing)).then(() => true, () => false))) missing = dirname(missing);
  return missing;
}

/** The one line a clerk reads when `path` cannot be written. */
export function writeFailure(path: string, error: unknown): UserError {
  return new UserError(`无法写入 ${path}（${fileProblem(error)}）。`);
}
