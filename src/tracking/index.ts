/**
 * `gongwen track`: who has replied. Reads every file in the inbox (never changing it), attributes each to
 * a recipient, and gives each recipient a status: the newest of its files decides.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Recipient } from '../model/outline.js';
import { LAYOUT, type Manifest } from '../model/workspace.js';
import { hasReplied, type Reply, type ReturnedContent, type TrackReport, type TrackedRecipient } from '../model/reply.js';
import { loadAliasTable, unitMatcher, type AliasTable } from '../units/index.js';
import { loadManifest } from '../workspace.js';
import { readInboxFile } from './containers.js';
import { identify, identifyContext } from './identify.js';
import { isIgnored, listInbox } from './inbox.js';
import { byVersion } from './versions.js';

export interface TrackOptions {
  /** The day to judge lateness by, YYYY-MM-DD; today when absent. */
  asOf?: string;
  aliases?: AliasTable;
}

export interface Tracking {
  manifest: Manifest;
  report: TrackReport;
  /** Every readable reply attributed to a recipient, oldest first. */
  replies: Reply[];
}

interface Received {
  file: string;
  modified: string;
  content: ReturnedContent | null;
  problem: string | null;
  doubt: string | null;
}

export async function trackWorkspace(workspace: string, options: TrackOptions = {}): Promise<Tracking> {
  const manifest = await loadManifest(workspace);
  const { outline } = manifest;
  const aliases = options.aliases ?? (await workspaceAliases(workspace));
  const asOf = options.asOf ?? today();
  const recipients: Recipient[] = outline.recipients;
  const listing = await listInbox(workspace, manifest.inbox, outline.recipients.length);
  const report: TrackReport = {
    asOf, deadline: outline.letter.deadline, recipients: [], unmatched: [], ignored: listing.ignored, leftOut: listing.leftOut, secret: [], packets: await checkPackets(workspace, manifest),
  };
  const received = new Map<string, Received[]>();
  const context = identifyContext(recipients, unitMatcher(recipients, aliases), outline.letter.docNumber?.text ?? null);

  const inbox = await readAll(workspace, listing.files);
  report.ignored.push(...inbox.ignored);
  for (const { file, modified, content, problem } of inbox.received) {
    if (content && content.secrecyMarks.length > 0) report.secret.push({ file, marks: content.secrecyMarks });
    const found = identify(file, content, context);
    if (found.kind === 'unmatched') {
      report.unmatched.push({ file, reason: problem ? `${problem}；${found.reason}` : found.reason });
      continue;
    }
    const list = received.get(found.recipient.id) ?? [];
    list.push({ file, modified, content, problem, doubt: found.doubt });
    received.set(found.recipient.id, list);
  }

  const replies: Reply[] = [];
  for (const recipient of recipients) {
    const files = (received.get(recipient.id) ?? []).sort(byVersion);
    report.recipients.push(statusOf(recipient, files, asOf, outline.letter.deadline));
    for (const entry of files) {
      if (entry.content) replies.push({ file: entry.file, recipientId: recipient.id, modified: entry.modified, content: entry.content });
    }
  }
  return { manifest, report, replies };
}

function statusOf(recipient: Recipient, files: Received[], asOf: string, deadline: string | null): TrackedRecipient {
  const line: TrackedRecipient = {
    id: recipient.id, name: recipient.name, status: 'missing', files: files.map((f) => f.file), superseded: files.slice(0, -1).map((f) => f.file),
    comments: 0, reading: null, problems: [],
  };
  line.problems.push(...files.flatMap((entry) => (entry.doubt ? [`${entry.file}：${entry.doubt}`] : [])));
  const deciding = files.at(-1);
  if (!deciding) {
    line.status = deadline && asOf > deadline ? 'overdue' : 'missing';
    return line;
  }
  const { content } = deciding;
  if (!content) {
    line.status = 'unreadable';
    line.problems.push(`${deciding.file}：${deciding.problem ?? '无法读取'}，请对方重新发送`);
    return line;
  }
  line.comments = content.comments.length;
  line.reading = !content.contentRead ? 'not-read' : content.itemised ? 'itemised' : 'not-itemised';
  line.problems.push(...content.flags.map((flag) => `${deciding.file}：${flag}`));
  if (!content.contentRead) {
    line.status = 'commented';
    line.problems.push(`${deciding.file}：内容未读取（扫描件、图片或无法读取文字的格式），意见须人工录入`);
  } else if (content.comments.length > 0) {
    line.status = 'commented';
  } else if (content.noComment) {
    line.status = 'no-comment';
  } else if (content.kind === 'form') {
    line.status = 'unconfirmed';
    line.problems.push(`${deciding.file}：反馈表未填写意见，也未勾选“无意见”，请与对方确认`);
  } else {
    line.status = 'commented';
    line.problems.push(`${deciding.file}：未找到分条意见，意见须人工录入`);
  }
  return line;
}

/** Files read at once: reading one overlaps waiting for the disk on the next. */
const READ_AHEAD = 8;

/** `work` on every item, READ_AHEAD at a time; each worker gets its own `scratch`. */
async function eachInTurn<T, S>(items: T[], scratch: () => S, work: (item: T, index: number, scratch: S) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    const own = scratch();
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index, own);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AHEAD, items.length) }, worker));
}

/** Every inbox file read, in the listing's order, with the files inside mails and zips after their container. */
async function readAll(workspace: string, files: string[]): Promise<{ received: Omit<Received, 'doubt'>[]; ignored: string[] }> {
  const insideIgnored: string[] = [];
  const results: Omit<Received, 'doubt'>[][] = new Array(files.length);
  await eachInTurn(files, () => null, async (file, index) => {
    const info = await stat(join(workspace, file));
    const modified = info.mtime.toISOString();
    const { items, ignored } = await readInboxFile(workspace, file, info.size);
    insideIgnored.push(...ignored);
    results[index] = items.map((item) => ({ ...item, modified }));
  });
  return { received: results.flat(), ignored: insideIgnored.sort() };
}

/** The files in packets/ against the sha256 the manifest recorded when they were made. */
async function checkPackets(workspace: string, manifest: Manifest): Promise<TrackReport['packets']> {
  const recorded = Object.entries(manifest.hashes ?? {}).filter(([path]) => path.startsWith(`${LAYOUT.packets}/`));
  const root = join(workspace, LAYOUT.packets);
  const present = new Set((await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isFile() && !isIgnored(entry.name))
    .map((entry) => `${LAYOUT.packets}/${relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')}`));
  const problems: TrackReport['packets'] = [];
  // 20,000 files at 10,000 recipients: each hashed through its worker's one buffer, none read whole.
  await eachInTurn(recorded, () => Buffer.allocUnsafe(HASH_CHUNK), async ([path, hash], _, buffer) => {
    if (!present.has(path)) problems.push({ file: path, problem: '缺失' });
    else if ((await sha256(join(workspace, path), buffer)) !== hash) problems.push({ file: path, problem: '与生成时不同（被修改或替换过）' });
  });
  const known = new Set(recorded.map(([path]) => path));
  for (const path of present) if (!known.has(path)) problems.push({ file: path, problem: '不是本工作目录生成的文件' });
  return problems.sort((a, b) => a.file.localeCompare(b.file));
}

const HASH_CHUNK = 256 * 1024;

async function sha256(path: string, buffer: Buffer): Promise<string> {
  const hash = createHash('sha256');
  const file = await open(path);
  try {
    for (let read = await file.read(buffer, 0, buffer.length); read.bytesRead > 0; read = await file.read(buffer, 0, buffer.length)) {
      hash.update(buffer.subarray(0, read.bytesRead));
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

/** The bundled alias table, plus the workspace's own additions (aliases.json beside the manifest). */
export async function workspaceAliases(workspace: string): Promise<AliasTable> {
  const own = join(workspace, LAYOUT.aliases);
  return loadAliasTable(existsSync(own) ? [own] : []);
}

/** Today's date where the clerk is, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** 0 when every recipient has replied, 3 while any is outstanding (missing, overdue, unreadable). */
export function trackExitCode(report: TrackReport): number {
  return report.recipients.every((line) => hasReplied(line.status)) ? 0 : 3;
}
