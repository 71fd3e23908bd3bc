/**
 * A workspace written by `gongwen packets`: opening it (its manifest, checked before anything is trusted),
 * paths inside it, and the swap that replaces its generated files all at once.
 *
 * The swap (`packets --force`): the new files are built in `.gongwen-new`, which is renamed `.gongwen-ready` once
 * complete — the moment the new workspace is decided. Then each generated entry (packets/, the lists, the reply
 * template, the manifest last) is swapped: the old one moved into `.gongwen-old`, the new one moved in. Finishing
 * removes `.gongwen-old`, then `.gongwen-ready`. Whatever stops a run, the next command settles the workspace
 * first: a `.gongwen-ready` is finished (wholly new); a `.gongwen-old` without it is put back (wholly old).
 * The inbox is never among the entries moved.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { UserError, fileProblem, isUserError } from './errors.js';
import { LAYOUT, WORKSPACE_SCHEMA_VERSION, type Manifest } from './model/workspace.js';

export async function loadManifest(workspace: string): Promise<Manifest> {
  await settleWorkspace(workspace);
  let text: string;
  try {
    text = await readFile(join(workspace, LAYOUT.manifest), 'utf8');
  } catch {
    const enclosing = enclosingWorkspace(workspace);
    throw new UserError(
      enclosing === null
        ? `${workspace} 不是 gongwen 工作目录（找不到 ${LAYOUT.manifest}）。请先运行 gongwen packets 生成。`
        : `${workspace} 不是 gongwen 工作目录，而是工作目录 ${enclosing} 中的文件夹。请改用 ${enclosing}。`,
    );
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new UserError(`${join(workspace, LAYOUT.manifest)} 已损坏（不是有效的 JSON）。`);
  }
  if (manifest?.schemaVersion !== WORKSPACE_SCHEMA_VERSION || !Array.isArray(manifest.recipients) || !manifest.outline) {
    throw new UserError(`${join(workspace, LAYOUT.manifest)} 的格式不对（版本 ${String(manifest?.schemaVersion)}），请用本版本 gongwen 重新生成工作目录。`);
  }
  return manifest;
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

const { ready: READY, previous: PREVIOUS } = LAYOUT.staging;

// The swap works with the file system synchronously: a rename or a removal at a time, each a round trip to the
// thread pool when asynchronous, while nothing else runs (packets on a 30-unit letter waited some 20 ms on them).

/**
 * Swaps in the entries of the complete new workspace in `.gongwen-ready`. A failure (a file open in WPS on
 * Windows, a folder made read-only) puts back what was swapped, so the workspace is wholly old, and throws.
 */
export async function swapInReady(workspace: string): Promise<void> {
  const entries = entriesOf(join(workspace, READY));
  const swapped: Array<{ entry: string; hadOld: boolean }> = [];
  try {
    for (const entry of entries) swapped.push({ entry, hadOld: swapEntry(workspace, entry) });
  } catch (error) {
    try {
      undoSwap(workspace, swapped);
    } catch {
      // the next command settles what is left
    }
    throw error;
  }
  finish(workspace);
}

/** Finishes or undoes a swap a stopped run left half done; nothing to do in a settled workspace. */
export async function settleWorkspace(workspace: string): Promise<void> {
  try {
    if (existsSync(join(workspace, READY))) {
      for (const entry of entriesOf(join(workspace, READY))) swapEntry(workspace, entry);
      finish(workspace);
    } else if (existsSync(join(workspace, PREVIOUS))) {
      restorePrevious(workspace);
    }
  } catch (error) {
    if (isUserError(error)) throw error;
    throw new UserError(`工作目录 ${workspace} 上次重新生成时中断，现在无法完成（${fileProblem(error)}）。请处理后再运行。`);
  }
}

/** The manifest goes last: while it is the old one, the old workspace is what the manifest describes. */
function entriesOf(folder: string): string[] {
  const names = readdirSync(folder);
  return names.filter((name) => name !== LAYOUT.manifest).sort().concat(names.includes(LAYOUT.manifest) ? [LAYOUT.manifest] : []);
}

/**
 * One entry: the old one (if any) into `.gongwen-old`, the new one in its place; says whether there was an old one.
 * Safe to repeat after a stop.
 */
function swapEntry(workspace: string, entry: string): boolean {
  if (entry === LAYOUT.inbox) throw new UserError(`新生成的内容中有 ${entry}，与收件文件夹同名，已停止。`);
  const current = join(workspace, entry);
  const kept = join(workspace, PREVIOUS, entry);
  const hadOld = existsSync(current);
  if (hadOld) {
    rmSync(kept, { recursive: true, force: true });
    mkdirSync(join(workspace, PREVIOUS), { recursive: true });
    move(current, kept, current);
  }
  move(join(workspace, READY, entry), current, current);
  return hadOld;
}

/**
 * Puts the swapped entries back, newest first, the new ones into `.gongwen-ready`, which goes last: stopped
 * halfway, the next command finishes the swap instead, and the workspace is wholly new.
 */
function undoSwap(workspace: string, swapped: Array<{ entry: string; hadOld: boolean }>): void {
  for (const { entry, hadOld } of swapped.reverse()) {
    renameSync(join(workspace, entry), join(workspace, READY, entry));
    if (hadOld) renameSync(join(workspace, PREVIOUS, entry), join(workspace, entry));
  }
  rmSync(join(workspace, PREVIOUS), { recursive: true, force: true });
  // Undecided at once by its name; `packets` clears `.gongwen-new` before it builds again.
  renameSync(join(workspace, READY), join(workspace, LAYOUT.staging.building));
  rmSync(join(workspace, LAYOUT.staging.building), { recursive: true, force: true });
}

/** Puts every entry in `.gongwen-old` back in place of the new one. */
function restorePrevious(workspace: string): void {
  for (const entry of entriesOf(join(workspace, PREVIOUS))) {
    if (entry === LAYOUT.inbox) continue;
    rmSync(join(workspace, entry), { recursive: true, force: true });
    move(join(workspace, PREVIOUS, entry), join(workspace, entry), join(workspace, entry));
  }
  rmdirSync(join(workspace, PREVIOUS));
}

/**
 * The new workspace is in place: a new one gets its inbox (an existing one is left as it is), then the old
 * entries are removed, and `.gongwen-ready` (empty now) only once they are gone, so that a stop, or an old file
 * that cannot be removed yet, is cleared by a later command. The swap has succeeded whatever the clearing meets.
 */
function finish(workspace: string): void {
  mkdirSync(join(workspace, LAYOUT.inbox), { recursive: true });
  try {
    rmSync(join(workspace, PREVIOUS), { recursive: true, force: true });
    rmSync(join(workspace, READY), { recursive: true, force: true });
  } catch {
    // left for the next command to clear
  }
}

/** A rename; its failure names the workspace entry being replaced (`shown`), not the staging folders. */
function move(from: string, to: string, shown: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    throw new UserError(`无法替换 ${shown}（${fileProblem(error)}）。工作目录保持原样。`);
  }
}

/** The workspace a folder lies in (回收/, packets/04-省科技厅/), as the clerk wrote its path, or null. */
function enclosingWorkspace(folder: string): string | null {
  let dir = dirname(folder);
  for (let depth = 0; depth < 3 && dir !== dirname(dir); depth++, dir = dirname(dir)) {
    if (existsSync(join(dir, LAYOUT.manifest))) return dir;
  }
  return null;
}
