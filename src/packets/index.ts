/**
 * `packets`: the outline → the workspace a clerk sends from (design brief, "Workspace"): per recipient an
 * 意见反馈表 and a 复函, the 分发清单 three ways, the 复函模板, the empty inbox 回收/, and the manifest.
 *
 * The new workspace is built beside the old one, in `.gongwen-new`, and swapped in at the end (src/workspace.ts):
 * a template mistake, an unwritable file, Ctrl-C or a killed process leave the workspace wholly old or wholly
 * new. The inbox is created if missing and never looked into.
 */
import { createHash } from 'node:crypto';
import { readdirSync, type Dirent } from 'node:fs';
import { copyFile, readFile, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { ensureFolder, writeFailure, writeNewFile } from '../files.js';
import type { Outline } from '../model/outline.js';
import { LAYOUT, WORKSPACE_SCHEMA_VERSION, packetFiles, type Manifest } from '../model/workspace.js';
import { distributionCsv, distributionDocx, distributionTable, distributionXlsx } from '../writers/distribution.js';
import { feedbackForm } from '../writers/feedback-form.js';
import { replyLetter, replyTemplate } from '../writers/reply-letter.js';
import { directRenderer, loadTemplates, preparedRenderer } from '../writers/template/index.js';
import type { TemplateTable } from '../writers/template/table.js';
import { insideWorkspace, resolveInside, settleWorkspace, swapInReady } from '../workspace.js';

export interface PacketOptions {
  /** Write into an existing workspace, replacing what gongwen made there before. */
  force?: boolean;
  /** An office's own templates (missing ones come from gongwen's). */
  templatesDir?: string;
  /**
   * The member list the recipients were expanded with (--recipients), as text, kept in the workspace as
   * 名单.txt so that a later run finds it there; a later run without the option keeps it as it is.
   */
  memberList?: string;
  /** Called as each document is made. */
  onProgress?: (done: number, total: number) => void;
}

interface PlannedFile {
  path: string;
  make: () => Promise<Uint8Array> | Uint8Array;
}

/** How many written documents may wait on the disk while the next are made (measured best of 1, 8 and sync). */
const WRITES_AT_ONCE = 8;

/** The signals a clerk stops a command with: Ctrl-C, and `kill`. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export async function createPackets(outline: Outline, workspaceDir: string, options: PacketOptions = {}): Promise<Manifest> {
  if (outline.recipients.length === 0) {
    throw new UserError('来函中没有识别出受文单位，无法生成分发材料。请先用 gongwen check 检查来函。');
  }
  const templates = await loadTemplates(options.templatesDir);
  const created = await checkWorkspace(workspaceDir, options.force ?? false);
  // One date for the whole workspace; forms and replies, one per unit, are patched from prepared packages.
  const madeAt = new Date();
  const single = directRenderer(madeAt);
  const perUnit = preparedRenderer(madeAt);

  // The 分发清单's rows, made once for its .xlsx and its .csv (at 3,000 units some 65 ms each time).
  let distribution: TemplateTable | undefined;
  const distributionRows = (): TemplateTable => (distribution ??= distributionTable(outline, templates));
  const count = outline.recipients.length;
  const recipients = outline.recipients.map((recipient, index) => ({ recipient, files: packetFiles(index + 1, count, recipient.name) }));
  const plan: PlannedFile[] = [
    ...recipients.flatMap(({ recipient, files }) => [
      { path: files.form, make: () => feedbackForm(outline, recipient, templates, perUnit) },
      { path: files.reply, make: () => replyLetter(outline, recipient, templates, perUnit) },
    ]),
    { path: LAYOUT.distribution.docx, make: () => distributionDocx(outline, templates, single) },
    { path: LAYOUT.distribution.xlsx, make: () => distributionXlsx(outline, templates, distributionRows()) },
    { path: LAYOUT.distribution.csv, make: () => distributionCsv(outline, templates, distributionRows()) },
    { path: LAYOUT.replyTemplate, make: () => replyTemplate(outline, templates, single) },
  ];
  for (const file of plan) insideWorkspace(workspaceDir, file.path);

  // Until the swap, a stop signal stops the build and leaves the old workspace; during it, it waits its end.
  let stopped: string | null = null;
  const stop = (signal: string): void => void (stopped ??= signal);
  for (const signal of STOP_SIGNALS) process.on(signal, stop);
  const building = insideWorkspace(workspaceDir, LAYOUT.staging.building);
  // Each document is written as soon as it is made and then let go; a few writes run while the next documents
  // are made (the thread pool creates the files meanwhile), never more, so memory stays that of a few documents.
  const writing = new Set<Promise<void>>();
  try {
    const hashes: Record<string, string> = {};
    const folders = new Map<string, Promise<void>>();
    for (const [index, file] of plan.entries()) {
      if (stopped) throw new UserError(`已中断（${stopped}），工作目录 ${workspaceDir} 未作改动。`, 130);
      const bytes = await file.make();
      const target = join(building, ...file.path.split('/'));
      const folder = dirname(target);
      const made = folders.get(folder) ?? ensureFolder(folder);
      folders.set(folder, made);
      const write = made.then(() => writeNewFile(target, bytes));
      writing.add(write);
      void write.then(() => writing.delete(write), () => undefined); // a failed write stays, for Promise.race to throw
      if (writing.size >= WRITES_AT_ONCE) await Promise.race(writing);
      hashes[file.path] = sha256(bytes);
      options.onProgress?.(index + 1, plan.length);
    }
    await Promise.all(writing);
    const manifest: Manifest = {
      schemaVersion: WORKSPACE_SCHEMA_VERSION,
      outline,
      inbox: LAYOUT.inbox,
      files: { distribution: { ...LAYOUT.distribution }, replyTemplate: LAYOUT.replyTemplate },
      recipients: recipients.map(({ recipient, files }) => ({ id: recipient.id, name: recipient.name, files })),
      hashes,
    };
    if (options.memberList) await writeNewFile(join(building, LAYOUT.members), options.memberList);
    await writeNewFile(join(building, LAYOUT.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    await carryOverOwnFiles(workspaceDir, building, hashes);
    if (stopped) throw new UserError(`已中断（${stopped}），工作目录 ${workspaceDir} 未作改动。`, 130);
    await commit(building, insideWorkspace(workspaceDir, LAYOUT.staging.ready));
    await swapInReady(workspaceDir);
    return manifest;
  } catch (error) {
    await Promise.allSettled(writing); // none may write into the build once it is removed
    await rm(building, { recursive: true, force: true }).catch(() => undefined);
    if (created) await rmdir(workspaceDir).catch(() => undefined); // only when nothing else is in it
    throw error;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, stop);
  }
}

/**
 * A workspace that exists and holds anything is only written into with --force. Settles a swap a stopped run
 * left half done, and clears the unfinished build it may have left. Says whether it made the folder.
 */
async function checkWorkspace(workspaceDir: string, force: boolean): Promise<boolean> {
  const info = await stat(workspaceDir).catch(() => null);
  if (info !== null && !info.isDirectory()) throw new UserError(`${workspaceDir} 已存在，但不是文件夹。请换一个工作目录。`);
  if (info === null) {
    await ensureFolder(workspaceDir);
    return true;
  }
  await settleWorkspace(workspaceDir);
  const building = insideWorkspace(workspaceDir, LAYOUT.staging.building);
  await rm(building, { recursive: true, force: true }).catch((error: unknown) => {
    throw writeFailure(building, error);
  });
  if (!force && (await readdir(workspaceDir)).length > 0) {
    throw new UserError(`工作目录 ${workspaceDir} 已存在，未作任何改动。要重新生成，请加 --force（${LAYOUT.inbox}/ 中的文件不会被改动）。`);
  }
  return false;
}

/**
 * Files a person put into packets/ (a unit's signed copy, a note) are not gongwen's to drop: copied into the new
 * build where it makes nothing at that path, else beside it as `名称（原有）.ext`.
 */
async function carryOverOwnFiles(workspaceDir: string, building: string, made: Record<string, string>): Promise<void> {
  const previous = await previousHashes(workspaceDir);
  const own = listFiles(workspaceDir, LAYOUT.packets).filter((path) => !Object.hasOwn(previous, path));
  for (const path of own) {
    const source = resolveInside(workspaceDir, path);
    if (source === null) continue;
    const kept = Object.hasOwn(made, path) ? path.replace(/(\.[^./]*)?$/u, (extension) => `（原有）${extension}`) : path;
    const target = join(building, ...kept.split('/'));
    await ensureFolder(dirname(target));
    await copyFile(source, target).catch((error: unknown) => {
      throw writeFailure(target, error);
    });
  }
}

async function previousHashes(workspaceDir: string): Promise<Record<string, string>> {
  try {
    const manifest = JSON.parse(await readFile(insideWorkspace(workspaceDir, LAYOUT.manifest), 'utf8')) as Partial<Manifest>;
    return manifest.hashes ?? {};
  } catch {
    return {};
  }
}

/**
 * Files under a folder of the workspace, as workspace paths; none when it is missing. Listed synchronously: the
 * asynchronous listing reads one folder at a time, each a round trip to the thread pool, three to five times
 * slower with a folder per unit (3,000 units: 0.15–0.45 s against 0.05–0.09 s), and nothing else runs meanwhile.
 */
function listFiles(workspaceDir: string, folder: string): string[] {
  const root = insideWorkspace(workspaceDir, folder);
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => `${folder}/${join(entry.parentPath, entry.name).slice(root.length + 1).split(/[\\/]/u).join('/')}`);
}

/** The build, complete, becomes the new workspace-to-be in one rename. */
async function commit(building: string, ready: string): Promise<void> {
  await rename(building, ready).catch((error: unknown) => {
    throw writeFailure(ready, error);
  });
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
