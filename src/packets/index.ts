/**
 * `packets`: the outline → the workspace a clerk sends from (design brief, "Workspace"): per recipient an
 * 意见反馈表 and a 复函, the 分发清单 three ways, the 复函模板, the empty inbox 回收/, and the manifest.
 *
 * Every document is made in memory first, so a problem (a template mistake) leaves the disk untouched;
 * then each file is written atomically and the manifest last, so a workspace with a manifest is complete.
 * The inbox is created if missing and never looked into.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import type { Outline } from '../model/outline.js';
import { DEFAULT_INBOX, MANIFEST_FILE, WORKSPACE_SCHEMA_VERSION, type Manifest } from '../model/workspace.js';
import { distributionCsv, distributionDocx, distributionXlsx } from '../writers/distribution.js';
import { feedbackForm } from '../writers/feedback-form.js';
import { replyLetter, replyTemplate } from '../writers/reply-letter.js';
import { directRenderer, loadTemplates, preparedRenderer } from '../writers/template/index.js';
import { insideWorkspace, packetFolder, resolveInside } from './names.js';

export interface PacketOptions {
  /** Write into an existing workspace, replacing what gongwen made there before. */
  force?: boolean;
  /** An office's own templates (missing ones come from gongwen's). */
  templatesDir?: string;
  /** Called as each document is made. */
  onProgress?: (done: number, total: number) => void;
}

/** File names in the workspace (the design brief's contract). */
const FILE = {
  form: '意见反馈表.docx',
  reply: '复函.docx',
  distribution: { docx: '分发清单.docx', xlsx: '分发清单.xlsx', csv: '分发清单.csv' },
  replyTemplate: '复函模板.docx',
} as const;

interface PlannedFile {
  path: string;
  make: () => Promise<Uint8Array> | Uint8Array;
}

export async function createPackets(outline: Outline, workspaceDir: string, options: PacketOptions = {}): Promise<Manifest> {
  if (outline.recipients.length === 0) {
    throw new UserError('来函中没有识别出受文单位，无法生成分发材料。请先用 gongwen check 检查来函。');
  }
  await checkWorkspace(workspaceDir, options.force ?? false);
  const templates = await loadTemplates(options.templatesDir);
  // One date for the whole workspace; forms and replies, one per unit, are patched from prepared packages.
  const madeAt = new Date();
  const single = directRenderer(madeAt);
  const perUnit = preparedRenderer(madeAt);

  const count = outline.recipients.length;
  const recipients = outline.recipients.map((recipient, index) => {
    const folder = packetFolder(index + 1, count, recipient.name);
    return { recipient, files: { form: `${folder}/${FILE.form}`, reply: `${folder}/${FILE.reply}` } };
  });
  const plan: PlannedFile[] = [
    ...recipients.flatMap(({ recipient, files }) => [
      { path: files.form, make: () => feedbackForm(outline, recipient, templates, perUnit) },
      { path: files.reply, make: () => replyLetter(outline, recipient, templates, perUnit) },
    ]),
    { path: FILE.distribution.docx, make: () => distributionDocx(outline, templates, single) },
    { path: FILE.distribution.xlsx, make: () => distributionXlsx(outline, templates) },
    { path: FILE.distribution.csv, make: () => distributionCsv(outline, templates) },
    { path: FILE.replyTemplate, make: () => replyTemplate(outline, templates, single) },
  ];

  const made: { path: string; bytes: Uint8Array }[] = [];
  for (const file of plan) {
    insideWorkspace(workspaceDir, file.path);
    made.push({ path: file.path, bytes: await file.make() });
    options.onProgress?.(made.length, plan.length);
  }

  const manifest: Manifest = {
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    outline,
    inbox: DEFAULT_INBOX,
    files: { distribution: { ...FILE.distribution }, replyTemplate: FILE.replyTemplate },
    recipients: recipients.map(({ recipient, files }) => ({ id: recipient.id, name: recipient.name, files })),
    hashes: Object.fromEntries(made.map(({ path, bytes }) => [path, sha256(bytes)])),
  };

  const previous = await previousManifest(workspaceDir);
  await mkdir(insideWorkspace(workspaceDir, DEFAULT_INBOX), { recursive: true });
  for (const { path, bytes } of made) {
    const target = insideWorkspace(workspaceDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, bytes);
  }
  await writeFileAtomic(insideWorkspace(workspaceDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  if (previous) await removeStale(workspaceDir, previous, manifest);
  return manifest;
}

/** A workspace that exists and holds anything is only written into with --force. */
async function checkWorkspace(workspaceDir: string, force: boolean): Promise<void> {
  const info = await stat(workspaceDir).catch(() => null);
  if (info === null) return;
  if (!info.isDirectory()) throw new UserError(`${workspaceDir} 已存在，但不是文件夹。请换一个工作目录。`);
  if (force) return;
  if ((await readdir(workspaceDir)).length > 0) {
    throw new UserError(`工作目录 ${workspaceDir} 已存在，未作任何改动。要重新生成，请加 --force（${DEFAULT_INBOX}/ 中的文件不会被改动）。`);
  }
}

async function previousManifest(workspaceDir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(insideWorkspace(workspaceDir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Files an earlier run made that this run did not (a unit no longer on the list), and their empty folders. */
async function removeStale(workspaceDir: string, previous: Manifest, current: Manifest): Promise<void> {
  const stale = Object.keys(previous.hashes ?? {}).filter((path) => !Object.hasOwn(current.hashes, path));
  for (const path of stale) {
    if (path.split('/')[0] === current.inbox || path === MANIFEST_FILE) continue;
    const target = resolveInside(workspaceDir, path);
    if (target === null) continue; // an edited manifest pointing outside the workspace: not ours to remove
    await rm(target, { force: true });
    if (dirname(target) !== resolve(workspaceDir)) await rmdir(dirname(target)).catch(() => undefined); // only if now empty
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
